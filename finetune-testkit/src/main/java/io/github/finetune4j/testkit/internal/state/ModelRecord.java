package io.github.finetune4j.testkit.internal.state;

import java.time.Instant;
import java.util.Objects;

/**
 * A model the emulator knows.
 *
 * @param id the model id, e.g. {@code gpt-4o-mini-2024-07-18} or {@code ft:…}
 * @param created when it was created
 * @param ownedBy the owner, {@code system} for base models, the organization for fine-tuned ones
 * @param shutdownDate the announced shutdown date ({@code YYYY-MM-DD}), or null
 * @param jobId the job that created a fine-tuned model, or null for base models
 */
public record ModelRecord(String id, Instant created, String ownedBy, String shutdownDate, String jobId) {
    public ModelRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(ownedBy, "ownedBy");
    }

    /**
     * Tells whether this is a fine-tuned model.
     *
     * @return true when a job created it
     */
    public boolean isFineTuned() {
        return jobId != null;
    }
}
