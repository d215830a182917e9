package io.github.finetune4j.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of a fine-tuning job at one instant, as the provider reported it. Immutable.
 *
 * <p>The canonical constructor is outside the compatibility promise: use {@link #builder()}.
 *
 * @param id the job's identifier
 * @param status the mapped status
 * @param rawStatus the status word exactly as the provider sent it
 * @param provider the id of the provider that runs the job, for example {@code openai}
 * @param baseModel the model being fine-tuned
 * @param fineTunedModel the resulting model's name, present once the job succeeded
 * @param error why the job failed, present only when it did
 * @param createdAt when the job was created
 * @param finishedAt when the job reached a terminal status
 * @param estimatedFinish the provider's estimate of the end, while running
 * @param trainingFile the training file
 * @param validationFile the validation file, if any
 * @param method the training method
 * @param hyperparameters the hyperparameters as the provider reports them ({@code auto} until resolved)
 * @param trainedTokens the billable tokens, present once the job finished
 * @param resultFiles the result files (metrics CSV), present once the job finished
 * @param seed the seed the job uses
 * @param suffix the suffix of the model name, if one was given
 * @param metadata the job's metadata
 * @param settings settings only this provider has, as it reports them under its own names (for example Together
 *                 AI's {@code training_type} {@code Lora} or {@code Full}); empty when it reports none
 */
public record JobSnapshot(JobId id, JobStatus status, String rawStatus, String provider, String baseModel,
                          Optional<String> fineTunedModel, Optional<JobError> error, Instant createdAt,
                          Optional<Instant> finishedAt, Optional<Instant> estimatedFinish, FileId trainingFile,
                          Optional<FileId> validationFile, FineTuneMethod method, Hyperparameters hyperparameters,
                          Optional<Long> trainedTokens, List<FileId> resultFiles, Optional<Long> seed,
                          Optional<String> suffix, Map<String, String> metadata, Map<String, String> settings) {
    /**
     * Validates the components.
     *
     * @param id the job's identifier
     * @param status the mapped status
     * @param rawStatus the status word exactly as the provider sent it
     * @param provider the id of the provider that runs the job, for example {@code openai}
     * @param baseModel the model being fine-tuned
     * @param fineTunedModel the resulting model's name, present once the job succeeded
     * @param error why the job failed, present only when it did
     * @param createdAt when the job was created
     * @param finishedAt when the job reached a terminal status
     * @param estimatedFinish the provider's estimate of the end, while running
     * @param trainingFile the training file
     * @param validationFile the validation file, if any
     * @param method the training method
     * @param hyperparameters the hyperparameters as the provider reports them ({@code auto} until resolved)
     * @param trainedTokens the billable tokens, present once the job finished
     * @param resultFiles the result files (metrics CSV), present once the job finished
     * @param seed the seed the job uses
     * @param suffix the suffix of the model name, if one was given
     * @param metadata the job's metadata
     * @param settings settings only this provider has, as it reports them under its own names
     */
    public JobSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rawStatus, "rawStatus");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(baseModel, "baseModel");
        fineTunedModel = fineTunedModel == null ? Optional.empty() : fineTunedModel;
        error = error == null ? Optional.empty() : error;
        Objects.requireNonNull(createdAt, "createdAt");
        finishedAt = finishedAt == null ? Optional.empty() : finishedAt;
        estimatedFinish = estimatedFinish == null ? Optional.empty() : estimatedFinish;
        Objects.requireNonNull(trainingFile, "trainingFile");
        validationFile = validationFile == null ? Optional.empty() : validationFile;
        method = method == null ? FineTuneMethod.SUPERVISED : method;
        hyperparameters = hyperparameters == null ? Hyperparameters.defaults() : hyperparameters;
        trainedTokens = trainedTokens == null ? Optional.empty() : trainedTokens;
        resultFiles = resultFiles == null ? List.of() : List.copyOf(resultFiles);
        seed = seed == null ? Optional.empty() : seed;
        suffix = suffix == null ? Optional.empty() : suffix;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /**
     * Tells whether the job can no longer change.
     *
     * @return {@code status().isTerminal()}
     */
    public boolean isTerminal() {
        return status.isTerminal();
    }

    /**
     * Starts an empty builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding this snapshot's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds {@link JobSnapshot}. Not thread-safe. */
    public static final class Builder {
        private JobId id;
        private JobStatus status;
        private String rawStatus;
        private String provider;
        private String baseModel;
        private Optional<String> fineTunedModel = Optional.empty();
        private Optional<JobError> error = Optional.empty();
        private Instant createdAt;
        private Optional<Instant> finishedAt = Optional.empty();
        private Optional<Instant> estimatedFinish = Optional.empty();
        private FileId trainingFile;
        private Optional<FileId> validationFile = Optional.empty();
        private FineTuneMethod method = FineTuneMethod.SUPERVISED;
        private Hyperparameters hyperparameters = Hyperparameters.defaults();
        private Optional<Long> trainedTokens = Optional.empty();
        private List<FileId> resultFiles = List.of();
        private Optional<Long> seed = Optional.empty();
        private Optional<String> suffix = Optional.empty();
        private Map<String, String> metadata = Map.of();
        private Map<String, String> settings = Map.of();

        private Builder() {
        }

        private Builder(JobSnapshot s) {
            id = s.id;
            status = s.status;
            rawStatus = s.rawStatus;
            provider = s.provider;
            baseModel = s.baseModel;
            fineTunedModel = s.fineTunedModel;
            error = s.error;
            createdAt = s.createdAt;
            finishedAt = s.finishedAt;
            estimatedFinish = s.estimatedFinish;
            trainingFile = s.trainingFile;
            validationFile = s.validationFile;
            method = s.method;
            hyperparameters = s.hyperparameters;
            trainedTokens = s.trainedTokens;
            resultFiles = s.resultFiles;
            seed = s.seed;
            suffix = s.suffix;
            metadata = s.metadata;
            settings = s.settings;
        }

        /**
         * Sets the job id.
         *
         * @param id the job id
         * @return this builder
         */
        public Builder id(JobId id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Sets the status; the raw status defaults to the constant's lower-case name.
         *
         * @param status the mapped status
         * @return this builder
         */
        public Builder status(JobStatus status) {
            this.status = Objects.requireNonNull(status, "status");
            if (rawStatus == null) {
                rawStatus = status.name().toLowerCase(java.util.Locale.ROOT);
            }
            return this;
        }

        /**
         * Sets the provider's status word.
         *
         * @param rawStatus the provider's status word
         * @return this builder
         */
        public Builder rawStatus(String rawStatus) {
            this.rawStatus = Objects.requireNonNull(rawStatus, "rawStatus");
            return this;
        }

        /**
         * Sets the provider id.
         *
         * @param provider the provider id
         * @return this builder
         */
        public Builder provider(String provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /**
         * Sets the base model.
         *
         * @param baseModel the base model
         * @return this builder
         */
        public Builder baseModel(String baseModel) {
            this.baseModel = Objects.requireNonNull(baseModel, "baseModel");
            return this;
        }

        /**
         * Sets the fine-tuned model name, or null.
         *
         * @param fineTunedModel the fine-tuned model name, or null
         * @return this builder
         */
        public Builder fineTunedModel(String fineTunedModel) {
            this.fineTunedModel = Optional.ofNullable(fineTunedModel);
            return this;
        }

        /**
         * Sets the error, or null.
         *
         * @param error the error, or null
         * @return this builder
         */
        public Builder error(JobError error) {
            this.error = Optional.ofNullable(error);
            return this;
        }

        /**
         * Sets the creation time.
         *
         * @param createdAt the creation time
         * @return this builder
         */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
            return this;
        }

        /**
         * Sets the finish time, or null.
         *
         * @param finishedAt the finish time, or null
         * @return this builder
         */
        public Builder finishedAt(Instant finishedAt) {
            this.finishedAt = Optional.ofNullable(finishedAt);
            return this;
        }

        /**
         * Sets the estimated finish, or null.
         *
         * @param estimatedFinish the estimated finish, or null
         * @return this builder
         */
        public Builder estimatedFinish(Instant estimatedFinish) {
            this.estimatedFinish = Optional.ofNullable(estimatedFinish);
            return this;
        }

        /**
         * Sets the training file.
         *
         * @param trainingFile the training file
         * @return this builder
         */
        public Builder trainingFile(FileId trainingFile) {
            this.trainingFile = Objects.requireNonNull(trainingFile, "trainingFile");
            return this;
        }

        /**
         * Sets the validation file, or null.
         *
         * @param validationFile the validation file, or null
         * @return this builder
         */
        public Builder validationFile(FileId validationFile) {
            this.validationFile = Optional.ofNullable(validationFile);
            return this;
        }

        /**
         * Sets the method.
         *
         * @param method the method
         * @return this builder
         */
        public Builder method(FineTuneMethod method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /**
         * Sets the hyperparameters.
         *
         * @param hyperparameters the hyperparameters
         * @return this builder
         */
        public Builder hyperparameters(Hyperparameters hyperparameters) {
            this.hyperparameters = Objects.requireNonNull(hyperparameters, "hyperparameters");
            return this;
        }

        /**
         * Sets the trained tokens, or null.
         *
         * @param trainedTokens the trained tokens, or null
         * @return this builder
         */
        public Builder trainedTokens(Long trainedTokens) {
            this.trainedTokens = Optional.ofNullable(trainedTokens);
            return this;
        }

        /**
         * Sets the result files.
         *
         * @param resultFiles the result files
         * @return this builder
         */
        public Builder resultFiles(List<FileId> resultFiles) {
            this.resultFiles = List.copyOf(resultFiles);
            return this;
        }

        /**
         * Sets the seed, or null.
         *
         * @param seed the seed, or null
         * @return this builder
         */
        public Builder seed(Long seed) {
            this.seed = Optional.ofNullable(seed);
            return this;
        }

        /**
         * Sets the suffix, or null.
         *
         * @param suffix the suffix, or null
         * @return this builder
         */
        public Builder suffix(String suffix) {
            this.suffix = Optional.ofNullable(suffix);
            return this;
        }

        /**
         * Sets the metadata.
         *
         * @param metadata the metadata
         * @return this builder
         */
        public Builder metadata(Map<String, String> metadata) {
            this.metadata = Map.copyOf(metadata);
            return this;
        }

        /**
         * Sets the settings only this provider has, as it reports them under its own names.
         *
         * @param settings the settings, for example {@code training_type=Lora}
         * @return this builder
         */
        public Builder settings(Map<String, String> settings) {
            this.settings = Map.copyOf(settings);
            return this;
        }

        /**
         * Builds the snapshot.
         *
         * @return the snapshot
         * @throws IllegalStateException if id, status, provider, baseModel, createdAt or trainingFile is missing
         */
        public JobSnapshot build() {
            requireSet(id, "id");
            requireSet(status, "status");
            requireSet(provider, "provider");
            requireSet(baseModel, "baseModel");
            requireSet(createdAt, "createdAt");
            requireSet(trainingFile, "trainingFile");
            return new JobSnapshot(id, status, rawStatus, provider, baseModel, fineTunedModel, error, createdAt,
                    finishedAt, estimatedFinish, trainingFile, validationFile, method, hyperparameters,
                    trainedTokens, resultFiles, seed, suffix, metadata, settings);
        }

        private static void requireSet(Object value, String name) {
            if (value == null) {
                throw new IllegalStateException(name + " is required");
            }
        }
    }
}
