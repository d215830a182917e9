package io.github.finetune4j.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Training hyperparameters. An empty component is not sent, which the providers treat as {@code auto}.
 *
 * <pre>{@code
 * Hyperparameters.builder().epochs(3).learningRateMultiplierAuto().build();
 * }</pre>
 *
 * <p>The canonical constructor is outside the compatibility promise: use {@link #builder()}.
 *
 * @param epochs number of passes over the training data, 1 to 50
 * @param batchSize examples per batch, 1 to 256
 * @param learningRateMultiplier scale of the base learning rate, greater than 0
 * @param beta DPO only: strength of the penalty for leaving the reference model, in (0, 2]
 */
public record Hyperparameters(Optional<HyperparameterValue> epochs, Optional<HyperparameterValue> batchSize,
                              Optional<HyperparameterValue> learningRateMultiplier,
                              Optional<HyperparameterValue> beta) {
    /**
     * Validates the components.
     *
     * @param epochs number of passes over the training data, 1 to 50
     * @param batchSize examples per batch, 1 to 256
     * @param learningRateMultiplier scale of the base learning rate, greater than 0
     * @param beta DPO only: strength of the penalty for leaving the reference model, in (0, 2]
     */
    public Hyperparameters {
        epochs = epochs == null ? Optional.empty() : epochs;
        batchSize = batchSize == null ? Optional.empty() : batchSize;
        learningRateMultiplier = learningRateMultiplier == null ? Optional.empty() : learningRateMultiplier;
        beta = beta == null ? Optional.empty() : beta;
    }

    /**
     * Hyperparameters with nothing set: the provider chooses everything.
     *
     * @return the empty set
     */
    public static Hyperparameters defaults() {
        return builder().build();
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
        return new Builder().epochs(epochs).batchSize(batchSize).learningRateMultiplier(learningRateMultiplier).beta(beta);
    }

    /** Builds {@link Hyperparameters}. Not thread-safe. */
    public static final class Builder {
        private Optional<HyperparameterValue> epochs = Optional.empty();
        private Optional<HyperparameterValue> batchSize = Optional.empty();
        private Optional<HyperparameterValue> learningRateMultiplier = Optional.empty();
        private Optional<HyperparameterValue> beta = Optional.empty();

        private Builder() {
        }

        /**
         * Sets a fixed number of epochs.
         *
         * @param epochs 1 to 50
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder epochs(int epochs) {
            requireRange("epochs", epochs, 1, 50);
            this.epochs = Optional.of(HyperparameterValue.of(epochs));
            return this;
        }

        /**
         * Lets the provider choose the number of epochs.
         *
         * @return this builder
         */
        public Builder epochsAuto() {
            this.epochs = Optional.of(HyperparameterValue.auto());
            return this;
        }

        /**
         * Sets a fixed batch size.
         *
         * @param batchSize 1 to 256
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder batchSize(int batchSize) {
            requireRange("batchSize", batchSize, 1, 256);
            this.batchSize = Optional.of(HyperparameterValue.of(batchSize));
            return this;
        }

        /**
         * Lets the provider choose the batch size.
         *
         * @return this builder
         */
        public Builder batchSizeAuto() {
            this.batchSize = Optional.of(HyperparameterValue.auto());
            return this;
        }

        /**
         * Sets a fixed learning-rate multiplier.
         *
         * @param multiplier greater than 0
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder learningRateMultiplier(double multiplier) {
            if (!(multiplier > 0) || !Double.isFinite(multiplier)) {
                throw new IllegalArgumentException("learningRateMultiplier must be > 0: " + multiplier);
            }
            this.learningRateMultiplier = Optional.of(HyperparameterValue.of(multiplier));
            return this;
        }

        /**
         * Lets the provider choose the learning-rate multiplier.
         *
         * @return this builder
         */
        public Builder learningRateMultiplierAuto() {
            this.learningRateMultiplier = Optional.of(HyperparameterValue.auto());
            return this;
        }

        /**
         * Sets DPO's beta.
         *
         * @param beta in (0, 2]
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder beta(double beta) {
            if (!(beta > 0 && beta <= 2)) {
                throw new IllegalArgumentException("beta must be in (0, 2]: " + beta);
            }
            this.beta = Optional.of(HyperparameterValue.of(beta));
            return this;
        }

        /**
         * Lets the provider choose DPO's beta.
         *
         * @return this builder
         */
        public Builder betaAuto() {
            this.beta = Optional.of(HyperparameterValue.auto());
            return this;
        }

        /**
         * Sets the epochs as given, for mappers that read provider responses.
         *
         * @param value the value, or empty
         * @return this builder
         */
        public Builder epochs(Optional<HyperparameterValue> value) {
            this.epochs = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Sets the batch size as given, for mappers that read provider responses.
         *
         * @param value the value, or empty
         * @return this builder
         */
        public Builder batchSize(Optional<HyperparameterValue> value) {
            this.batchSize = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Sets the learning-rate multiplier as given, for mappers that read provider responses.
         *
         * @param value the value, or empty
         * @return this builder
         */
        public Builder learningRateMultiplier(Optional<HyperparameterValue> value) {
            this.learningRateMultiplier = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Sets beta as given, for mappers that read provider responses.
         *
         * @param value the value, or empty
         * @return this builder
         */
        public Builder beta(Optional<HyperparameterValue> value) {
            this.beta = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * Builds the immutable value.
         *
         * @return the hyperparameters
         */
        public Hyperparameters build() {
            return new Hyperparameters(epochs, batchSize, learningRateMultiplier, beta);
        }

        private static void requireRange(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "]: " + value);
            }
        }
    }
}
