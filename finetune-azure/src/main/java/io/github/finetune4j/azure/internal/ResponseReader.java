package io.github.finetune4j.azure.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.core.error.ResponseFormatException;
import io.github.finetune4j.core.model.Page;
import io.github.finetune4j.core.spi.HttpResult;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Parses 2xx bodies into DTOs and maps them to records; anything unreadable becomes a
 * {@link ResponseFormatException} with the Azure request id ({@code apim-request-id}). Logs the request id and the
 * serving region ({@code x-ms-region}) at DEBUG. Messages never contain body content.
 */
public final class ResponseReader {
    private static final System.Logger LOG = System.getLogger(ResponseReader.class.getName());

    private final ObjectMapper mapper;
    private final String provider;
    private final String service;

    /**
     * Creates a reader.
     *
     * @param mapper the JSON mapper
     * @param provider the provider id for exceptions
     * @param service the service name for messages, for example {@code Azure OpenAI}
     */
    public ResponseReader(ObjectMapper mapper, String provider, String service) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.service = Objects.requireNonNull(service, "service");
    }

    /**
     * Reads one object.
     *
     * @param result the response
     * @param type the DTO type
     * @param toRecord the mapping
     * @param what names the object in messages
     * @param <D> the DTO type
     * @param <R> the record type
     * @return the record
     */
    public <D, R> R read(HttpResult result, Class<D> type, Function<D, R> toRecord, String what) {
        D dto = parse(result, mapper.getTypeFactory().constructType(type), what);
        return map(result, () -> toRecord.apply(dto), what);
    }

    <D, R> Page<R> readPage(HttpResult result, Class<D> itemType, Function<D, R> toRecord,
                            Function<D, String> idOf, boolean preferLastId, String what) {
        JavaType type = mapper.getTypeFactory().constructParametricType(ListDto.class, itemType);
        ListDto<D> list = parse(result, type, what);
        return map(result, () -> {
            List<D> data = Wire.require(list.data(), "data");
            List<R> items = new ArrayList<>(data.size());
            for (D item : data) {
                items.add(toRecord.apply(Wire.require(item, "data[]")));
            }
            String next = null;
            if (Boolean.TRUE.equals(list.hasMore()) && !data.isEmpty()) {
                next = preferLastId && list.lastId() != null && !list.lastId().isBlank() ? list.lastId()
                        : idOf.apply(data.get(data.size() - 1));
            }
            return Page.of(items, next);
        }, what);
    }

    <D, R> List<R> readList(HttpResult result, Class<D> itemType, Function<D, R> toRecord, String what) {
        JavaType type = mapper.getTypeFactory().constructParametricType(ListDto.class, itemType);
        ListDto<D> list = parse(result, type, what);
        return map(result, () -> {
            List<R> items = new ArrayList<>();
            for (D item : Wire.require(list.data(), "data")) {
                items.add(toRecord.apply(Wire.require(item, "data[]")));
            }
            return List.copyOf(items);
        }, what);
    }

    /**
     * The request id of a response: {@code apim-request-id}, else {@code x-request-id}, else
     * {@code x-ms-request-id} (Azure Resource Manager).
     *
     * @param result the response
     * @return the id, or null
     */
    public static String requestId(HttpResult result) {
        return result.header("apim-request-id").or(() -> result.header("x-request-id"))
                .or(() -> result.header("x-ms-request-id")).orElse(null);
    }

    private <T> T parse(HttpResult result, JavaType type, String what) {
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, "{0} {1}: {2} (request-id: {3}, region: {4})", service, what,
                    result.statusCode(), requestId(result), result.header("x-ms-region").orElse("-"));
        }
        T value;
        try {
            value = mapper.readValue(result.body(), type);
        } catch (IOException e) {
            throw malformed(result, what + " response is not the expected JSON (" + e.getClass().getSimpleName()
                    + ")", e);
        }
        if (value == null) {
            throw malformed(result, what + " response is empty", null);
        }
        return value;
    }

    private <R> R map(HttpResult result, Supplier<R> mapping, String what) {
        try {
            return mapping.get();
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
            throw malformed(result, what + " response: " + e.getMessage(), e);
        }
    }

    private ResponseFormatException malformed(HttpResult result, String detail, Throwable cause) {
        return new ResponseFormatException(service + " returned a malformed " + detail, cause, provider,
                requestId(result));
    }
}
