package io.github.finetune4j.migrate;

import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One fine-tuning job of the source account: the job as the provider reports it (base model, method,
 * hyperparameters as resolved, suffix, seed, file ids, created date), whether its files can still be downloaded,
 * and when its model shuts down. Build it with {@link #builder()}; the canonical constructor is outside the
 * compatibility promise.
 *
 * @param job the job
 * @param trainingFile its training file
 * @param validationFile its validation file, if it had one
 * @param shutdownDate the fine-tuned model's (or else its base model's) shutdown date from the model catalog
 * @param daysLeft days from the inventory's date to the shutdown date (negative once past)
 */
public record InventoryEntry(JobSnapshot job, SourceFile trainingFile, Optional<SourceFile> validationFile,
                             Optional<LocalDate> shutdownDate, Optional<Long> daysLeft) {
    /**
     * Checks the components; null optionals become empty.
     *
     * @param job the job
     * @param trainingFile its training file
     * @param validationFile its validation file
     * @param shutdownDate the shutdown date
     * @param daysLeft days left
     */
    public InventoryEntry {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(trainingFile, "trainingFile");
        validationFile = validationFile == null ? Optional.empty() : validationFile;
        shutdownDate = shutdownDate == null ? Optional.empty() : shutdownDate;
        daysLeft = daysLeft == null ? Optional.empty() : daysLeft;
    }

    /**
     * Whether this job's model can be migrated: the job succeeded and produced a model.
     *
     * @return true if a migration can snapshot and retrain it
     */
    public boolean isMigratable() {
        return whyNotMigratable().isEmpty();
    }

    /**
     * Why this job cannot be migrated.
     *
     * @return the reason, or empty when it can
     */
    public Optional<String> whyNotMigratable() {
        if (job.status() != JobStatus.SUCCEEDED) {
            return Optional.of("the job did not succeed (" + job.rawStatus() + ")");
        }
        if (job.fineTunedModel().isEmpty()) {
            return Optional.of("the job has no fine-tuned model");
        }
        return Optional.empty();
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder with this entry's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().job(job).trainingFile(trainingFile);
        b.validationFile = validationFile;
        b.shutdownDate = shutdownDate;
        b.daysLeft = daysLeft;
        return b;
    }

    /** Builds an {@link InventoryEntry}. Not thread-safe. */
    public static final class Builder {
        private JobSnapshot job;
        private SourceFile trainingFile;
        private Optional<SourceFile> validationFile = Optional.empty();
        private Optional<LocalDate> shutdownDate = Optional.empty();
        private Optional<Long> daysLeft = Optional.empty();

        private Builder() {
        }

        /**
         * Sets the job. Required.
         *
         * @param job the job
         * @return this builder
         */
        public Builder job(JobSnapshot job) {
            this.job = Objects.requireNonNull(job, "job");
            return this;
        }

        /**
         * Sets the training file. Required.
         *
         * @param file the file
         * @return this builder
         */
        public Builder trainingFile(SourceFile file) {
            this.trainingFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Sets the validation file. Default none.
         *
         * @param file the file
         * @return this builder
         */
        public Builder validationFile(SourceFile file) {
            this.validationFile = Optional.of(Objects.requireNonNull(file, "file"));
            return this;
        }

        /**
         * Sets the shutdown date. Default none.
         *
         * @param date the date
         * @return this builder
         */
        public Builder shutdownDate(LocalDate date) {
            this.shutdownDate = Optional.of(Objects.requireNonNull(date, "date"));
            return this;
        }

        /**
         * Sets the days left until the shutdown. Default none.
         *
         * @param days the days
         * @return this builder
         */
        public Builder daysLeft(long days) {
            this.daysLeft = Optional.of(days);
            return this;
        }

        /**
         * Builds the entry.
         *
         * @return the entry
         * @throws IllegalStateException if the job or the training file is missing
         */
        public InventoryEntry build() {
            if (job == null || trainingFile == null) {
                throw new IllegalStateException("an inventory entry needs job(...) and trainingFile(...)");
            }
            return new InventoryEntry(job, trainingFile, validationFile, shutdownDate, daysLeft);
        }
    }
}
