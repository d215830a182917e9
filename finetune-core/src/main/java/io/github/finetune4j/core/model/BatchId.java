package io.github.finetune4j.core.model;

import java.util.Objects;

/**
 * The identifier of a provider batch, for example {@code batch_abc123}.
 *
 * @param value the identifier
 */
public record BatchId(String value) {
    /**
     * Validates the component.
     *
     * @param value the identifier, not blank
     */
    public BatchId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("batch id must not be blank");
        }
    }

    /**
     * Wraps an identifier.
     *
     * @param value the identifier
     * @return the id
     */
    public static BatchId of(String value) {
        return new BatchId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
