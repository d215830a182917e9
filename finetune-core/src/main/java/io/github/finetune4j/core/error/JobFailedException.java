package io.github.finetune4j.core.error;

import io.github.finetune4j.core.model.JobError;
import io.github.finetune4j.core.model.JobSnapshot;

import java.util.Optional;

/** Awaiting a job saw it fail. {@link #error()} carries the provider's code and message. */
public class JobFailedException extends FineTuneException {
    private static final long serialVersionUID = 1L;

    private final transient JobSnapshot snapshot;

    /**
     * Creates the exception.
     *
     * @param snapshot the failed job's last state
     */
    public JobFailedException(JobSnapshot snapshot) {
        super("job " + snapshot.id() + " failed" + snapshot.error()
                .map(e -> ": " + e.code().map(c -> c + ": ").orElse("") + e.message()).orElse(""),
                null, snapshot.provider(), null);
        this.snapshot = snapshot;
    }

    /**
     * The failed job's last state.
     *
     * @return the snapshot
     */
    public JobSnapshot snapshot() {
        return snapshot;
    }

    /**
     * Why it failed.
     *
     * @return the provider's error, or empty if it gave none
     */
    public Optional<JobError> error() {
        return snapshot.error();
    }
}
