package io.github.finetune4j.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A model saved during training (usually one per epoch); usable for inference like the final model.
 *
 * @param id the checkpoint's identifier
 * @param jobId the job that produced it
 * @param createdAt when it was saved
 * @param modelName the model name to call, for example {@code ft:gpt-4o-mini-2024-07-18:org:suffix:id:ckpt-step-10}
 * @param stepNumber the training step at which it was saved
 * @param metrics the metrics at that step
 */
public record Checkpoint(String id, JobId jobId, Instant createdAt, String modelName, long stepNumber,
                         TrainingMetrics metrics) {
    /**
     * Validates the components.
     *
     * @param id the checkpoint's identifier
     * @param jobId the job that produced it
     * @param createdAt when it was saved
     * @param modelName the model name to call, for example {@code ft:gpt-4o-mini-2024-07-18:org:suffix:id:ckpt-step-10}
     * @param stepNumber the training step at which it was saved
     * @param metrics the metrics at that step
     */
    public Checkpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(metrics, "metrics");
    }
}
