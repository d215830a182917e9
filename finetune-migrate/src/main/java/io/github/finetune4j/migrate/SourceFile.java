package io.github.finetune4j.migrate;

import io.github.finetune4j.core.model.FileId;

import java.util.Objects;
import java.util.Optional;

/**
 * A training or validation file of a source job, as the inventory found it.
 *
 * @param id the provider's file id
 * @param availability whether its content can still be downloaded
 * @param filename the name the provider reports, if it still has the file
 * @param bytes the size the provider reports, if it still has the file
 * @param detail why it is not available, in the provider's words (empty when available)
 */
public record SourceFile(FileId id, FileAvailability availability, Optional<String> filename, Optional<Long> bytes,
                         Optional<String> detail) {
    /**
     * Checks the components; null optionals become empty. The canonical constructor is outside the compatibility
     * promise: use {@link #available} and {@link #unavailable}.
     *
     * @param id the file id
     * @param availability its availability
     * @param filename its name
     * @param bytes its size
     * @param detail why it is not available
     */
    public SourceFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(availability, "availability");
        filename = filename == null ? Optional.empty() : filename;
        bytes = bytes == null ? Optional.empty() : bytes;
        detail = detail == null ? Optional.empty() : detail;
    }

    /**
     * A file whose content can be downloaded.
     *
     * @param id the file id
     * @param filename its name
     * @param bytes its size
     * @return the file
     */
    public static SourceFile available(FileId id, String filename, long bytes) {
        return new SourceFile(id, FileAvailability.AVAILABLE, Optional.of(filename), Optional.of(bytes),
                Optional.empty());
    }

    /**
     * A file whose content cannot be downloaded.
     *
     * @param id the file id
     * @param availability why not, roughly ({@link FileAvailability#GONE}, ...)
     * @param detail the provider's words
     * @return the file
     */
    public static SourceFile unavailable(FileId id, FileAvailability availability, String detail) {
        return new SourceFile(id, availability, Optional.empty(), Optional.empty(), Optional.of(detail));
    }

    /**
     * Whether its content can be downloaded.
     *
     * @return true when {@link FileAvailability#AVAILABLE}
     */
    public boolean isAvailable() {
        return availability == FileAvailability.AVAILABLE;
    }
}
