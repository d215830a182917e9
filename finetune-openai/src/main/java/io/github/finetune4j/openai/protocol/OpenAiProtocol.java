package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.spi.HttpCall;
import io.github.finetune4j.core.spi.HttpResult;
import io.github.finetune4j.core.spi.HttpTransport;
import io.github.finetune4j.core.spi.ProviderContext;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * The OpenAI protocol bound to one dialect and the core transport: builds authenticated requests, sends them, and
 * reads the answers into the core's records. {@link ProtocolProvider} is built on it, and so are provider-specific
 * extensions (for example Azure's file import), which thereby share the request building, the redaction and the
 * response reading. Immutable and thread-safe.
 */
public final class OpenAiProtocol {
    /** Content type of the JSON answers asked for. */
    static final String JSON = "application/json";

    private final OpenAiDialect dialect;
    private final HttpTransport transport;
    private final ObjectMapper mapper;
    private final ResponseReader reader;
    private final FileMapper files;
    private final JobMapper jobs;
    private final EventMapper events;

    /**
     * Binds the protocol to a dialect.
     *
     * @param dialect what differs for this endpoint
     * @param context the core transport and JSON mapper
     */
    public OpenAiProtocol(OpenAiDialect dialect, ProviderContext context) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(context, "context");
        this.transport = context.transport();
        this.mapper = context.objectMapper();
        this.reader = new ResponseReader(mapper, dialect.providerId(), dialect.serviceName());
        this.files = new FileMapper(dialect);
        this.jobs = new JobMapper(dialect);
        this.events = new EventMapper(dialect);
    }

    /**
     * The dialect.
     *
     * @return the dialect
     */
    public OpenAiDialect dialect() {
        return dialect;
    }

    /**
     * The reader for answers of this endpoint.
     *
     * @return the reader
     */
    public ResponseReader reader() {
        return reader;
    }

    /**
     * The URI of an operation, as the dialect routes it.
     *
     * @param operation the operation
     * @param path the encoded relative path ({@link ProtocolUris#path(String...)})
     * @param query query parameters, not yet encoded
     * @return the URI
     */
    public URI uri(Operation operation, String path, Map<String, String> query) {
        return dialect.uri(operation, path, query);
    }

    /**
     * Starts an authenticated request that asks for JSON. May fetch a token.
     *
     * @param method the HTTP method
     * @param uri the URI
     * @return the builder, with the dialect's authentication headers
     */
    public HttpCall.Builder request(String method, URI uri) {
        HttpCall.Builder call = HttpCall.builder(method, uri).header("Accept", JSON);
        dialect.authenticate(call);
        return call;
    }

    /**
     * Sends a request through the core transport.
     *
     * @param call the request
     * @return the 2xx answer; errors arrive as exceptions of the core hierarchy
     */
    public HttpResult send(HttpCall call) {
        return transport.send(call);
    }

    /**
     * Sends a request through the core transport and streams its 2xx body into a file.
     *
     * @param call the request
     * @param target the file (created or truncated)
     * @return the 2xx answer, with an empty body; errors arrive as exceptions of the core hierarchy
     */
    public HttpResult download(HttpCall call, java.nio.file.Path target) {
        return transport.download(call, target);
    }

    /**
     * Reads a file object.
     *
     * @param result the answer
     * @param what names the object in messages, for example {@code file import}
     * @return the file, with the dialect's status words mapped
     */
    public FileInfo readFile(HttpResult result, String what) {
        return reader.read(result, FileDto.class, files::fromWire, what);
    }

    /**
     * Writes a request body as JSON.
     *
     * @param body a tree or a DTO
     * @return the UTF-8 bytes
     * @throws IllegalArgumentException if it cannot be written
     */
    public byte[] json(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    ObjectMapper mapper() {
        return mapper;
    }

    FileMapper files() {
        return files;
    }

    JobMapper jobs() {
        return jobs;
    }

    EventMapper events() {
        return events;
    }

    @Override
    public String toString() {
        return "OpenAiProtocol[" + dialect + "]";
    }
}
