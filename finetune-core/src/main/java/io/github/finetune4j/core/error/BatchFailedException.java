package io.github.finetune4j.core.error;

import io.github.finetune4j.core.model.BatchSnapshot;

import java.util.Objects;

/** A batch ended with status {@code failed}: the provider rejected its input, and no request ran. */
public class BatchFailedException extends FineTuneException {
    private static final long serialVersionUID = 1L;

    private final transient BatchSnapshot batch;

    /**
     * Creates the exception.
     *
     * @param batch the failed batch
     * @param provider the provider id, or null
     */
    public BatchFailedException(BatchSnapshot batch, String provider) {
        super("batch " + Objects.requireNonNull(batch, "batch").id() + " failed"
                + (batch.errors().isEmpty() ? "" : ": " + batch.errors()), null, provider, null);
        this.batch = batch;
    }

    /**
     * The failed batch, with its errors.
     *
     * @return the batch
     */
    public BatchSnapshot batch() {
        return batch;
    }
}
