package io.github.finetune4j.core;

import io.github.finetune4j.core.model.BatchSnapshot;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a batch run produced: the final batch and one row per request, in request order. Partial failures are
 * reported per row; requests the provider never reported on (for example after the batch expired) are failed rows
 * with the code {@code batch_expired}, {@code batch_cancelled} or {@code missing}.
 *
 * @param batch the batch in its terminal state
 * @param rows one row per request, in the order the requests were given
 */
public record BatchChatResult(BatchSnapshot batch, List<BatchChatRow> rows) {
    /**
     * Validates the components.
     *
     * @param batch the batch in its terminal state
     * @param rows one row per request
     */
    public BatchChatResult {
        Objects.requireNonNull(batch, "batch");
        rows = List.copyOf(rows);
    }

    /**
     * The row of one request.
     *
     * @param customId the id the request was sent with
     * @return the row, or empty for an unknown id
     */
    public Optional<BatchChatRow> row(String customId) {
        return rows.stream().filter(r -> r.customId().equals(customId)).findFirst();
    }

    /**
     * The rows that failed.
     *
     * @return the failed rows, in request order; never null
     */
    public List<BatchChatRow> failures() {
        return rows.stream().filter(r -> !r.isSuccess()).toList();
    }
}
