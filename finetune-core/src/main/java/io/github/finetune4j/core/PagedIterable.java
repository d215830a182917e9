package io.github.finetune4j.core;

import io.github.finetune4j.core.model.Page;

import java.util.stream.Stream;

/**
 * A lazy list fetched page by page: no request goes out before the first item is asked for, and each
 * {@link #iterator()} starts again from the first page. Iteration ends when the provider reports no more items,
 * returns an empty page, or repeats a cursor.
 *
 * <pre>{@code
 * for (JobEvent e : job.events()) { ... }
 * job.events().stream().limit(10).forEach(...);   // fetches only the pages it needs
 * }</pre>
 *
 * <p>Iterating performs I/O and may throw any {@link io.github.finetune4j.core.error.FineTuneException}.
 *
 * @param <T> the item type
 */
public interface PagedIterable<T> extends Iterable<T> {
    /**
     * The items as a sequential, lazy stream.
     *
     * @return the stream
     */
    Stream<T> stream();

    /**
     * The pages themselves, for callers that save the cursor.
     *
     * @return the pages, lazily fetched
     */
    Iterable<Page<T>> byPage();
}
