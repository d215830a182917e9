package io.github.finetune4j.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A file stored at the provider.
 *
 * @param id the file's identifier
 * @param filename the name it was uploaded with
 * @param bytes its size in bytes
 * @param createdAt when it was uploaded
 * @param purpose its purpose, for example {@code fine-tune} or {@code fine-tune-results}
 * @param status the mapped processing state
 * @param statusDetails why processing failed, when it did
 */
public record FileInfo(FileId id, String filename, long bytes, Instant createdAt, String purpose,
                       FileStatus status, Optional<String> statusDetails) {
    /**
     * Validates the components.
     *
     * @param id the file's identifier
     * @param filename the name it was uploaded with
     * @param bytes its size in bytes
     * @param createdAt when it was uploaded
     * @param purpose its purpose, for example {@code fine-tune} or {@code fine-tune-results}
     * @param status the mapped processing state
     * @param statusDetails why processing failed, when it did
     */
    public FileInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(status, "status");
        statusDetails = statusDetails == null ? Optional.empty() : statusDetails;
    }
}
