package io.github.finetune4j.openai.internal;

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

/**
 * Parses 2xx bodies into DTOs and maps them to records. Anything unreadable (not JSON, a wrong shape, a missing
 * required field) becomes a {@link ResponseFormatException} carrying the provider id and the {@code x-request-id}.
 * Messages never contain body content.
 */
final class ResponseReader {
    static final String REQUEST_ID_HEADER = "x-request-id";

    /** Which cursor continues a list. */
    enum Cursor {
        /** The id of the last item (jobs, events). */
        LAST_ITEM,
        /** The envelope's {@code last_id}, else the id of the last item (files, checkpoints). */
        LAST_ID
    }

    private final ObjectMapper mapper;
    private final String providerId;

    ResponseReader(ObjectMapper mapper, String providerId) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.providerId = Objects.requireNonNull(providerId, "providerId");
    }

    <D, R> R read(HttpResult result, Class<D> type, Function<D, R> toRecord, String what) {
        D dto = parse(result, mapper.getTypeFactory().constructType(type), what);
        return map(result, () -> toRecord.apply(dto), what);
    }

    <D, R> Page<R> readPage(HttpResult result, Class<D> itemType, Function<D, R> toRecord,
                            Function<D, String> idOf, Cursor cursor, String what) {
        JavaType type = mapper.getTypeFactory().constructParametricType(ListDto.class, itemType);
        ListDto<D> list = parse(result, type, what);
        return map(result, () -> {
            List<D> data = WireFormatException.require(list.data(), "data");
            List<R> items = new ArrayList<>(data.size());
            for (D item : data) {
                items.add(toRecord.apply(WireFormatException.require(item, "data[]")));
            }
            return Page.of(items, nextCursor(list, data, idOf, cursor));
        }, what);
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

    private <R> R map(HttpResult result, java.util.function.Supplier<R> mapping, String what) {
        try {
            return mapping.get();
        } catch (WireFormatException | IllegalArgumentException | IllegalStateException | NullPointerException e) {
            throw malformed(result, what, e.getMessage(), e);
        }
    }

    private ResponseFormatException malformed(HttpResult result, String what, String detail, Throwable cause) {
        return new ResponseFormatException("unreadable " + what + " response from OpenAI: " + detail, cause,
                providerId, result.header(REQUEST_ID_HEADER).orElse(null));
    }
}
