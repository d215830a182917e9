package io.github.finetune4j.migrate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a migration would do for one source model, step by step, and what it would cost. Build it with
 * {@link #builder()}; the canonical constructor is outside the compatibility promise.
 *
 * @param sourceJob the source job id
 * @param model the source fine-tuned model
 * @param actions one line per planned action, in order (for example {@code snapshot: download file-abc (1,234
 *     bytes)})
 * @param trainingCost the estimated cost of the new job in USD, when the target's price is known
 * @param inferenceCost the estimated cost of the golden and comparison requests in USD, when priced
 */
public record PlannedModel(String sourceJob, String model, List<String> actions, Optional<BigDecimal> trainingCost,
                           Optional<BigDecimal> inferenceCost) {
    /**
     * Checks and copies the components.
     *
     * @param sourceJob the source job
     * @param model the model
     * @param actions the actions
     * @param trainingCost the training cost
     * @param inferenceCost the inference cost
     */
    public PlannedModel {
        Objects.requireNonNull(sourceJob, "sourceJob");
        Objects.requireNonNull(model, "model");
        actions = List.copyOf(Objects.requireNonNull(actions, "actions"));
        trainingCost = trainingCost == null ? Optional.empty() : trainingCost;
        inferenceCost = inferenceCost == null ? Optional.empty() : inferenceCost;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PlannedModel}. Not thread-safe. */
    public static final class Builder {
        private String sourceJob;
        private String model;
        private final List<String> actions = new ArrayList<>();
        private Optional<BigDecimal> trainingCost = Optional.empty();
        private Optional<BigDecimal> inferenceCost = Optional.empty();

        private Builder() {
        }

        /**
         * Sets the source job id. Required.
         *
         * @param sourceJob the id
         * @return this builder
         */
        public Builder sourceJob(String sourceJob) {
            this.sourceJob = Objects.requireNonNull(sourceJob, "sourceJob");
            return this;
        }

        /**
         * Sets the source model. Required.
         *
         * @param model the model
         * @return this builder
         */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * Adds an action.
         *
         * @param action one line
         * @return this builder
         */
        public Builder addAction(String action) {
            this.actions.add(Objects.requireNonNull(action, "action"));
            return this;
        }

        /**
         * Sets the estimated training cost.
         *
         * @param usd the cost in US dollars
         * @return this builder
         */
        public Builder trainingCost(BigDecimal usd) {
            this.trainingCost = Optional.of(Objects.requireNonNull(usd, "usd"));
            return this;
        }

        /**
         * Adds to the estimated inference cost.
         *
         * @param usd the cost in US dollars
         * @return this builder
         */
        public Builder addInferenceCost(BigDecimal usd) {
            Objects.requireNonNull(usd, "usd");
            this.inferenceCost = Optional.of(inferenceCost.orElse(BigDecimal.ZERO).add(usd));
            return this;
        }

        /**
         * Builds the planned model.
         *
         * @return it
         * @throws IllegalStateException if the job or model is missing
         */
        public PlannedModel build() {
            if (sourceJob == null || model == null) {
                throw new IllegalStateException("a planned model needs sourceJob(...) and model(...)");
            }
            return new PlannedModel(sourceJob, model, actions, trainingCost, inferenceCost);
        }
    }
}
