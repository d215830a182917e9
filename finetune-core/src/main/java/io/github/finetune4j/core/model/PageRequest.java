package io.github.finetune4j.core.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which page of a list to fetch.
 *
 * @param after the cursor to continue after, empty for the first page
 * @param limit the page size, empty for the provider's default
 * @param metadata for job lists: only jobs whose metadata has all these pairs
 */
public record PageRequest(Optional<String> after, OptionalInt limit, Map<String, String> metadata) {
    /**
     * Validates the components.
     *
     * @param after the cursor to continue after, empty for the first page
     * @param limit the page size, empty for the provider's default
     * @param metadata for job lists: only jobs whose metadata has all these pairs
     */
    public PageRequest {
        after = after == null ? Optional.empty() : after;
        limit = limit == null ? OptionalInt.empty() : limit;
        if (limit.isPresent() && limit.getAsInt() < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit.getAsInt());
        }
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /**
     * The first page with the provider's default size.
     *
     * @return the request
     */
    public static PageRequest first() {
        return new PageRequest(Optional.empty(), OptionalInt.empty(), Map.of());
    }

    /**
     * The same request continuing after a cursor.
     *
     * @param cursor the cursor
     * @return a new request
     */
    public PageRequest after(String cursor) {
        return new PageRequest(Optional.of(Objects.requireNonNull(cursor, "cursor")), limit, metadata);
    }

    /**
     * The same request with a page size.
     *
     * @param size the page size, positive
     * @return a new request
     */
    public PageRequest withLimit(int size) {
        return new PageRequest(after, OptionalInt.of(size), metadata);
    }

    /**
     * The same request filtered by one metadata pair (job lists only).
     *
     * @param key the metadata key
     * @param value the metadata value
     * @return a new request
     */
    public PageRequest withMetadata(String key, String value) {
        Map<String, String> copy = new java.util.HashMap<>(metadata);
        copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new PageRequest(after, limit, copy);
    }
}
