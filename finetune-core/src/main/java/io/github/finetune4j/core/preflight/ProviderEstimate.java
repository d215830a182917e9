package io.github.finetune4j.core.preflight;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The provider's own estimate of a job, asked after the files are uploaded and checked and before the job is
 * created (Together AI's {@code POST /fine-tunes/estimate-price}), shown next to the pre-flight's
 * {@link CostEstimate}. The provider counts with the model's own tokenizer, so its token counts are the ones billed.
 *
 * <p>The canonical constructor is outside the compatibility promise: use {@link #builder(String)}.
 *
 * @param provider the provider id, for example {@code together}
 * @param totalPriceUsd the estimated price in US dollars, if the provider could estimate it
 * @param allowedToProceed whether the provider says the account's credit covers the job (false: the job would
 *     likely be refused or cancelled), if it says
 * @param trainTokens the tokens trained, over all epochs, if reported
 * @param evalTokens the tokens evaluated, over all evaluations, if reported
 * @param creditLimitUsd the account's limit the price was checked against, if reported
 * @param unavailableReason why no estimate could be made (for example a multimodal dataset), if none was
 */
public record ProviderEstimate(String provider, Optional<BigDecimal> totalPriceUsd, Optional<Boolean> allowedToProceed,
                               Optional<Long> trainTokens, Optional<Long> evalTokens,
                               Optional<BigDecimal> creditLimitUsd, Optional<String> unavailableReason) {
    /**
     * Validates the components.
     *
     * @param provider the provider id
     * @param totalPriceUsd the estimated price in US dollars
     * @param allowedToProceed whether the account's credit covers the job
     * @param trainTokens the tokens trained, over all epochs
     * @param evalTokens the tokens evaluated, over all evaluations
     * @param creditLimitUsd the account's limit
     * @param unavailableReason why no estimate could be made
     */
    public ProviderEstimate {
        Objects.requireNonNull(provider, "provider");
        totalPriceUsd = totalPriceUsd == null ? Optional.empty() : totalPriceUsd;
        allowedToProceed = allowedToProceed == null ? Optional.empty() : allowedToProceed;
        trainTokens = trainTokens == null ? Optional.empty() : trainTokens;
        evalTokens = evalTokens == null ? Optional.empty() : evalTokens;
        creditLimitUsd = creditLimitUsd == null ? Optional.empty() : creditLimitUsd;
        unavailableReason = unavailableReason == null ? Optional.empty() : unavailableReason;
    }

    /**
     * Starts an estimate of a provider; every value is empty until set.
     *
     * @param provider the provider id
     * @return a builder
     */
    public static Builder builder(String provider) {
        return new Builder(provider);
    }

    /**
     * One line for logs and consoles, for example
     * {@code together estimates $0.0054 (1,134 training tokens; within the credit limit of $100.00)}.
     *
     * @return the line
     */
    public String toText() {
        StringBuilder sb = new StringBuilder(provider).append(" estimates ");
        if (totalPriceUsd.isEmpty()) {
            sb.append("no price").append(unavailableReason.map(r -> " (" + r + ")").orElse(""));
            return sb.toString();
        }
        sb.append(Usd.format(totalPriceUsd.get()));
        StringBuilder details = new StringBuilder();
        trainTokens.ifPresent(t -> details.append(String.format(java.util.Locale.ROOT, "%,d training tokens", t)));
        evalTokens.filter(t -> t > 0).ifPresent(t -> details.append(details.length() > 0 ? ", " : "")
                .append(String.format(java.util.Locale.ROOT, "%,d evaluation tokens", t)));
        allowedToProceed.ifPresent(ok -> details.append(details.length() > 0 ? "; " : "")
                .append(ok ? "within" : "ABOVE").append(" the credit limit")
                .append(creditLimitUsd.map(l -> " of " + Usd.format(l)).orElse("")));
        if (details.length() > 0) {
            sb.append(" (").append(details).append(')');
        }
        return sb.toString();
    }


    /** Builds a {@link ProviderEstimate}. Not thread-safe. */
    public static final class Builder {
        private final String provider;
        private Optional<BigDecimal> totalPriceUsd = Optional.empty();
        private Optional<Boolean> allowedToProceed = Optional.empty();
        private Optional<Long> trainTokens = Optional.empty();
        private Optional<Long> evalTokens = Optional.empty();
        private Optional<BigDecimal> creditLimitUsd = Optional.empty();
        private Optional<String> unavailableReason = Optional.empty();

        private Builder(String provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
        }

        /**
         * Sets the estimated price.
         *
         * @param usd US dollars
         * @return this builder
         */
        public Builder totalPriceUsd(BigDecimal usd) {
            this.totalPriceUsd = Optional.of(Objects.requireNonNull(usd, "usd"));
            return this;
        }

        /**
         * Sets whether the account's credit covers the job.
         *
         * @param allowed the provider's verdict
         * @return this builder
         */
        public Builder allowedToProceed(boolean allowed) {
            this.allowedToProceed = Optional.of(allowed);
            return this;
        }

        /**
         * Sets the tokens trained over all epochs.
         *
         * @param tokens zero or more
         * @return this builder
         */
        public Builder trainTokens(long tokens) {
            this.trainTokens = Optional.of(tokens);
            return this;
        }

        /**
         * Sets the tokens evaluated over all evaluations.
         *
         * @param tokens zero or more
         * @return this builder
         */
        public Builder evalTokens(long tokens) {
            this.evalTokens = Optional.of(tokens);
            return this;
        }

        /**
         * Sets the account's credit limit.
         *
         * @param usd US dollars
         * @return this builder
         */
        public Builder creditLimitUsd(BigDecimal usd) {
            this.creditLimitUsd = Optional.of(Objects.requireNonNull(usd, "usd"));
            return this;
        }

        /**
         * Sets why no estimate could be made.
         *
         * @param reason the provider's reason
         * @return this builder
         */
        public Builder unavailableReason(String reason) {
            this.unavailableReason = Optional.of(Objects.requireNonNull(reason, "reason"));
            return this;
        }

        /**
         * Builds the estimate.
         *
         * @return the estimate
         */
        public ProviderEstimate build() {
            return new ProviderEstimate(provider, totalPriceUsd, allowedToProceed, trainTokens, evalTokens,
                    creditLimitUsd, unavailableReason);
        }
    }
}
