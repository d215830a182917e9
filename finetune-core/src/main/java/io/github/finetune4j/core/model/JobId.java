package io.github.finetune4j.core.model;

import java.util.Objects;

/**
 * The provider's identifier of a fine-tuning job, for example {@code ftjob-abc123}.
 *
 * <p>Persist {@link #value()} to re-attach to the job from another process.
 *
 * @param value the raw identifier, never blank
 */
public record JobId(String value) {
    /**
     * Validates the components.
     *
     * @param value the raw identifier, never blank
     */
    public JobId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("job id must not be blank");
        }
    }

    /**
     * Wraps a raw job identifier.
     *
     * @param value the raw identifier, never blank
     * @return the wrapped identifier
     * @throws IllegalArgumentException if {@code value} is blank
     */
    public static JobId of(String value) {
        return new JobId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
