package io.github.finetune4j.core.model;

import java.util.Objects;

/**
 * The provider's identifier of a file uploaded to a provider, for example {@code file-abc123}.
 *
 * <p>A file id can be passed instead of data to {@code FineTuneRequest.Builder.trainingFile}.
 *
 * @param value the raw identifier, never blank
 */
public record FileId(String value) {
    /**
     * Validates the components.
     *
     * @param value the raw identifier, never blank
     */
    public FileId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("file id must not be blank");
        }
    }

    /**
     * Wraps a raw file identifier.
     *
     * @param value the raw identifier, never blank
     * @return the wrapped identifier
     * @throws IllegalArgumentException if {@code value} is blank
     */
    public static FileId of(String value) {
        return new FileId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
