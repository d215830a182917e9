package io.github.finetune4j.testkit.internal.state;

import io.github.finetune4j.testkit.internal.blob.Blob;

import java.time.Instant;
import java.util.Objects;

/**
 * An uploaded or generated file.
 *
 * @param id the id, {@code file-…}
 * @param filename the file name given at upload
 * @param purpose the purpose, e.g. {@code fine-tune} or {@code fine-tune-results}
 * @param content the stored bytes, in memory or on disk
 * @param createdAt when it was created
 * @param readyAt when it becomes {@code processed}
 * @param sequence the order of creation, to break ties between equal timestamps
 * @param processingError why processing failed (Azure's {@code status_details}), or null when it succeeds
 */
public record StoredFile(String id, String filename, String purpose, Blob content, Instant createdAt,
                         Instant readyAt, long sequence, String processingError) {

    /** Processing status of a file. */
    public enum Status {
        /** Received, not yet processed. */
        UPLOADED,
        /** Ready for use. */
        PROCESSED
    }
    public StoredFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(readyAt, "readyAt");
    }

    /**
     * Returns the status at an instant.
     *
     * @param now the instant
     * @return the status
     */
    public Status status(Instant now) {
        return now.isBefore(readyAt) ? Status.UPLOADED : Status.PROCESSED;
    }

    /**
     * Returns the size of the content.
     *
     * @return the number of bytes
     */
    public long bytes() {
        return content.size();
    }
}
