package io.github.finetune4j.core.model;

import java.util.Locale;

/**
 * The state of a fine-tuning job.
 *
 * <p>The values come from the provider, which may add new ones: constants may be added in minor releases, so a
 * {@code switch} over this type needs a {@code default} branch. A status the SDK does not know maps to
 * {@link #UNKNOWN}; the raw word stays available as {@link JobSnapshot#rawStatus()}.
 */
public enum JobStatus {
    /** The provider is checking the training and validation files. */
    VALIDATING_FILES,
    /** The job waits for training capacity. */
    QUEUED,
    /** The job is training. */
    RUNNING,
    /** The job was paused and can be resumed. */
    PAUSED,
    /** Training finished and the fine-tuned model exists. Terminal. */
    SUCCEEDED,
    /** The job failed; the snapshot carries the error. Terminal. */
    FAILED,
    /** The job was cancelled. Terminal. */
    CANCELLED,
    /** A status this version of the SDK does not know; treated as not terminal. */
    UNKNOWN;

    /**
     * Tells whether the job can no longer change.
     *
     * @return true for {@link #SUCCEEDED}, {@link #FAILED} and {@link #CANCELLED}
     */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    /**
     * Maps an OpenAI-style status word ({@code validating_files}, {@code queued}, {@code running}, {@code paused},
     * {@code succeeded}, {@code failed}, {@code cancelled}) onto a constant, ignoring case.
     *
     * @param raw the word as the provider sent it; may be null
     * @return the matching constant, or {@link #UNKNOWN}; never null
     */
    public static JobStatus parse(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "validating_files": return VALIDATING_FILES;
            case "queued": return QUEUED;
            case "running": return RUNNING;
            case "paused": return PAUSED;
            case "succeeded": return SUCCEEDED;
            case "failed": return FAILED;
            case "cancelled": case "canceled": return CANCELLED;
            default: return UNKNOWN;
        }
    }
}
