package io.github.finetune4j.eval;

import io.github.finetune4j.core.model.TokenUsage;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One candidate's answer to one example, with its scores, latency and tokens.
 *
 * <p>The canonical constructor is outside the compatibility promise: use {@link #builder()}.
 *
 * @param exampleId the example
 * @param candidate the candidate's name
 * @param model the model that answered
 * @param answer the answer text; empty when the request failed
 * @param scores scorer name to score; a scorer that could not run has no entry
 * @param latency how long the request took (measured when it was sent, also for cached rows)
 * @param promptTokens the prompt's tokens, counted exactly with the model's encoding
 * @param completionTokens the answer's tokens, counted exactly with the model's encoding
 * @param reportedUsage the tokens the provider reported, when it did
 * @param error why the candidate could not answer (after retries), when it could not
 * @param origin whether the answer was requested in this run or read from the cache
 */
public record EvalRow(String exampleId, String candidate, String model, String answer, Map<String, Score> scores,
                      Duration latency, long promptTokens, long completionTokens, Optional<TokenUsage> reportedUsage,
                      Optional<String> error, RowOrigin origin) {
    /**
     * Validates the components.
     *
     * @param exampleId the example
     * @param candidate the candidate's name
     * @param model the model that answered
     * @param answer the answer text; empty when the request failed
     * @param scores scorer name to score; a scorer that could not run has no entry
     * @param latency how long the request took (measured when it was sent, also for cached rows)
     * @param promptTokens the prompt's tokens, counted exactly with the model's encoding
     * @param completionTokens the answer's tokens, counted exactly with the model's encoding
     * @param reportedUsage the tokens the provider reported, when it did
     * @param error why the candidate could not answer (after retries), when it could not
     * @param origin whether the answer was requested in this run or read from the cache
     */
    public EvalRow {
        Objects.requireNonNull(exampleId, "exampleId");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(origin, "origin");
        scores = scores == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(scores));
        reportedUsage = reportedUsage == null ? Optional.empty() : reportedUsage;
        error = error == null ? Optional.empty() : error;
        if (latency.isNegative() || promptTokens < 0 || completionTokens < 0) {
            throw new IllegalArgumentException("latency and token counts must not be negative");
        }
    }

    /**
     * Tells whether the candidate failed to answer.
     *
     * @return true when {@link #error()} is present
     */
    public boolean isError() {
        return error.isPresent();
    }

    /**
     * One scorer's score.
     *
     * @param scorer the scorer's name
     * @return the score; {@link Score#missing(String)} when the scorer did not score this row
     */
    public Score score(String scorer) {
        Score s = scores.get(scorer);
        return s != null ? s : Score.missing(isError() ? "no answer" : "not scored");
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
     * Starts a builder holding this row's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().exampleId(exampleId).candidate(candidate).model(model).answer(answer).scores(scores)
                .latency(latency).promptTokens(promptTokens).completionTokens(completionTokens).origin(origin);
        b.reportedUsage = reportedUsage;
        b.error = error;
        return b;
    }

    /** Builds an {@link EvalRow}. Not thread-safe. */
    public static final class Builder {
        private String exampleId;
        private String candidate;
        private String model;
        private String answer = "";
        private final Map<String, Score> scores = new TreeMap<>();
        private Duration latency = Duration.ZERO;
        private long promptTokens;
        private long completionTokens;
        private Optional<TokenUsage> reportedUsage = Optional.empty();
        private Optional<String> error = Optional.empty();
        private RowOrigin origin = RowOrigin.REQUESTED;

        private Builder() {
        }

        /**
         * Sets the example.
         *
         * @param exampleId the example's id
         * @return this builder
         */
        public Builder exampleId(String exampleId) {
            this.exampleId = Objects.requireNonNull(exampleId, "exampleId");
            return this;
        }

        /**
         * Sets the candidate.
         *
         * @param candidate the candidate's name
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
         * Sets the answer. Default: empty.
         *
         * @param answer the answer text
         * @return this builder
         */
        public Builder answer(String answer) {
            this.answer = Objects.requireNonNull(answer, "answer");
            return this;
        }

        /**
         * Replaces the scores.
         *
         * @param scores scorer name to score
         * @return this builder
         */
        public Builder scores(Map<String, Score> scores) {
            this.scores.clear();
            this.scores.putAll(scores);
            return this;
        }

        /**
         * Sets one score.
         *
         * @param scorer the scorer's name
         * @param score the score
         * @return this builder
         */
        public Builder putScore(String scorer, Score score) {
            this.scores.put(Objects.requireNonNull(scorer, "scorer"), Objects.requireNonNull(score, "score"));
            return this;
        }

        /**
         * Sets the latency. Default: zero.
         *
         * @param latency how long the request took
         * @return this builder
         */
        public Builder latency(Duration latency) {
            this.latency = Objects.requireNonNull(latency, "latency");
            return this;
        }

        /**
         * Sets the counted prompt tokens. Default: 0.
         *
         * @param tokens the count
         * @return this builder
         */
        public Builder promptTokens(long tokens) {
            this.promptTokens = tokens;
            return this;
        }

        /**
         * Sets the counted completion tokens. Default: 0.
         *
         * @param tokens the count
         * @return this builder
         */
        public Builder completionTokens(long tokens) {
            this.completionTokens = tokens;
            return this;
        }

        /**
         * Sets the provider's usage report.
         *
         * @param usage the usage
         * @return this builder
         */
        public Builder reportedUsage(TokenUsage usage) {
            this.reportedUsage = Optional.of(Objects.requireNonNull(usage, "usage"));
            return this;
        }

        /**
         * Marks the row as failed.
         *
         * @param error why the candidate could not answer
         * @return this builder
         */
        public Builder error(String error) {
            this.error = Optional.of(Objects.requireNonNull(error, "error"));
            return this;
        }

        /**
         * Sets where the row comes from. Default: {@link RowOrigin#REQUESTED}.
         *
         * @param origin the origin
         * @return this builder
         */
        public Builder origin(RowOrigin origin) {
            this.origin = Objects.requireNonNull(origin, "origin");
            return this;
        }

        /**
         * Builds the row.
         *
         * @return the row
         * @throws IllegalStateException if the example, candidate or model is missing
         */
        public EvalRow build() {
            if (exampleId == null || candidate == null || model == null) {
                throw new IllegalStateException("a row needs exampleId, candidate and model");
            }
            return new EvalRow(exampleId, candidate, model, answer, scores, latency, promptTokens, completionTokens,
                    reportedUsage, error, origin);
        }
    }
}
