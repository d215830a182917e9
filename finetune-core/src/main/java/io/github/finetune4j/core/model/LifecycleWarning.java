package io.github.finetune4j.core.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date in a model's or provider's lifecycle that falls within the warning horizon, reported before a job starts.
 *
 * @param model the base model
 * @param kind what ends on that date
 * @param date the date
 * @param message the warning, for a person
 */
public record LifecycleWarning(String model, Kind kind, LocalDate date, String message) {
    /** What ends. */
    public enum Kind {
        /** The provider stops accepting new fine-tuning jobs. */
        PROVIDER_JOBS_END,
        /** New fine-tuning jobs on this base model are refused. */
        FINE_TUNE_DEPRECATION,
        /** The base model and its fine-tunes stop answering. */
        INFERENCE_DEPRECATION
    }
    /**
     * Validates the components.
     *
     * @param model the base model
     * @param kind what ends on that date
     * @param date the date
     * @param message the warning, for a person
     */
    public LifecycleWarning {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(message, "message");
    }
}
