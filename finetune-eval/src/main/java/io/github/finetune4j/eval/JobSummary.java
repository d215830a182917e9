package io.github.finetune4j.eval;

import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.TrainingHistory;
import io.github.finetune4j.core.preflight.CostEstimate;
import io.github.finetune4j.core.preflight.ModelLimits;
import io.github.finetune4j.core.preflight.PriceTable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a report shows about a fine-tuning job: its final state, the hyperparameters as requested and as resolved,
 * the metrics, the events, and the estimated against the actual training cost.
 *
 * <pre>{@code
 * JobSummary summary = JobSummary.fetch(job).toBuilder()
 *         .requestedHyperparameters(request.hyperparameters())
 *         .costEstimate(report.costEstimate().orElseThrow())   // from Dataset.validate(...)
 *         .build();
 * }</pre>
 *
 * <p>The canonical constructor is outside the compatibility promise: use {@link #builder()}.
 *
 * @param job the job's state, usually the terminal snapshot
 * @param requestedHyperparameters the hyperparameters as sent, if known ({@code job} holds them as resolved)
 * @param costEstimate the pre-flight estimate, if one was made
 * @param priceTable the training prices the actual cost is computed with (when the estimate has no price)
 * @param history the training metrics
 * @param events the job's events, oldest first
 */
public record JobSummary(JobSnapshot job, Optional<Hyperparameters> requestedHyperparameters,
                         Optional<CostEstimate> costEstimate, PriceTable priceTable, TrainingHistory history,
                         List<JobEvent> events) {
    /** Default number of events {@link #fetch(FineTuneJob)} reads. */
    public static final int DEFAULT_MAX_EVENTS = 1000;

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    /**
     * Validates the components.
     *
     * @param job the job's state, usually the terminal snapshot
     * @param requestedHyperparameters the hyperparameters as sent, if known ({@code job} holds them as resolved)
     * @param costEstimate the pre-flight estimate, if one was made
     * @param priceTable the training prices the actual cost is computed with (when the estimate has no price)
     * @param history the training metrics
     * @param events the job's events, oldest first
     */
    public JobSummary {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(priceTable, "priceTable");
        Objects.requireNonNull(history, "history");
        requestedHyperparameters = requestedHyperparameters == null ? Optional.empty() : requestedHyperparameters;
        costEstimate = costEstimate == null ? Optional.empty() : costEstimate;
        events = events == null ? List.of() : List.copyOf(events);
    }

    /**
     * Reads what a report needs from a job: one GET for its state, its metrics ({@link FineTuneJob#metrics()}) and
     * up to {@value #DEFAULT_MAX_EVENTS} of its newest events. Does I/O; uses {@link PriceTable#openAi()}.
     *
     * @param job the job
     * @return the summary, without requested hyperparameters or estimate (add them with {@link #toBuilder()})
     * @throws io.github.finetune4j.core.error.FineTuneException if the provider cannot be asked
     */
    public static JobSummary fetch(FineTuneJob job) {
        return fetch(job, DEFAULT_MAX_EVENTS);
    }

    /**
     * Reads what a report needs from a job, with a limit on the events read.
     *
     * @param job the job
     * @param maxEvents the most events to read (the newest ones), at least 0
     * @return the summary
     * @throws IllegalArgumentException if {@code maxEvents} is negative
     * @throws io.github.finetune4j.core.error.FineTuneException if the provider cannot be asked
     */
    public static JobSummary fetch(FineTuneJob job, int maxEvents) {
        if (maxEvents < 0) {
            throw new IllegalArgumentException("maxEvents must not be negative: " + maxEvents);
        }
        JobSnapshot snapshot = job.refresh();
        TrainingHistory history = job.metrics();
        List<JobEvent> events = job.events().stream().limit(maxEvents).collect(Collectors.toCollection(ArrayList::new));
        Collections.reverse(events);
        return builder().job(snapshot).history(history).events(events).build();
    }

    /**
     * How long the job took from creation to its end.
     *
     * @return the duration, or empty while it has not finished
     */
    public Optional<Duration> duration() {
        return job.finishedAt().map(end -> Duration.between(job.createdAt(), end));
    }

    /**
     * The training price used for the actual cost: the estimate's, else the price table's row of the base model.
     *
     * @return USD per million trained tokens, or empty when unknown
     */
    public Optional<BigDecimal> trainingPricePerMillionTokens() {
        return costEstimate.flatMap(CostEstimate::pricePerMillionTokens)
                .or(() -> priceTable.find(job.baseModel()).flatMap(ModelLimits::trainingPricePerMillionTokens));
    }

    /**
     * The actual training cost: the billed {@code trained_tokens} times the training price.
     *
     * @return USD rounded to cents' hundredths, or empty when tokens or price are unknown
     */
    public Optional<BigDecimal> actualCost() {
        Optional<BigDecimal> price = trainingPricePerMillionTokens();
        return job.trainedTokens().flatMap(tokens -> price.map(p -> BigDecimal.valueOf(tokens).multiply(p)
                .divide(MILLION, 4, RoundingMode.HALF_UP)));
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
     * Starts a builder holding this summary's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().job(job).priceTable(priceTable).history(history).events(events);
        b.requestedHyperparameters = requestedHyperparameters;
        b.costEstimate = costEstimate;
        return b;
    }

    /** Builds a {@link JobSummary}. Not thread-safe. */
    public static final class Builder {
        private JobSnapshot job;
        private Optional<Hyperparameters> requestedHyperparameters = Optional.empty();
        private Optional<CostEstimate> costEstimate = Optional.empty();
        private PriceTable priceTable = PriceTable.openAi();
        private TrainingHistory history = TrainingHistory.empty();
        private List<JobEvent> events = List.of();

        private Builder() {
        }

        /**
         * Sets the job's state.
         *
         * @param job the snapshot
         * @return this builder
         */
        public Builder job(JobSnapshot job) {
            this.job = Objects.requireNonNull(job, "job");
            return this;
        }

        /**
         * Sets the hyperparameters as requested.
         *
         * @param hyperparameters as sent in the request
         * @return this builder
         */
        public Builder requestedHyperparameters(Hyperparameters hyperparameters) {
            this.requestedHyperparameters = Optional.of(Objects.requireNonNull(hyperparameters, "hyperparameters"));
            return this;
        }

        /**
         * Sets the pre-flight cost estimate.
         *
         * @param estimate the estimate
         * @return this builder
         */
        public Builder costEstimate(CostEstimate estimate) {
            this.costEstimate = Optional.of(Objects.requireNonNull(estimate, "estimate"));
            return this;
        }

        /**
         * Sets the training price table. Default: {@link PriceTable#openAi()}.
         *
         * @param table the table
         * @return this builder
         */
        public Builder priceTable(PriceTable table) {
            this.priceTable = Objects.requireNonNull(table, "table");
            return this;
        }

        /**
         * Sets the metrics. Default: empty.
         *
         * @param history the metrics
         * @return this builder
         */
        public Builder history(TrainingHistory history) {
            this.history = Objects.requireNonNull(history, "history");
            return this;
        }

        /**
         * Sets the events. Default: none.
         *
         * @param events oldest first
         * @return this builder
         */
        public Builder events(List<JobEvent> events) {
            this.events = List.copyOf(events);
            return this;
        }

        /**
         * Builds the summary.
         *
         * @return the summary
         * @throws IllegalStateException if the job is missing
         */
        public JobSummary build() {
            if (job == null) {
                throw new IllegalStateException("a job summary needs the job: call job(...)");
            }
            return new JobSummary(job, requestedHyperparameters, costEstimate, priceTable, history, events);
        }
    }
}
