package io.github.finetune4j.eval;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The aggregates of one candidate over all examples.
 *
 * <p>The canonical constructor is outside the compatibility promise: use {@link #builder()}.
 *
 * @param candidate the candidate's name
 * @param model the model it asked
 * @param rows the examples it has a row for
 * @param errors the rows where it could not answer
 * @param scores scorer name to the mean score with its bootstrap confidence interval
 * @param medianLatency the median request latency of answered rows
 * @param p95Latency the 95th percentile request latency of answered rows
 * @param meanPromptTokens the mean prompt tokens per request (counted exactly)
 * @param meanCompletionTokens the mean completion tokens per request (counted exactly)
 */
public record CandidateSummary(String candidate, String model, int rows, int errors,
                               Map<String, ConfidenceInterval> scores, Duration medianLatency, Duration p95Latency,
                               double meanPromptTokens, double meanCompletionTokens) {
    /**
     * Validates the components.
     *
     * @param candidate the candidate's name
     * @param model the model it asked
     * @param rows the examples it has a row for
     * @param errors the rows where it could not answer
     * @param scores scorer name to the mean score with its bootstrap confidence interval
     * @param medianLatency the median request latency of answered rows
     * @param p95Latency the 95th percentile request latency of answered rows
     * @param meanPromptTokens the mean prompt tokens per request (counted exactly)
     * @param meanCompletionTokens the mean completion tokens per request (counted exactly)
     */
    public CandidateSummary {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(medianLatency, "medianLatency");
        Objects.requireNonNull(p95Latency, "p95Latency");
        scores = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(scores, "scores")));
        if (rows < 0 || errors < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /**
     * One scorer's interval.
     *
     * @param scorer the scorer's name
     * @return the interval; {@link ConfidenceInterval#empty()} when no row was scored by it
     */
    public ConfidenceInterval score(String scorer) {
        return scores.getOrDefault(scorer, ConfidenceInterval.empty());
    }

    /**
     * Starts an empty builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CandidateSummary}. Not thread-safe. */
    public static final class Builder {
        private String candidate;
        private String model;
        private int rows;
        private int errors;
        private final Map<String, ConfidenceInterval> scores = new TreeMap<>();
        private Duration medianLatency = Duration.ZERO;
        private Duration p95Latency = Duration.ZERO;
        private double meanPromptTokens;
        private double meanCompletionTokens;

        private Builder() {
        }

        /**
         * Sets the candidate.
         *
         * @param candidate the name
         * @return this builder
         */
        public Builder candidate(String candidate) {
            this.candidate = Objects.requireNonNull(candidate, "candidate");
            return this;
        }

        /**
         * Sets the model.
         *
         * @param model the model name
         * @return this builder
         */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * Sets the number of rows.
         *
         * @param rows the count
         * @return this builder
         */
        public Builder rows(int rows) {
            this.rows = rows;
            return this;
        }

        /**
         * Sets the number of failed rows.
         *
         * @param errors the count
         * @return this builder
         */
        public Builder errors(int errors) {
            this.errors = errors;
            return this;
        }

        /**
         * Sets one scorer's interval.
         *
         * @param scorer the scorer's name
         * @param interval the interval
         * @return this builder
         */
        public Builder putScore(String scorer, ConfidenceInterval interval) {
            this.scores.put(Objects.requireNonNull(scorer, "scorer"), Objects.requireNonNull(interval, "interval"));
            return this;
        }

        /**
         * Sets the median latency.
         *
         * @param latency the latency
         * @return this builder
         */
        public Builder medianLatency(Duration latency) {
            this.medianLatency = Objects.requireNonNull(latency, "latency");
            return this;
        }

        /**
         * Sets the 95th percentile latency.
         *
         * @param latency the latency
         * @return this builder
         */
        public Builder p95Latency(Duration latency) {
            this.p95Latency = Objects.requireNonNull(latency, "latency");
            return this;
        }

        /**
         * Sets the mean prompt tokens.
         *
         * @param tokens the mean
         * @return this builder
         */
        public Builder meanPromptTokens(double tokens) {
            this.meanPromptTokens = tokens;
            return this;
        }

        /**
         * Sets the mean completion tokens.
         *
         * @param tokens the mean
         * @return this builder
         */
        public Builder meanCompletionTokens(double tokens) {
            this.meanCompletionTokens = tokens;
            return this;
        }

        /**
         * Builds the summary.
         *
         * @return the summary
         * @throws IllegalStateException if the candidate or model is missing
         */
        public CandidateSummary build() {
            if (candidate == null || model == null) {
                throw new IllegalStateException("a summary needs candidate and model");
            }
            return new CandidateSummary(candidate, model, rows, errors, scores, medianLatency, p95Latency,
                    meanPromptTokens, meanCompletionTokens);
        }
    }
}
