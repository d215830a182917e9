package io.github.finetune4j.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a list.
 *
 * @param items the items on this page, in the provider's order
 * @param nextCursor the cursor of the next page, empty on the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
    /**
     * Validates the components.
     *
     * @param items the items on this page, in the provider's order
     * @param nextCursor the cursor of the next page, empty on the last page
     */
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        nextCursor = nextCursor == null ? Optional.empty() : nextCursor;
    }

    /**
     * A page from nullable parts.
     *
     * @param items the items
     * @param nextCursor the next cursor, or null on the last page
     * @param <T> the item type
     * @return the page
     */
    public static <T> Page<T> of(List<T> items, String nextCursor) {
        return new Page<>(items, Optional.ofNullable(nextCursor));
    }
}
