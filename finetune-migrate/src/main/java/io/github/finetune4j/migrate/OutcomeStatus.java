package io.github.finetune4j.migrate;

/** How a step ended for one model. */
public enum OutcomeStatus {
    /** The step did its work now. */
    DONE,
    /** An earlier run had done it; nothing was sent again. */
    ALREADY_DONE,
    /** The step cannot be done for this model (for example its training file is gone); the reason says why. */
    BLOCKED,
    /** The step failed for this model (a provider error, a failed job); running it again retries. */
    FAILED,
    /** The step waits for an earlier step (or was not selected). */
    SKIPPED;

    /**
     * Whether the model needs attention.
     *
     * @return true for {@link #BLOCKED} and {@link #FAILED}
     */
    public boolean isProblem() {
        return this == BLOCKED || this == FAILED;
    }
}
