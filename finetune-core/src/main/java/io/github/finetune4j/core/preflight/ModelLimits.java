package io.github.finetune4j.core.preflight;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a {@link PriceTable}: what a base model family accepts and what training on it costs.
 *
 * <pre>{@code
 * ModelLimits row = ModelLimits.builder()
 *         .model("gpt-4o-mini")
 *         .encoding(TokenEncoding.O200K_BASE)
 *         .maxTokensPerExample(65_536)
 *         .trainingPricePerMillionTokens(new BigDecimal("3.00"))
 *         .build();
 * }</pre>
 *
 * <p>The canonical constructor is outside the compatibility promise: use {@link #builder()}.
 *
 * @param model a model name or name prefix, lower case, for example {@code gpt-4o-mini} or
 *              {@code gpt-3.5-turbo-0613}; the longest matching prefix wins
 * @param encoding the tokenizer of the model; for an open model with a tokenizer of its own, the encoding that
 *                 approximates it
 * @param maxTokensPerExample the training context: longer examples are truncated from the end
 * @param trainingPricePerMillionTokens USD per million trained tokens, or empty when unknown
 * @param chatTemplate the chat format the provider renders examples of this model into, when it is not the one the
 *                     model name implies
 * @param tokenizerModelId the Hugging Face repository whose {@code tokenizer.json} counts this model exactly (for
 *                         {@link HuggingFaceTokenizer#fromHub}), for open models
 */
public record ModelLimits(String model, TokenEncoding encoding, int maxTokensPerExample,
                          Optional<BigDecimal> trainingPricePerMillionTokens, Optional<ChatTemplate> chatTemplate,
                          Optional<String> tokenizerModelId) {
    /**
     * Validates the components.
     *
     * @param model a model name or name prefix, lower case, for example {@code gpt-4o-mini} or
     *        {@code gpt-3.5-turbo-0613}; the longest matching prefix wins
     * @param encoding the tokenizer of the model
     * @param maxTokensPerExample the training context: longer examples are truncated from the end
     * @param trainingPricePerMillionTokens USD per million trained tokens, or empty when unknown
     * @param chatTemplate the chat format the provider renders examples of this model into, when it is not the one
     *        the model name implies
     * @param tokenizerModelId the Hugging Face repository whose {@code tokenizer.json} counts this model exactly
     *        (for {@link HuggingFaceTokenizer#fromHub}), for open models
     * @throws IllegalArgumentException if the model is blank, the limit not positive or the price negative
     */
    public ModelLimits {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(encoding, "encoding");
        model = model.trim().toLowerCase(Locale.ROOT);
        if (model.isEmpty()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        if (maxTokensPerExample <= 0) {
            throw new IllegalArgumentException("maxTokensPerExample must be positive: " + maxTokensPerExample);
        }
        trainingPricePerMillionTokens = trainingPricePerMillionTokens == null ? Optional.empty()
                : trainingPricePerMillionTokens;
        chatTemplate = chatTemplate == null ? Optional.empty() : chatTemplate;
        tokenizerModelId = tokenizerModelId == null ? Optional.empty() : tokenizerModelId;
        trainingPricePerMillionTokens.ifPresent(p -> {
            if (p.signum() < 0) {
                throw new IllegalArgumentException("price must not be negative: " + p);
            }
        });
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
     * Starts a builder holding these values, to derive a changed row.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().model(model).encoding(encoding).maxTokensPerExample(maxTokensPerExample);
        b.price = trainingPricePerMillionTokens;
        b.chatTemplate = chatTemplate;
        b.tokenizerModelId = tokenizerModelId;
        return b;
    }

    /** Builds {@link ModelLimits}. Not thread-safe. */
    public static final class Builder {
        private String model;
        private TokenEncoding encoding;
        private int maxTokensPerExample;
        private Optional<BigDecimal> price = Optional.empty();
        private Optional<ChatTemplate> chatTemplate = Optional.empty();
        private Optional<String> tokenizerModelId = Optional.empty();

        private Builder() {
        }

        /**
         * Sets the model name or prefix.
         *
         * @param model for example {@code gpt-4o-mini}; matched case-insensitively
         * @return this builder
         */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * Sets the tokenizer.
         *
         * @param encoding the encoding
         * @return this builder
         */
        public Builder encoding(TokenEncoding encoding) {
            this.encoding = Objects.requireNonNull(encoding, "encoding");
            return this;
        }

        /**
         * Sets the training context per example.
         *
         * @param tokens a positive number of tokens
         * @return this builder
         */
        public Builder maxTokensPerExample(int tokens) {
            this.maxTokensPerExample = tokens;
            return this;
        }

        /**
         * Sets the training price.
         *
         * @param usd US dollars per million trained tokens, not negative
         * @return this builder
         */
        public Builder trainingPricePerMillionTokens(BigDecimal usd) {
            this.price = Optional.of(Objects.requireNonNull(usd, "usd"));
            return this;
        }

        /**
         * Sets the chat format, when it is not the one the model name implies.
         *
         * @param template the template
         * @return this builder
         */
        public Builder chatTemplate(ChatTemplate template) {
            this.chatTemplate = Optional.of(Objects.requireNonNull(template, "template"));
            return this;
        }

        /**
         * Sets the Hugging Face repository of the model's tokenizer, named in the report when counts are approximate.
         *
         * @param modelId {@code owner/name}, for example {@code meta-llama/Llama-3.1-8B-Instruct}
         * @return this builder
         */
        public Builder tokenizerModelId(String modelId) {
            this.tokenizerModelId = Optional.of(Objects.requireNonNull(modelId, "modelId"));
            return this;
        }

        /**
         * Builds the row.
         *
         * @return the row
         * @throws IllegalStateException if model, encoding or limit is missing
         * @throws IllegalArgumentException if a value is out of range
         */
        public ModelLimits build() {
            if (model == null) {
                throw new IllegalStateException("model missing: call model(...)");
            }
            if (encoding == null) {
                throw new IllegalStateException("encoding missing: call encoding(...)");
            }
            if (maxTokensPerExample == 0) {
                throw new IllegalStateException("limit missing: call maxTokensPerExample(...)");
            }
            return new ModelLimits(model, encoding, maxTokensPerExample, price, chatTemplate, tokenizerModelId);
        }
    }
}
