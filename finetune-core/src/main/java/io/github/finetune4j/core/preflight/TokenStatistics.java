package io.github.finetune4j.core.preflight;

import java.util.Objects;

/**
 * Token counts of a dataset, counted exactly with the base model's encoding and the OpenAI cookbook's formula: per
 * message 3 tokens plus the tokens of every string value (the role included) plus 1 for a {@code name}, and 3 per
 * example. Assistant tokens are the tokens of the assistant messages' content.
 *
 * <p>The canonical constructor is outside the compatibility promise: use {@link #builder()}.
 *
 * @param encoding the encoding counted with
 * @param perExample total tokens per example
 * @param assistantPerExample assistant tokens per example
 * @param messagesPerExample messages per example
 * @param examplesOverLimit examples longer than the model's per-example limit (they are truncated in training)
 * @param tokensOverLimit tokens beyond the limit, summed over those examples: what truncation cuts off
 */
public record TokenStatistics(TokenEncoding encoding, Distribution perExample, Distribution assistantPerExample,
                              Distribution messagesPerExample, long examplesOverLimit, long tokensOverLimit) {
    /**
     * Validates the components.
     *
     * @param encoding the encoding counted with
     * @param perExample total tokens per example
     * @param assistantPerExample assistant tokens per example
     * @param messagesPerExample messages per example
     * @param examplesOverLimit examples longer than the model's per-example limit (they are truncated in training)
     * @param tokensOverLimit tokens beyond the limit, summed over those examples: what truncation cuts off
     * @throws NullPointerException if a component is null
     */
    public TokenStatistics {
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(perExample, "perExample");
        Objects.requireNonNull(assistantPerExample, "assistantPerExample");
        Objects.requireNonNull(messagesPerExample, "messagesPerExample");
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
        return new Builder().encoding(encoding).perExample(perExample).assistantPerExample(assistantPerExample)
                .messagesPerExample(messagesPerExample).examplesOverLimit(examplesOverLimit)
                .tokensOverLimit(tokensOverLimit);
    }

    /** Builds {@link TokenStatistics}. Not thread-safe. */
    public static final class Builder {
        private TokenEncoding encoding = TokenEncoding.O200K_BASE;
        private Distribution perExample = Distribution.empty();
        private Distribution assistantPerExample = Distribution.empty();
        private Distribution messagesPerExample = Distribution.empty();
        private long examplesOverLimit;
        private long tokensOverLimit;

        private Builder() {
        }

        /**
         * Sets the encoding. Default: {@link TokenEncoding#O200K_BASE}.
         *
         * @param encoding the encoding
         * @return this builder
         */
        public Builder encoding(TokenEncoding encoding) {
            this.encoding = Objects.requireNonNull(encoding, "encoding");
            return this;
        }

        /**
         * Sets the distribution of total tokens per example.
         *
         * @param distribution the distribution
         * @return this builder
         */
        public Builder perExample(Distribution distribution) {
            this.perExample = Objects.requireNonNull(distribution, "distribution");
            return this;
        }

        /**
         * Sets the distribution of assistant tokens per example.
         *
         * @param distribution the distribution
         * @return this builder
         */
        public Builder assistantPerExample(Distribution distribution) {
            this.assistantPerExample = Objects.requireNonNull(distribution, "distribution");
            return this;
        }

        /**
         * Sets the distribution of messages per example.
         *
         * @param distribution the distribution
         * @return this builder
         */
        public Builder messagesPerExample(Distribution distribution) {
            this.messagesPerExample = Objects.requireNonNull(distribution, "distribution");
            return this;
        }

        /**
         * Sets the number of examples over the limit.
         *
         * @param examples the count
         * @return this builder
         */
        public Builder examplesOverLimit(long examples) {
            this.examplesOverLimit = examples;
            return this;
        }

        /**
         * Sets the number of tokens beyond the limit.
         *
         * @param tokens the count
         * @return this builder
         */
        public Builder tokensOverLimit(long tokens) {
            this.tokensOverLimit = tokens;
            return this;
        }

        /**
         * Builds the statistics.
         *
         * @return the statistics
         */
        public TokenStatistics build() {
            return new TokenStatistics(encoding, perExample, assistantPerExample, messagesPerExample,
                    examplesOverLimit, tokensOverLimit);
        }
    }
}
