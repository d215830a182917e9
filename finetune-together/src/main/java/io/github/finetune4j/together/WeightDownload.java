package io.github.finetune4j.together;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Weights downloaded to disk: where, how many bytes, and their SHA-256, computed while writing, to compare with a
 * copy elsewhere (the service publishes no checksum). The file is a compressed tar archive as Together serves it
 * ({@code .tar.zst}, or {@code .tar.gz} when the service says {@code x-tar}).
 *
 * @param path the file written
 * @param bytes its size
 * @param sha256 its SHA-256 in lower-case hex
 * @param contentType the {@code Content-Type} the service sent, or {@code application/octet-stream}
 */
public record WeightDownload(Path path, long bytes, String sha256, String contentType) {
    /**
     * Validates the components.
     *
     * @param path the file written
     * @param bytes its size
     * @param sha256 its SHA-256 in lower-case hex
     * @param contentType the content type
     */
    public WeightDownload {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(contentType, "contentType");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
    }
}
