package io.github.finetune4j.core.preflight;

import java.util.Objects;
import java.util.Optional;

/**
 * Token counts of a dataset: each example's content counted with the model's tokenizer, plus the overhead its chat
 * template adds per message and per example (for OpenAI models the cookbook's formula: per message 3 tokens plus
 * the tokens of every string value, the role included, plus 1 for a {@code name}, and 3 per example). Assistant
 * tokens are the tokens of the assistant messages' content. {@link #exact()} tells whether the tokenizer is the
 * model's own; when it is not (an open model without its {@code tokenizer.json}), the counts are an approximation
 * with {@link #tokenizer()}.
 *
 * <p>The canonical constructor is outside the compatibility promise: use {@link #builder()}.
 *
 * @param tokenizer the name of the tokenizer counted with, for example {@code o200k_base} or {@code Qwen/Qwen3-8B}
 * @param encoding the tiktoken encoding counted with, or empty for a Hugging Face tokenizer
 * @param exact whether the tokenizer is the model's own, so that the counts are exact
 * @param chatTemplate the chat format whose overhead is counted
 * @param perExample total tokens per example
 * @param assistantPerExample assistant tokens per example
 * @param messagesPerExample messages per example
 * @param examplesOverLimit examples longer than the model's per-example limit (they are truncated in training)
 * @param tokensOverLimit tokens beyond the limit, summed over those examples: what truncation cuts off
 */
public record TokenStatistics(String tokenizer, Optional<TokenEncoding> encoding, boolean exact,
                              ChatTemplate chatTemplate, Distribution perExample, Distribution assistantPerExample,
                              Distribution messagesPerExample, long examplesOverLimit, long tokensOverLimit) {
    /**
     * Validates the components.
     *
     * @param tokenizer the name of the tokenizer counted with, for example {@code o200k_base} or
     *        {@code Qwen/Qwen3-8B}
     * @param encoding the tiktoken encoding counted with, or empty for a Hugging Face tokenizer
     * @param exact whether the tokenizer is the model's own, so that the counts are exact
     * @param chatTemplate the chat format whose overhead is counted
     * @param perExample total tokens per example
     * @param assistantPerExample assistant tokens per example
     * @param messagesPerExample messages per example
     * @param examplesOverLimit examples longer than the model's per-example limit (they are truncated in training)
     * @param tokensOverLimit tokens beyond the limit, summed over those examples: what truncation cuts off
     * @throws NullPointerException if a component is null
     */
    public TokenStatistics {
        Objects.requireNonNull(tokenizer, "tokenizer");
        encoding = encoding == null ? Optional.empty() : encoding;
        Objects.requireNonNull(chatTemplate, "chatTemplate");
        Objects.requireNonNull(perExample, "perExample");
        Objects.requireNonNull(assistantPerExample, "assistantPerExample");
        Objects.requireNonNull(messagesPerExample, "messagesPerExample");
    }

    /**
     * Starts a builder: {@code o200k_base}, exact, {@link ChatTemplate#OPENAI}, empty distributions.
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
        Builder b = new Builder().tokenizer(tokenizer).exact(exact).chatTemplate(chatTemplate).perExample(perExample)
                .assistantPerExample(assistantPerExample).messagesPerExample(messagesPerExample)
                .examplesOverLimit(examplesOverLimit).tokensOverLimit(tokensOverLimit);
        b.encoding = encoding;
        return b;
    }

    /** Builds {@link TokenStatistics}. Not thread-safe. */
    public static final class Builder {
        private String tokenizer = TokenEncoding.O200K_BASE.wireName();
        private Optional<TokenEncoding> encoding = Optional.of(TokenEncoding.O200K_BASE);
        private boolean exact = true;
        private ChatTemplate chatTemplate = ChatTemplate.OPENAI;
        private Distribution perExample = Distribution.empty();
        private Distribution assistantPerExample = Distribution.empty();
        private Distribution messagesPerExample = Distribution.empty();
        private long examplesOverLimit;
        private long tokensOverLimit;

        private Builder() {
        }

        /**
         * Sets a tiktoken encoding as the tokenizer (its name too). Default: {@link TokenEncoding#O200K_BASE}.
         *
         * @param encoding the encoding
         * @return this builder
         */
        public Builder encoding(TokenEncoding encoding) {
            this.encoding = Optional.of(Objects.requireNonNull(encoding, "encoding"));
            this.tokenizer = encoding.wireName();
            return this;
        }

        /**
         * Sets the tokenizer's name and clears the encoding (for a tokenizer that is not a tiktoken encoding).
         *
         * @param name the name
         * @return this builder
         */
        public Builder tokenizer(String name) {
            this.tokenizer = Objects.requireNonNull(name, "name");
            this.encoding = Optional.empty();
            return this;
        }

        /**
         * Sets whether the counts are exact. Default: true.
         *
         * @param exact false when counted with another model's tokenizer as an approximation
         * @return this builder
         */
        public Builder exact(boolean exact) {
            this.exact = exact;
            return this;
        }

        /**
         * Sets the chat template counted. Default: {@link ChatTemplate#OPENAI}.
         *
         * @param template the template
         * @return this builder
         */
        public Builder chatTemplate(ChatTemplate template) {
            this.chatTemplate = Objects.requireNonNull(template, "template");
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
            return new TokenStatistics(tokenizer, encoding, exact, chatTemplate, perExample, assistantPerExample,
                    messagesPerExample, examplesOverLimit, tokensOverLimit);
        }
    }
}
