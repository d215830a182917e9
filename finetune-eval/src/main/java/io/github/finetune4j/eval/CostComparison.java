package io.github.finetune4j.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * What 1,000 requests cost with one candidate, from its mean exact token counts and the price table: the "prompt
 * savings" argument, where a fine-tuned model's short prompt is set against a base model's few-shot prompt.
 *
 * <p>The canonical constructor is outside the compatibility promise: use {@link #builder()}.
 *
 * @param candidate the candidate's name
 * @param model the model it asked
 * @param promptTokensPerRequest the mean prompt tokens per request
 * @param completionTokensPerRequest the mean completion tokens per request
 * @param price the model's price, when the table has it
 */
public record CostComparison(String candidate, String model, double promptTokensPerRequest,
                             double completionTokensPerRequest, Optional<InferencePrice> price) {
    private static final BigDecimal PER_THOUSAND_OF_MILLION = new BigDecimal("0.001");
    /**
     * Validates the components.
     *
     * @param candidate the candidate's name
     * @param model the model it asked
     * @param promptTokensPerRequest the mean prompt tokens per request
     * @param completionTokensPerRequest the mean completion tokens per request
     * @param price the model's price, when the table has it
     */
    public CostComparison {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(model, "model");
        price = price == null ? Optional.empty() : price;
        if (!(promptTokensPerRequest >= 0) || !(completionTokensPerRequest >= 0)
                || Double.isInfinite(promptTokensPerRequest) || Double.isInfinite(completionTokensPerRequest)) {
            throw new IllegalArgumentException("token means must be finite and not negative");
        }
    }

    /**
     * The prompt cost of 1,000 requests.
     *
     * @return USD, rounded to 6 decimals, or empty when the model has no price
     */
    public Optional<BigDecimal> promptCostPer1000Requests() {
        return price.map(p -> cost(promptTokensPerRequest, p.inputPerMillionTokens()));
    }

    /**
     * The completion cost of 1,000 requests.
     *
     * @return USD, rounded to 6 decimals, or empty when the model has no price
     */
    public Optional<BigDecimal> completionCostPer1000Requests() {
        return price.map(p -> cost(completionTokensPerRequest, p.outputPerMillionTokens()));
    }

    /**
     * The total cost of 1,000 requests.
     *
     * @return USD, rounded to 6 decimals, or empty when the model has no price
     */
    public Optional<BigDecimal> costPer1000Requests() {
        return price.map(p -> cost(promptTokensPerRequest, p.inputPerMillionTokens())
                .add(cost(completionTokensPerRequest, p.outputPerMillionTokens())));
    }

    private static BigDecimal cost(double tokensPerRequest, BigDecimal perMillion) {
        // 1,000 requests * tokens * price / 1,000,000 = tokens * price / 1,000
        return BigDecimal.valueOf(tokensPerRequest).multiply(perMillion).multiply(PER_THOUSAND_OF_MILLION)
                .setScale(6, RoundingMode.HALF_UP);
    }

    /**
     * Starts an empty builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CostComparison}. Not thread-safe. */
    public static final class Builder {
        private String candidate;
        private String model;
        private double promptTokensPerRequest;
        private double completionTokensPerRequest;
        private Optional<InferencePrice> price = Optional.empty();

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
         * Sets the mean prompt tokens per request.
         *
         * @param tokens the mean
         * @return this builder
         */
        public Builder promptTokensPerRequest(double tokens) {
            this.promptTokensPerRequest = tokens;
            return this;
        }

        /**
         * Sets the mean completion tokens per request.
         *
         * @param tokens the mean
         * @return this builder
         */
        public Builder completionTokensPerRequest(double tokens) {
            this.completionTokensPerRequest = tokens;
            return this;
        }

        /**
         * Sets the price.
         *
         * @param price the model's price
         * @return this builder
         */
        public Builder price(InferencePrice price) {
            this.price = Optional.of(Objects.requireNonNull(price, "price"));
            return this;
        }

        /**
         * Builds the comparison.
         *
         * @return the comparison
         * @throws IllegalStateException if the candidate or model is missing
         */
        public CostComparison build() {
            if (candidate == null || model == null) {
                throw new IllegalStateException("a cost comparison needs candidate and model");
            }
            return new CostComparison(candidate, model, promptTokensPerRequest, completionTokensPerRequest, price);
        }
    }
}
