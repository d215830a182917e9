package io.github.finetune4j.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of a provider batch at one instant. Immutable.
 *
 * <p>The canonical constructor is outside the compatibility promise: use {@link #builder()}.
 *
 * @param id the batch
 * @param status the mapped status
 * @param rawStatus the provider's status word
 * @param inputFileId the uploaded input file
 * @param outputFileId the file with the successful responses, once there is one
 * @param errorFileId the file with the failed requests, once there is one
 * @param requestCounts how many requests were handled
 * @param errors batch-level errors (for example validation errors of input lines); never null
 * @param createdAt when the batch was created
 * @param finishedAt when it completed, failed, expired or was cancelled
 * @param metadata the metadata the batch was created with; never null
 */
public record BatchSnapshot(BatchId id, BatchStatus status, String rawStatus, FileId inputFileId,
                            Optional<FileId> outputFileId, Optional<FileId> errorFileId,
                            BatchRequestCounts requestCounts, List<BatchError> errors, Instant createdAt,
                            Optional<Instant> finishedAt, Map<String, String> metadata) {
    /**
     * Validates the components.
     *
     * @param id the batch
     * @param status the mapped status
     * @param rawStatus the provider's status word
     * @param inputFileId the uploaded input file
     * @param outputFileId the file with the successful responses, once there is one
     * @param errorFileId the file with the failed requests, once there is one
     * @param requestCounts how many requests were handled
     * @param errors batch-level errors; null means none
     * @param createdAt when the batch was created
     * @param finishedAt when it completed, failed, expired or was cancelled
     * @param metadata the metadata; null means none
     */
    public BatchSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rawStatus, "rawStatus");
        Objects.requireNonNull(inputFileId, "inputFileId");
        outputFileId = outputFileId == null ? Optional.empty() : outputFileId;
        errorFileId = errorFileId == null ? Optional.empty() : errorFileId;
        Objects.requireNonNull(requestCounts, "requestCounts");
        errors = errors == null ? List.of() : List.copyOf(errors);
        Objects.requireNonNull(createdAt, "createdAt");
        finishedAt = finishedAt == null ? Optional.empty() : finishedAt;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /**
     * Tells whether the batch can no longer change.
     *
     * @return true when {@link #status()} is terminal
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
        Builder b = new Builder().id(id).status(status, rawStatus).inputFileId(inputFileId)
                .requestCounts(requestCounts).errors(errors).createdAt(createdAt).metadata(metadata);
        b.outputFileId = outputFileId;
        b.errorFileId = errorFileId;
        b.finishedAt = finishedAt;
        return b;
    }

    /** Builds a {@link BatchSnapshot}. Not thread-safe. */
    public static final class Builder {
        private BatchId id;
        private BatchStatus status;
        private String rawStatus;
        private FileId inputFileId;
        private Optional<FileId> outputFileId = Optional.empty();
        private Optional<FileId> errorFileId = Optional.empty();
        private BatchRequestCounts requestCounts = BatchRequestCounts.none();
        private final List<BatchError> errors = new ArrayList<>();
        private Instant createdAt;
        private Optional<Instant> finishedAt = Optional.empty();
        private final Map<String, String> metadata = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the id.
         *
         * @param id the batch
         * @return this builder
         */
        public Builder id(BatchId id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Sets the status.
         *
         * @param status the mapped status
         * @param rawStatus the provider's word
         * @return this builder
         */
        public Builder status(BatchStatus status, String rawStatus) {
            this.status = Objects.requireNonNull(status, "status");
            this.rawStatus = Objects.requireNonNull(rawStatus, "rawStatus");
            return this;
        }

        /**
         * Sets the input file.
         *
         * @param file the uploaded input file
         * @return this builder
         */
        public Builder inputFileId(FileId file) {
            this.inputFileId = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Sets the output file.
         *
         * @param file the file with the successful responses
         * @return this builder
         */
        public Builder outputFileId(FileId file) {
            this.outputFileId = Optional.of(Objects.requireNonNull(file, "file"));
            return this;
        }

        /**
         * Sets the error file.
         *
         * @param file the file with the failed requests
         * @return this builder
         */
        public Builder errorFileId(FileId file) {
            this.errorFileId = Optional.of(Objects.requireNonNull(file, "file"));
            return this;
        }

        /**
         * Sets the request counts. Default: all zero.
         *
         * @param counts the counts
         * @return this builder
         */
        public Builder requestCounts(BatchRequestCounts counts) {
            this.requestCounts = Objects.requireNonNull(counts, "counts");
            return this;
        }

        /**
         * Replaces the batch-level errors.
         *
         * @param errors the errors
         * @return this builder
         */
        public Builder errors(List<BatchError> errors) {
            this.errors.clear();
            errors.forEach(this::addError);
            return this;
        }

        /**
         * Appends a batch-level error.
         *
         * @param error the error
         * @return this builder
         */
        public Builder addError(BatchError error) {
            this.errors.add(Objects.requireNonNull(error, "error"));
            return this;
        }

        /**
         * Sets the creation time.
         *
         * @param at when the batch was created
         * @return this builder
         */
        public Builder createdAt(Instant at) {
            this.createdAt = Objects.requireNonNull(at, "at");
            return this;
        }

        /**
         * Sets the time the batch reached a terminal status.
         *
         * @param at when it finished
         * @return this builder
         */
        public Builder finishedAt(Instant at) {
            this.finishedAt = Optional.of(Objects.requireNonNull(at, "at"));
            return this;
        }

        /**
         * Replaces the metadata.
         *
         * @param metadata key to value
         * @return this builder
         */
        public Builder metadata(Map<String, String> metadata) {
            this.metadata.clear();
            metadata.forEach(this::putMetadata);
            return this;
        }

        /**
         * Adds one metadata entry.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder putMetadata(String key, String value) {
            this.metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Builds the snapshot.
         *
         * @return the snapshot
         * @throws IllegalStateException if the id, status, input file or creation time is missing
         */
        public BatchSnapshot build() {
            if (id == null || status == null || inputFileId == null || createdAt == null) {
                throw new IllegalStateException("a batch snapshot needs id, status, inputFileId and createdAt");
            }
            return new BatchSnapshot(id, status, rawStatus, inputFileId, outputFileId, errorFileId, requestCounts,
                    errors, createdAt, finishedAt, metadata);
        }
    }
}
