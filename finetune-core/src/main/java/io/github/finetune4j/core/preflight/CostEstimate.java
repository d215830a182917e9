package io.github.finetune4j.core.preflight;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What a training job on the dataset is expected to bill, computed as the OpenAI cookbook does: billing tokens are
 * the sum over examples of {@code min(tokens, maxTokensPerExample)}, trained tokens are billing tokens times
 * epochs, and the cost is trained tokens times the training price. Validation files are not billed. The amount
 * actually billed is the finished job's {@code trained_tokens}.
 *
 * <p>The canonical constructor is outside the compatibility promise: use {@link #builder()}.
 *
 * @param baseModel the model the estimate is for
 * @param maxTokensPerExample the model's per-example limit used as the cap, or empty when the model is unknown (no
 *                            cap)
 * @param epochs the number of epochs
 * @param epochSource whether the epochs were fixed by the user or chosen by the heuristic
 * @param billingTokens tokens of one epoch, each example capped at the limit
 * @param trainedTokens {@code billingTokens * epochs}: the charged tokens
 * @param pricePerMillionTokens the training price in USD per million tokens, or empty when unknown
 * @param estimatedCost the cost in USD, or empty when the price is unknown
 * @param priceTableVersion the version of the price table used
 */
public record CostEstimate(String baseModel, Optional<Integer> maxTokensPerExample, int epochs,
                           EpochSource epochSource, long billingTokens, long trainedTokens,
                           Optional<BigDecimal> pricePerMillionTokens, Optional<BigDecimal> estimatedCost,
                           String priceTableVersion) {

    /** Where the number of epochs comes from. */
    public enum EpochSource {
        /** Chosen like the providers' {@code auto}: 3, raised for small and lowered for large datasets. */
        HEURISTIC,
        /** Fixed by the user ({@code n_epochs}). */
        FIXED
    }
    /**
     * Validates the components.
     *
     * @param baseModel the model the estimate is for
     * @param maxTokensPerExample the model's per-example limit used as the cap, or empty when the model is unknown (no
     *        cap)
     * @param epochs the number of epochs
     * @param epochSource whether the epochs were fixed by the user or chosen by the heuristic
     * @param billingTokens tokens of one epoch, each example capped at the limit
     * @param trainedTokens {@code billingTokens * epochs}: the charged tokens
     * @param pricePerMillionTokens the training price in USD per million tokens, or empty when unknown
     * @param estimatedCost the cost in USD, or empty when the price is unknown
     * @param priceTableVersion the version of the price table used
     * @throws IllegalArgumentException if a count is negative
     */
    public CostEstimate {
        Objects.requireNonNull(baseModel, "baseModel");
        Objects.requireNonNull(epochSource, "epochSource");
        Objects.requireNonNull(priceTableVersion, "priceTableVersion");
        maxTokensPerExample = maxTokensPerExample == null ? Optional.empty() : maxTokensPerExample;
        pricePerMillionTokens = pricePerMillionTokens == null ? Optional.empty() : pricePerMillionTokens;
        estimatedCost = estimatedCost == null ? Optional.empty() : estimatedCost;
        if (epochs < 0 || billingTokens < 0 || trainedTokens < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /**
     * Why this estimate does not fit a budget, if it does not: the cost is above it, or no price is known, so that a
     * budget cannot be kept (an unknown cost never passes a budget silently). The command line's {@code --max-cost}
     * and the Maven plugin's {@code maxCostUsd} both ask this.
     *
     * @param maxUsd the budget in US dollars
     * @return the reason, or empty when the estimate fits
     * @throws NullPointerException if {@code maxUsd} is null
     */
    public Optional<String> budgetProblem(BigDecimal maxUsd) {
        java.util.Objects.requireNonNull(maxUsd, "maxUsd");
        if (estimatedCost.isEmpty()) {
            return Optional.of("no training price is known for " + baseModel + " in price table " + priceTableVersion
                    + ", so the budget of " + Usd.format(maxUsd) + " cannot be checked");
        }
        return estimatedCost.filter(cost -> cost.compareTo(maxUsd) > 0).map(cost -> "estimated cost "
                + Usd.format(cost) + " exceeds the budget of " + Usd.format(maxUsd));
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
     * Starts a builder holding these values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().baseModel(baseModel).epochs(epochs).epochSource(epochSource)
                .billingTokens(billingTokens).trainedTokens(trainedTokens).priceTableVersion(priceTableVersion);
        b.maxTokensPerExample = maxTokensPerExample;
        b.pricePerMillionTokens = pricePerMillionTokens;
        b.estimatedCost = estimatedCost;
        return b;
    }

    /** Builds a {@link CostEstimate}. Not thread-safe. */
    public static final class Builder {
        private String baseModel;
        private Optional<Integer> maxTokensPerExample = Optional.empty();
        private int epochs;
        private EpochSource epochSource = EpochSource.HEURISTIC;
        private long billingTokens;
        private long trainedTokens;
        private Optional<BigDecimal> pricePerMillionTokens = Optional.empty();
        private Optional<BigDecimal> estimatedCost = Optional.empty();
        private String priceTableVersion = "";

        private Builder() {
        }

        /**
         * Sets the model.
         *
         * @param model the base model
         * @return this builder
         */
        public Builder baseModel(String model) {
            this.baseModel = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * Sets the per-example cap.
         *
         * @param tokens the limit
         * @return this builder
         */
        public Builder maxTokensPerExample(int tokens) {
            this.maxTokensPerExample = Optional.of(tokens);
            return this;
        }

        /**
         * Sets the epochs.
         *
         * @param epochs the number of epochs
         * @return this builder
         */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /**
         * Sets where the epochs come from. Default: {@link EpochSource#HEURISTIC}.
         *
         * @param source the source
         * @return this builder
         */
        public Builder epochSource(EpochSource source) {
            this.epochSource = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Sets the billing tokens of one epoch.
         *
         * @param tokens the tokens
         * @return this builder
         */
        public Builder billingTokens(long tokens) {
            this.billingTokens = tokens;
            return this;
        }

        /**
         * Sets the trained (charged) tokens.
         *
         * @param tokens the tokens
         * @return this builder
         */
        public Builder trainedTokens(long tokens) {
            this.trainedTokens = tokens;
            return this;
        }

        /**
         * Sets the price.
         *
         * @param usd USD per million tokens
         * @return this builder
         */
        public Builder pricePerMillionTokens(BigDecimal usd) {
            this.pricePerMillionTokens = Optional.of(Objects.requireNonNull(usd, "usd"));
            return this;
        }

        /**
         * Sets the estimated cost.
         *
         * @param usd the cost in USD
         * @return this builder
         */
        public Builder estimatedCost(BigDecimal usd) {
            this.estimatedCost = Optional.of(Objects.requireNonNull(usd, "usd"));
            return this;
        }

        /**
         * Sets the price table version.
         *
         * @param version the version label
         * @return this builder
         */
        public Builder priceTableVersion(String version) {
            this.priceTableVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Builds the estimate.
         *
         * @return the estimate
         * @throws IllegalStateException if the model is missing
         */
        public CostEstimate build() {
            if (baseModel == null) {
                throw new IllegalStateException("baseModel missing: call baseModel(...)");
            }
            return new CostEstimate(baseModel, maxTokensPerExample, epochs, epochSource, billingTokens, trainedTokens,
                    pricePerMillionTokens, estimatedCost, priceTableVersion);
        }
    }
}
