package io.github.finetune4j.core.internal.poll;

import io.github.finetune4j.core.model.Page;
import io.github.finetune4j.core.model.PageRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the items of a newest-first list (events, checkpoints) that were not seen before, and returns them oldest
 * first. Reads pages only until it meets an item it has seen.
 *
 * @param <T> the item type
 */
public final class NewItemTracker<T> {
    private static final int PAGE_SIZE = 50;
    private static final int MAX_PAGES = 200;

    private final Function<PageRequest, Page<T>> fetch;
    private final Function<T, String> idOf;
    private final Set<String> seen = new HashSet<>();

    /**
     * Creates a tracker.
     *
     * @param fetch fetches one page, newest first
     * @param idOf the item's unique id
     */
    public NewItemTracker(Function<PageRequest, Page<T>> fetch, Function<T, String> idOf) {
        this.fetch = fetch;
        this.idOf = idOf;
    }

    /**
     * The items not seen before, oldest first; marks them seen.
     *
     * @return the new items
     */
    public List<T> fetchNew() {
        List<T> fresh = new ArrayList<>();
        PageRequest request = PageRequest.first().withLimit(PAGE_SIZE);
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            Page<T> page = fetch.apply(request);
            boolean reachedSeen = false;
            for (T item : page.items()) {
                if (seen.contains(idOf.apply(item))) {
                    reachedSeen = true;
                    break;
                }
                fresh.add(item);
            }
            Optional<String> next = page.nextCursor();
            if (reachedSeen || page.items().isEmpty() || next.isEmpty() || next.equals(request.after())) {
                break;
            }
            request = request.after(next.get());
        }
        Collections.reverse(fresh);
        List<T> result = new ArrayList<>(fresh.size());
        for (T item : fresh) {
            if (seen.add(idOf.apply(item))) {
                result.add(item);
            }
        }
        return result;
    }
}
