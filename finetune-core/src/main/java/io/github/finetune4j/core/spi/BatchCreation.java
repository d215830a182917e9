package io.github.finetune4j.core.spi;

import io.github.finetune4j.core.model.FileId;

import java.util.Map;
import java.util.Objects;

/**
 * A batch to create over an uploaded, processed input file of chat completion requests.
 *
 * @param inputFileId the input file, uploaded with purpose {@link FileUpload#BATCH}
 * @param completionWindow the provider's completion window, for example {@code 24h}
 * @param metadata metadata to attach; may be empty, never null
 */
public record BatchCreation(FileId inputFileId, String completionWindow, Map<String, String> metadata) {
    /**
     * Validates the components.
     *
     * @param inputFileId the input file
     * @param completionWindow the completion window, not blank
     * @param metadata metadata to attach; null means none
     */
    public BatchCreation {
        Objects.requireNonNull(inputFileId, "inputFileId");
        Objects.requireNonNull(completionWindow, "completionWindow");
        if (completionWindow.isBlank()) {
            throw new IllegalArgumentException("completionWindow must not be blank");
        }
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
