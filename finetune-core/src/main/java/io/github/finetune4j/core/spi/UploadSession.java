package io.github.finetune4j.core.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An upload in parts that has been created and not yet completed (see {@link LargeFileUploads}).
 *
 * @param id the upload's id, used by every later call
 * @param expiresAt when the provider drops the upload if it is not completed; empty if not reported
 */
public record UploadSession(String id, Optional<Instant> expiresAt) {
    /**
     * Validates the components.
     *
     * @param id the upload's id, used by every later call
     * @param expiresAt when the provider drops the upload if it is not completed; empty if not reported
     */
    public UploadSession {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        expiresAt = expiresAt == null ? Optional.empty() : expiresAt;
    }
}
