package io.github.finetune4j.core.model;

import java.util.Locale;

/**
 * The state of a provider batch (OpenAI {@code /v1/batches}, Azure global batch).
 *
 * <p>The values come from the provider, which may add new ones: constants may be added in minor releases, so a
 * {@code switch} over this type needs a {@code default} branch. The raw word stays available as
 * {@link BatchSnapshot#rawStatus()}.
 */
public enum BatchStatus {
    /** The input file is being validated. */
    VALIDATING,
    /** Validation failed; nothing ran. Terminal. */
    FAILED,
    /** Requests are being processed. */
    IN_PROGRESS,
    /** Results are being written. */
    FINALIZING,
    /** All requests were processed; some rows may still have failed. Terminal. */
    COMPLETED,
    /** The completion window ran out; finished rows are in the output file. Terminal. */
    EXPIRED,
    /** Cancellation was requested. */
    CANCELLING,
    /** The batch was cancelled; finished rows are in the output file. Terminal. */
    CANCELLED,
    /** A status this version of the SDK does not know; treated as not terminal. */
    UNKNOWN;

    /**
     * Tells whether the batch can no longer change.
     *
     * @return true for {@link #FAILED}, {@link #COMPLETED}, {@link #EXPIRED} and {@link #CANCELLED}
     */
    public boolean isTerminal() {
        return this == FAILED || this == COMPLETED || this == EXPIRED || this == CANCELLED;
    }

    /**
     * Maps a provider's status word onto a constant, ignoring case.
     *
     * @param raw the word, for example {@code in_progress}; may be null
     * @return the constant; never null
     */
    public static BatchStatus parse(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        switch (raw.toLowerCase(Locale.ROOT)) {
            case "validating": return VALIDATING;
            case "failed": return FAILED;
            case "in_progress": return IN_PROGRESS;
            case "finalizing": return FINALIZING;
            case "completed": return COMPLETED;
            case "expired": return EXPIRED;
            case "cancelling": return CANCELLING;
            case "cancelled": return CANCELLED;
            default: return UNKNOWN;
        }
    }
}
