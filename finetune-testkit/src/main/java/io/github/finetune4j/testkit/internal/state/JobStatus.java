package io.github.finetune4j.testkit.internal.state;

/**
 * The states a job moves through. Dialects map them to their wire names.
 */
public enum JobStatus {
    /** The files are being processed and checked. */
    VALIDATING_FILES,
    /** Waiting for capacity. */
    QUEUED,
    /** Training. */
    RUNNING,
    /** Paused by the caller; resumable. */
    PAUSED,
    /** Finished with a fine-tuned model. */
    SUCCEEDED,
    /** Finished with an error. */
    FAILED,
    /** Cancelled by the caller. */
    CANCELLED;

    /**
     * Tells whether the job can no longer change.
     *
     * @return true for succeeded, failed and cancelled
     */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
