package io.github.finetune4j.core.spi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A local JSONL file to upload for fine-tuning.
 *
 * @param path the file on disk; streamed, never read into memory
 * @param filename the name to send, ending in {@code .jsonl}
 * @param bytes the file's size
 * @param purpose the purpose, {@code fine-tune} or {@code batch}
 */
public record FileUpload(Path path, String filename, long bytes, String purpose) {
    /** The purpose of training and validation files. */
    public static final String FINE_TUNE = "fine-tune";
    /** The purpose of batch input files. */
    public static final String BATCH = "batch";
    /**
     * Validates the components.
     *
     * @param path the file on disk; streamed, never read into memory
     * @param filename the name to send, ending in {@code .jsonl}
     * @param bytes the file's size
     * @param purpose the purpose, {@code fine-tune} or {@code batch}
     */
    public FileUpload {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(purpose, "purpose");
        if (!filename.endsWith(".jsonl")) {
            throw new IllegalArgumentException("fine-tuning files must be named *.jsonl: " + filename);
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative");
        }
    }
}
