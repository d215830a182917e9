package io.github.finetune4j.azure.internal;

import io.github.finetune4j.azure.Deployment;
import io.github.finetune4j.core.PagedIterable;
import io.github.finetune4j.core.model.Page;

import java.net.URI;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * ARM's {@code nextLink} paging as a lazy {@link PagedIterable}: nothing is fetched before the first item is asked
 * for, each iterator starts at the first page, and paging stops at a missing or repeated {@code nextLink}.
 */
final class ArmPages implements PagedIterable<Deployment> {
    private final ArmClient arm;

    ArmPages(ArmClient arm) {
        this.arm = arm;
    }

    @Override
    public Iterator<Deployment> iterator() {
        Iterator<Page<Deployment>> pages = byPage().iterator();
        return new Iterator<>() {
            private Iterator<Deployment> items = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!items.hasNext() && pages.hasNext()) {
                    items = pages.next().items().iterator();
                }
                return items.hasNext();
            }

            @Override
            public Deployment next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return items.next();
            }
        };
    }

    @Override
    public Stream<Deployment> stream() {
        return StreamSupport.stream(spliterator(), false);
    }

    @Override
    public Iterable<Page<Deployment>> byPage() {
        return () -> new Iterator<>() {
            private URI next = arm.firstPage();
            private final Set<URI> seen = new HashSet<>();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Page<Deployment> next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                seen.add(next);
                Page<Deployment> page = arm.page(next);
                URI following = page.nextCursor().map(URI::create).orElse(null);
                next = following == null || seen.contains(following) ? null : following;
                return page;
            }
        };
    }
}
