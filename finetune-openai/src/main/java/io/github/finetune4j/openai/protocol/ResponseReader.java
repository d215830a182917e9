package io.github.finetune4j.openai.protocol;

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
 * Parses 2xx bodies into DTOs and maps them to records. Anything unreadable (not JSON, a wrong shape, a missing
 * required field) becomes a {@link ResponseFormatException} carrying the provider id and the response's request id.
 * Messages never contain body content. Logs the request id and the serving region ({@code x-ms-region}) at DEBUG.
 * Thread-safe.
 */
public final class ResponseReader {
    private static final System.Logger LOG = System.getLogger(ResponseReader.class.getName());

    /** Which cursor continues a list. */
    public enum Cursor {
        /** The id of the last item (jobs, events). */
        LAST_ITEM,
        /** The envelope's {@code last_id}, else the id of the last item (files, checkpoints). */
        LAST_ID
    }

    private final ObjectMapper mapper;
    private final String providerId;
    private final String service;

    /**
     * Creates a reader.
     *
     * @param mapper the JSON mapper
     * @param providerId the provider id for exceptions
     * @param service the service name for messages, for example {@code OpenAI}
     */
    public ResponseReader(ObjectMapper mapper, String providerId, String service) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.service = Objects.requireNonNull(service, "service");
    }

    /**
     * Reads one object.
     *
     * @param result the response
     * @param type the DTO type
     * @param toRecord the mapping; {@link IllegalArgumentException}, {@link IllegalStateException} and
     *     {@link NullPointerException} it throws become a {@link ResponseFormatException}
     * @param what names the object in messages, for example {@code job}
     * @param <D> the DTO type
     * @param <R> the record type
     * @return the record
     * @throws ResponseFormatException if the body cannot be read or mapped
     */
    public <D, R> R read(HttpResult result, Class<D> type, Function<D, R> toRecord, String what) {
        D dto = parse(result, mapper.getTypeFactory().constructType(type), what);
        return map(result, () -> toRecord.apply(dto), what);
    }

    /**
     * Reads one page of a list envelope ({@code data}, {@code has_more}, {@code last_id}).
     *
     * @param result the response
     * @param itemType the item DTO type
     * @param toRecord the item mapping
     * @param idOf the id of an item DTO, for the cursor
     * @param cursor which cursor continues the list
     * @param what names the list in messages
     * @param <D> the DTO type
     * @param <R> the record type
     * @return the page; its cursor is empty when {@code has_more} is not true
     * @throws ResponseFormatException if the body cannot be read or mapped
     */
    public <D, R> Page<R> readPage(HttpResult result, Class<D> itemType, Function<D, R> toRecord,
                                   Function<D, String> idOf, Cursor cursor, String what) {
        ListDto<D> list = parseList(result, itemType, what);
        return map(result, () -> {
            List<D> data = WireFormatException.require(list.data(), "data");
            return Page.of(items(data, toRecord), nextCursor(list, data, idOf, cursor));
        }, what);
    }

    /**
     * Reads a whole list envelope that is not paged (model catalogs).
     *
     * @param result the response
     * @param itemType the item DTO type
     * @param toRecord the item mapping
     * @param what names the list in messages
     * @param <D> the DTO type
     * @param <R> the record type
     * @return the items
     * @throws ResponseFormatException if the body cannot be read or mapped
     */
    public <D, R> List<R> readList(HttpResult result, Class<D> itemType, Function<D, R> toRecord, String what) {
        ListDto<D> list = parseList(result, itemType, what);
        return map(result, () -> List.copyOf(items(WireFormatException.require(list.data(), "data"), toRecord)), what);
    }

    private <D> ListDto<D> parseList(HttpResult result, Class<D> itemType, String what) {
        JavaType type = mapper.getTypeFactory().constructParametricType(ListDto.class, itemType);
        return parse(result, type, what);
    }

    private static <D, R> List<R> items(List<D> data, Function<D, R> toRecord) {
        List<R> items = new ArrayList<>(data.size());
        for (D item : data) {
            items.add(toRecord.apply(WireFormatException.require(item, "data[]")));
        }
        return items;
    }

    private static <D> String nextCursor(ListDto<D> list, List<D> data, Function<D, String> idOf, Cursor cursor) {
        if (!Boolean.TRUE.equals(list.hasMore()) || data.isEmpty()) {
            return null;
        }
        if (cursor == Cursor.LAST_ID && list.lastId() != null && !list.lastId().isBlank()) {
            return list.lastId();
        }
        return idOf.apply(data.get(data.size() - 1));
    }

    private <T> T parse(HttpResult result, JavaType type, String what) {
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, "{0} {1}: {2} (request-id: {3}, region: {4})", service, what,
                    result.statusCode(), result.requestId().orElse("-"), result.header("x-ms-region").orElse("-"));
        }
        T value;
        try {
            value = mapper.readValue(result.body(), type);
        } catch (IOException e) {
            throw malformed(result, what, "not the expected JSON (" + e.getClass().getSimpleName() + ")", e);
        }
        if (value == null) {
            throw malformed(result, what, "no content", null);
        }
        return value;
    }

    private <R> R map(HttpResult result, Supplier<R> mapping, String what) {
        try {
            return mapping.get();
        } catch (WireFormatException | IllegalArgumentException | IllegalStateException | NullPointerException e) {
            throw malformed(result, what, e.getMessage(), e);
        }
    }

    private ResponseFormatException malformed(HttpResult result, String what, String detail, Throwable cause) {
        return new ResponseFormatException("unreadable " + what + " response from " + service + ": " + detail, cause,
                providerId, result.requestId().orElse(null));
    }
}
