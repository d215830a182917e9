package io.github.finetune4j.core.spi;

import io.github.finetune4j.core.PagedIterable;
import io.github.finetune4j.core.model.Page;
import io.github.finetune4j.core.model.PageRequest;

import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The one pager of the SDK: a {@link PagedIterable} that fetches pages on demand, for every provider's lists (jobs,
 * files, events, Azure Resource Manager's {@code nextLink} pages). Nothing is fetched before the first item is asked
 * for, each iterator starts again at the first page, and paging stops on a page without a next cursor, an empty
 * page, or a cursor seen before (a loop guard against services whose cursor does not advance).
 *
 * <pre>{@code
 * PagedIterable<FileInfo> files = LazyPagedIterable.fromFirstPage(provider::listFiles);
 * }</pre>
 *
 * @param <T> the item type
 */
public final class LazyPagedIterable<T> implements PagedIterable<T> {
    private final Optional<String> firstCursor;
    private final Function<Optional<String>, Page<T>> fetch;

    /**
     * Creates the iterable.
     *
     * @param firstCursor the cursor of the first page, usually empty
     * @param fetch fetches the page after a cursor (empty for the first page)
     */
    public LazyPagedIterable(Optional<String> firstCursor, Function<Optional<String>, Page<T>> fetch) {
        this.firstCursor = firstCursor;
        this.fetch = fetch;
    }

    /**
     * Pages through a provider list from its first page: each page is asked for with {@link PageRequest#first()},
     * after the previous page's cursor.
     *
     * @param list lists one page
     * @param <T> the item type
     * @return the iterable; nothing is fetched yet
     */
    public static <T> LazyPagedIterable<T> fromFirstPage(Function<PageRequest, Page<T>> list) {
        return new LazyPagedIterable<>(Optional.empty(),
                cursor -> list.apply(cursor.map(PageRequest.first()::after).orElse(PageRequest.first())));
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<Page<T>> pages = byPage().iterator();
        return new Iterator<>() {
            private Iterator<T> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (!pages.hasNext()) {
                        return false;
                    }
                    current = pages.next().items().iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    @Override
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    @Override
    public Iterable<Page<T>> byPage() {
        return () -> new Iterator<>() {
            private Optional<String> cursor = firstCursor;
            private final Set<String> seen = new HashSet<>();
            private Page<T> next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next != null) {
                    return true;
                }
                if (done) {
                    return false;
                }
                cursor.ifPresent(seen::add);
                Page<T> page = fetch.apply(cursor);
                Optional<String> following = page.nextCursor();
                if (page.items().isEmpty() || following.isEmpty() || seen.contains(following.get())) {
                    done = true;
                }
                cursor = following;
                if (page.items().isEmpty()) {
                    return false;
                }
                next = page;
                return true;
            }

            @Override
            public Page<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Page<T> page = next;
                next = null;
                return page;
            }
        };
    }
}
