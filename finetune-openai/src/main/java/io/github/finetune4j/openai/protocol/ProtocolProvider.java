package io.github.finetune4j.openai.protocol;

import io.github.finetune4j.core.model.ChatRequest;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.Page;
import io.github.finetune4j.core.model.PageRequest;
import io.github.finetune4j.core.spi.BatchSupport;
import io.github.finetune4j.core.spi.FileUpload;
import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.core.spi.HttpBody;
import io.github.finetune4j.core.spi.HttpCall;
import io.github.finetune4j.core.spi.JobControl;
import io.github.finetune4j.core.spi.JobCreation;
import io.github.finetune4j.core.spi.LargeFileUploads;
import io.github.finetune4j.core.spi.ModelCatalog;
import io.github.finetune4j.core.spi.ModelDeletion;
import io.github.finetune4j.core.spi.MultipartForm;
import io.github.finetune4j.core.spi.ProviderCapabilities;
import io.github.finetune4j.core.spi.RetryMode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A provider for any endpoint that speaks the OpenAI fine-tuning protocol, configured by its {@link OpenAiDialect}:
 * OpenAI, Azure OpenAI, and gateways. Each method sends exactly one request through the core transport and
 * translates the answer; error statuses never arrive here (the transport maps them). Optional features are offered
 * through {@link #feature(Class)} as the dialect declares them, plus the extensions given to the
 * {@link Builder}. Thread-safe; holds only immutable configuration.
 *
 * <pre>{@code
 * FineTuneProvider provider = ProtocolProvider.builder(new OpenAiProtocol(dialect, context)).build();
 * }</pre>
 */
public final class ProtocolProvider implements FineTuneProvider {
    /** Content type of an uploaded fine-tuning file. */
    static final String JSONL = "application/jsonl";

    private final OpenAiProtocol protocol;
    private final OpenAiDialect dialect;
    private final Map<Class<?>, Object> features;

    private ProtocolProvider(OpenAiProtocol protocol, Map<Class<?>, Object> extensions) {
        this.protocol = protocol;
        this.dialect = protocol.dialect();
        Map<Class<?>, Object> offered = new LinkedHashMap<>();
        if (dialect.features().contains(OpenAiDialect.Feature.PAUSE_RESUME)) {
            offered.put(JobControl.class, new ProtocolJobControl(protocol));
        }
        if (dialect.features().contains(OpenAiDialect.Feature.MODEL_CATALOG)) {
            offered.put(ModelCatalog.class, new ProtocolModels(protocol));
        }
        if (dialect.features().contains(OpenAiDialect.Feature.MODEL_DELETION)) {
            offered.put(ModelDeletion.class, new ProtocolModelDeletion(protocol));
        }
        if (dialect.features().contains(OpenAiDialect.Feature.BATCHES)) {
            offered.put(BatchSupport.class, new ProtocolBatches(protocol));
        }
        if (dialect.features().contains(OpenAiDialect.Feature.LARGE_FILE_UPLOADS)) {
            offered.put(LargeFileUploads.class, new ProtocolUploads(protocol));
        }
        offered.putAll(extensions);
        this.features = Map.copyOf(offered);
    }

    /**
     * Starts a provider over a bound protocol.
     *
     * @param protocol the protocol with its dialect and transport
     * @return a builder
     */
    public static Builder builder(OpenAiProtocol protocol) {
        return new Builder(protocol);
    }

    @Override
    public String id() {
        return dialect.providerId();
    }

    @Override
    public ProviderCapabilities capabilities() {
        return dialect.capabilities();
    }

    @Override
    public <T> Optional<T> feature(Class<T> type) {
        Object feature = features.get(Objects.requireNonNull(type, "type"));
        return feature == null ? Optional.empty() : Optional.of(type.cast(feature));
    }

    @Override
    public String whyUnsupported(Class<?> type) {
        for (OpenAiDialect.Feature feature : OpenAiDialect.Feature.values()) {
            if (ProtocolFeatures.spiType(feature).filter(type::equals).isPresent()) {
                return dialect.whyUnsupported(feature);
            }
        }
        return dialect.serviceName() + " (" + id() + ") does not offer " + type.getSimpleName();
    }

    /** The service stores the file and (on Azure) checks it asynchronously; any 2xx is accepted. */
    @Override
    public FileInfo uploadFile(FileUpload upload) {
        MultipartForm form = MultipartForm.builder()
                .field("purpose", upload.purpose())
                .file("file", upload.path(), upload.filename(), JSONL)
                .build();
        // No timeout here: the transport applies the client's upload timeout to multipart bodies.
        return protocol.readFile(protocol.send(protocol.request("POST", uri(Operation.FILES, "files"))
                .body(HttpBody.multipart(form)).retryMode(RetryMode.NOT_IDEMPOTENT).build()), "file");
    }

    @Override
    public FileInfo getFile(FileId id) {
        return protocol.readFile(get(Operation.FILE, ProtocolUris.path("files", id.value()), Map.of()), "file");
    }

    @Override
    public Page<FileInfo> listFiles(PageRequest request) {
        return protocol.reader().readPage(get(Operation.FILES, "files", paging(request)), FileDto.class,
                protocol.files()::fromWire, FileDto::id, ResponseReader.Cursor.LAST_ID, "file list");
    }

    @Override
    public byte[] fileContent(FileId id) {
        return protocol.send(contentRequest(id)).body();
    }

    /** Streamed into the file by the core transport: a training file of hundreds of megabytes never sits in memory. */
    @Override
    public void downloadFile(FileId id, java.nio.file.Path target) {
        protocol.download(contentRequest(id), target);
    }

    private HttpCall contentRequest(FileId id) {
        return protocol.request("GET", uri(Operation.FILE_CONTENT, ProtocolUris.path("files", id.value(), "content")))
                .header("Accept", "*/*").build();
    }

    @Override
    public boolean deleteFile(FileId id) {
        return protocol.reader().read(protocol.send(protocol.request("DELETE",
                        uri(Operation.FILE, ProtocolUris.path("files", id.value()))).build()),
                DeletedDto.class, FileMapper::deleted, "file deletion");
    }

    @Override
    public JobSnapshot createJob(JobCreation creation) {
        if (creation.method() == FineTuneMethod.DPO && !dialect.features().contains(OpenAiDialect.Feature.DPO)) {
            throw new IllegalArgumentException(dialect.whyUnsupported(OpenAiDialect.Feature.DPO));
        }
        byte[] body = protocol.json(CreateJobBody.toTree(protocol.mapper(), dialect, creation));
        return readJob(protocol.send(protocol.request("POST", uri(Operation.JOBS, "fine_tuning/jobs"))
                .body(HttpBody.json(body)).retryMode(RetryMode.NOT_IDEMPOTENT).build()));
    }

    @Override
    public JobSnapshot getJob(JobId id) {
        return readJob(get(Operation.JOB, ProtocolUris.path("fine_tuning", "jobs", id.value()), Map.of()));
    }

    @Override
    public Page<JobSnapshot> listJobs(PageRequest request) {
        Map<String, String> query = paging(request);
        new TreeMap<>(request.metadata()).forEach((k, v) -> query.put("metadata[" + k + "]", v));
        return protocol.reader().readPage(get(Operation.JOBS, "fine_tuning/jobs", query), JobDto.class,
                protocol.jobs()::fromWire, JobDto::id, ResponseReader.Cursor.LAST_ITEM, "job list");
    }

    @Override
    public JobSnapshot cancelJob(JobId id) {
        return ProtocolJobControl.action(protocol, id, "cancel");
    }

    @Override
    public Page<JobEvent> listEvents(JobId id, PageRequest request) {
        return protocol.reader().readPage(get(Operation.EVENTS,
                        ProtocolUris.path("fine_tuning", "jobs", id.value(), "events"), paging(request)),
                EventDto.class, protocol.events()::event, EventDto::id, ResponseReader.Cursor.LAST_ITEM, "event list");
    }

    @Override
    public Page<Checkpoint> listCheckpoints(JobId id, PageRequest request) {
        return protocol.reader().readPage(get(Operation.CHECKPOINTS,
                        ProtocolUris.path("fine_tuning", "jobs", id.value(), "checkpoints"), paging(request)),
                CheckpointDto.class, dto -> EventMapper.checkpoint(dto, id), CheckpointDto::id,
                ResponseReader.Cursor.LAST_ID, "checkpoint list");
    }

    /** Chat completions create nothing, so they are safe to repeat. */
    @Override
    public ChatResponse chat(ChatRequest request) {
        boolean inBody = dialect.chatRoute() == OpenAiDialect.ChatRoute.MODEL_IN_BODY;
        String path = inBody ? "chat/completions"
                : ProtocolUris.path("deployments", request.model(), "chat", "completions");
        byte[] body = protocol.json(ChatMapper.toWire(request, inBody));
        return protocol.reader().read(protocol.send(protocol.request("POST", uri(Operation.CHAT, path))
                        .body(HttpBody.json(body)).retryMode(RetryMode.IDEMPOTENT).build()),
                ChatCompletionDto.class, dto -> ChatMapper.fromWire(dto, request.model()), "chat completion");
    }

    @Override
    public void close() {
        // Nothing to release: the transport belongs to the client.
    }

    @Override
    public String toString() {
        return "ProtocolProvider[" + dialect + "]";
    }

    private JobSnapshot readJob(io.github.finetune4j.core.spi.HttpResult result) {
        return protocol.reader().read(result, JobDto.class, protocol.jobs()::fromWire, "job");
    }

    private io.github.finetune4j.core.spi.HttpResult get(Operation operation, String path, Map<String, String> query) {
        return protocol.send(protocol.request("GET", protocol.uri(operation, path, query)).build());
    }

    private java.net.URI uri(Operation operation, String path) {
        return protocol.uri(operation, path, Map.of());
    }

    private static Map<String, String> paging(PageRequest page) {
        Map<String, String> query = new LinkedHashMap<>();
        page.after().ifPresent(after -> query.put("after", after));
        page.limit().ifPresent(limit -> query.put("limit", Integer.toString(limit)));
        return query;
    }

    /** Builds a {@link ProtocolProvider}. Not thread-safe. */
    public static final class Builder {
        private final OpenAiProtocol protocol;
        private final Map<Class<?>, Object> extensions = new LinkedHashMap<>();

        private Builder(OpenAiProtocol protocol) {
            this.protocol = Objects.requireNonNull(protocol, "protocol");
        }

        /**
         * Adds a provider-specific extension that applications reach with
         * {@code FineTuneClient.extension(type)}.
         *
         * @param type the extension's public interface
         * @param extension the implementation
         * @param <T> the extension type
         * @return this builder
         */
        public <T> Builder extension(Class<T> type, T extension) {
            extensions.put(Objects.requireNonNull(type, "type"), type.cast(Objects.requireNonNull(extension,
                    "extension")));
            return this;
        }

        /**
         * Builds the provider.
         *
         * @return the provider
         */
        public ProtocolProvider build() {
            return new ProtocolProvider(protocol, extensions);
        }
    }
}
