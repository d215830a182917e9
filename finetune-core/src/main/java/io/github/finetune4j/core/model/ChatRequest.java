package io.github.finetune4j.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A chat completion request to a model.
 *
 * <p>The canonical constructor is outside the compatibility promise: use {@link #builder()}.
 *
 * @param model the model (or, on Azure, deployment) to ask
 * @param messages the conversation, at least one message
 * @param temperature sampling temperature, 0 to 2
 * @param maxTokens the most tokens to generate
 */
public record ChatRequest(String model, List<Message> messages, Optional<Double> temperature,
                          Optional<Integer> maxTokens) {
    /**
     * Validates the components.
     *
     * @param model the model (or, on Azure, deployment) to ask
     * @param messages the conversation, at least one message
     * @param temperature sampling temperature, 0 to 2
     * @param maxTokens the most tokens to generate
     */
    public ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
        temperature = temperature == null ? Optional.empty() : temperature;
        maxTokens = maxTokens == null ? Optional.empty() : maxTokens;
        temperature.ifPresent(t -> {
            if (t < 0 || t > 2) {
                throw new IllegalArgumentException("temperature must be in [0, 2]: " + t);
            }
        });
        maxTokens.ifPresent(m -> {
            if (m < 1) {
                throw new IllegalArgumentException("maxTokens must be positive: " + m);
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
     * Starts a builder holding this request's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().model(model).messages(messages);
        b.temperature = temperature;
        b.maxTokens = maxTokens;
        return b;
    }

    /** Builds {@link ChatRequest}. Not thread-safe. */
    public static final class Builder {
        private String model;
        private final List<Message> messages = new ArrayList<>();
        private Optional<Double> temperature = Optional.empty();
        private Optional<Integer> maxTokens = Optional.empty();

        private Builder() {
        }

        /**
         * Sets the model or deployment name.
         *
         * @param model the model or deployment name
         * @return this builder
         */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * Sets replaces the messages.
         *
         * @param messages replaces the messages
         * @return this builder
         */
        public Builder messages(List<Message> messages) {
            this.messages.clear();
            this.messages.addAll(messages);
            return this;
        }

        /**
         * Sets appended to the conversation.
         *
         * @param message appended to the conversation
         * @return this builder
         */
        public Builder addMessage(Message message) {
            this.messages.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        /**
         * Sets 0 to 2.
         *
         * @param temperature 0 to 2
         * @return this builder
         */
        public Builder temperature(double temperature) {
            this.temperature = Optional.of(temperature);
            return this;
        }

        /**
         * Sets positive.
         *
         * @param maxTokens positive
         * @return this builder
         */
        public Builder maxTokens(int maxTokens) {
            this.maxTokens = Optional.of(maxTokens);
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalStateException if no model was set
         */
        public ChatRequest build() {
            if (model == null) {
                throw new IllegalStateException("model is required");
            }
            return new ChatRequest(model, messages, temperature, maxTokens);
        }
    }
}
