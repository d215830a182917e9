package io.github.finetune4j.migrate;

import java.util.Objects;

/**
 * How a step ended for one source model.
 *
 * @param sourceJob the source job id
 * @param model the source fine-tuned model
 * @param status how it ended
 * @param message what was done or why not, one line
 */
public record ModelOutcome(String sourceJob, String model, OutcomeStatus status, String message) {
    /**
     * Checks the components.
     *
     * @param sourceJob the source job id
     * @param model the source model
     * @param status how it ended
     * @param message what happened
     */
    public ModelOutcome {
        Objects.requireNonNull(sourceJob, "sourceJob");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }
}
