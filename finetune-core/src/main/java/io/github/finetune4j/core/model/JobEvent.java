package io.github.finetune4j.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event in a job's log, for example a status change or a metrics step.
 *
 * @param id the event's identifier; unique within the job
 * @param createdAt when the event happened
 * @param level the severity
 * @param message the human-readable text
 * @param metrics the metrics of a {@code metrics} event
 */
public record JobEvent(String id, Instant createdAt, EventLevel level, String message,
                       Optional<TrainingMetrics> metrics) {
    /**
     * Validates the components.
     *
     * @param id the event's identifier; unique within the job
     * @param createdAt when the event happened
     * @param level the severity
     * @param message the human-readable text
     * @param metrics the metrics of a {@code metrics} event
     */
    public JobEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        metrics = metrics == null ? Optional.empty() : metrics;
    }
}
