package io.github.finetune4j.testkit.internal.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.Request;

import java.util.List;
import java.util.function.Function;

/**
 * Cursor paging as the OpenAI list endpoints do it: {@code after} is the id of the last item of the previous
 * page, {@code limit} the page size.
 */
public final class Paging {

    /** The largest page size accepted. */
    public static final int MAX_LIMIT = 10_000;

    private Paging() {
    }

    /**
     * One page.
     *
     * @param data the items
     * @param hasMore whether more items follow
     * @param <T> the item type
     */
    public record Page<T>(List<T> data, boolean hasMore) {
    }

    /**
     * Reads the {@code limit} query parameter.
     *
     * @param request the request
     * @param defaultLimit the limit when absent
     * @return the limit
     * @throws ApiError 400 for a limit that is not an integer in range
     */
    public static int limit(Request request, int defaultLimit) {
        String raw = request.queryParam("limit");
        if (raw == null || raw.isEmpty()) {
            return defaultLimit;
        }
        int limit;
        try {
            limit = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw ApiError.invalidRequest("Invalid 'limit': expected an integer, got '" + raw + "'.", "limit");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiError.invalidRequest("Invalid 'limit': must be between 1 and " + MAX_LIMIT + ", got "
                    + limit + ".", "limit");
        }
        return limit;
    }

    /**
     * Returns the page after the item with id {@code after} (from the start when null). An unknown cursor gives
     * an empty last page, so a client can never loop.
     *
     * @param items all items, in list order
     * @param id the id of an item
     * @param after the cursor, or null
     * @param limit the page size
     * @param <T> the item type
     * @return the page
     */
    public static <T> Page<T> page(List<T> items, Function<T, String> id, String after, int limit) {
        int start = 0;
        if (after != null && !after.isEmpty()) {
            start = -1;
            for (int i = 0; i < items.size(); i++) {
                if (id.apply(items.get(i)).equals(after)) {
                    start = i + 1;
                    break;
                }
            }
            if (start < 0) {
                return new Page<>(List.of(), false);
            }
        }
        int end = Math.min(items.size(), start + limit);
        return new Page<>(List.copyOf(items.subList(start, end)), end < items.size());
    }

    /**
     * Adds {@code first_id} and {@code last_id} (null on an empty page), as the file and checkpoint lists have.
     *
     * @param list the list object
     * @param items the items of the page
     * @param id the id of an item
     * @param <T> the item type
     */
    public static <T> void putCursors(ObjectNode list, List<T> items, Function<T, String> id) {
        list.put("first_id", items.isEmpty() ? null : id.apply(items.get(0)));
        list.put("last_id", items.isEmpty() ? null : id.apply(items.get(items.size() - 1)));
    }
}
