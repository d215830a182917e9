package io.github.finetune4j.core.error;

import io.github.finetune4j.core.model.JobSnapshot;

/** Awaiting a job saw it cancelled. */
public class JobCancelledException extends FineTuneException {
    private static final long serialVersionUID = 1L;

    private final transient JobSnapshot snapshot;

    /**
     * Creates the exception.
     *
     * @param snapshot the cancelled job's last state
     */
    public JobCancelledException(JobSnapshot snapshot) {
        super("job " + snapshot.id() + " was cancelled", null, snapshot.provider(), null);
        this.snapshot = snapshot;
    }

    /**
     * The cancelled job's last state.
     *
     * @return the snapshot
     */
    public JobSnapshot snapshot() {
        return snapshot;
    }
}
