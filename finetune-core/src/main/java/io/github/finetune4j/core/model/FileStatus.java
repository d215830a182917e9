package io.github.finetune4j.core.model;

import java.util.Locale;

/**
 * Processing state of an uploaded file. Constants may be added in minor releases.
 */
public enum FileStatus {
    /** Received, not yet checked. */
    UPLOADED,
    /** Azure: waiting to be processed. */
    PENDING,
    /** Azure: being processed. */
    RUNNING,
    /** Ready to be used by a job. */
    PROCESSED,
    /** The provider rejected the file; see {@link FileInfo#statusDetails()}. */
    ERROR,
    /** The file was deleted. */
    DELETED,
    /** A state this version does not know. */
    UNKNOWN;

    /**
     * Tells whether processing has ended, well or badly.
     *
     * @return true for {@link #PROCESSED}, {@link #ERROR} and {@link #DELETED}
     */
    public boolean isSettled() {
        return this == PROCESSED || this == ERROR || this == DELETED;
    }

    /**
     * Maps a provider's status word onto a constant, ignoring case.
     *
     * @param raw the word, may be null
     * @return the constant; never null
     */
    public static FileStatus parse(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        switch (raw.toLowerCase(Locale.ROOT)) {
            case "uploaded": return UPLOADED;
            case "pending": case "notrunning": return PENDING;
            case "running": return RUNNING;
            case "processed": case "succeeded": return PROCESSED;
            case "error": case "failed": return ERROR;
            case "deleted": case "deleting": return DELETED;
            default: return UNKNOWN;
        }
    }
}
