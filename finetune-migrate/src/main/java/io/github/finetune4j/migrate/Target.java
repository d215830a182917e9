package io.github.finetune4j.migrate;

import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.preflight.PriceTable;
import io.github.finetune4j.eval.InferencePriceTable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where models are retrained: any {@link FineTuneClient} (Azure OpenAI, Together, the emulator, ...) and how to
 * choose a base model on it. Unless a base model is named, each job gets the same base model when the target's
 * catalog still fine-tunes it, else the closest one the catalog lists as fine-tunable (same family in a newer
 * version, then the family's successor, as {@code gpt-4o-mini} → {@code gpt-4.1-mini}). A target without a model
 * catalog is given the same base model. Immutable; build it with {@link #builder(FineTuneClient)}.
 *
 * <pre>{@code
 * Target azure = Target.builder(azureClient).build();                          // same base model where possible
 * Target together = Target.builder(togetherClient)
 *         .baseModel("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference")      // an open model for every job
 *         .hyperparameters(HyperparameterPolicy.EPOCHS_ONLY).build();
 * }</pre>
 */
public final class Target {
    private final FineTuneClient client;
    private final Optional<String> baseModel;
    private final Map<String, String> baseModels;
    private final Optional<PriceTable> priceTable;
    private final InferencePriceTable inferencePrices;
    private final ModelServing serving;
    private final HyperparameterPolicy hyperparameters;

    private Target(Builder b) {
        this.client = b.client;
        this.baseModel = b.baseModel;
        this.baseModels = Map.copyOf(b.baseModels);
        this.priceTable = b.priceTable;
        this.inferencePrices = b.inferencePrices;
        this.serving = b.serving;
        this.hyperparameters = b.hyperparameters;
    }

    /**
     * Starts a builder for a target client.
     *
     * @param client the client of the provider to retrain on; the migration does not close it
     * @return a new builder
     */
    public static Builder builder(FineTuneClient client) {
        return new Builder(client);
    }

    /**
     * The target's client.
     *
     * @return the client
     */
    public FineTuneClient client() {
        return client;
    }

    /**
     * The base model every job is retrained on, if one was named.
     *
     * @return the model, or empty to choose per job
     */
    public Optional<String> baseModel() {
        return baseModel;
    }

    /**
     * Base models named per source base model.
     *
     * @return source base model to target base model
     */
    public Map<String, String> baseModels() {
        return baseModels;
    }

    /**
     * The training limits and prices used for the pre-flight and the estimates.
     *
     * @return the table set on the builder, else the target client's own
     */
    public PriceTable priceTable() {
        return priceTable.orElseGet(client::priceTable);
    }

    /**
     * The inference prices of the target, for the cost of 1,000 requests after the migration.
     *
     * @return the table; empty (no prices) unless set
     */
    public InferencePriceTable inferencePrices() {
        return inferencePrices;
    }

    /**
     * How the comparison reaches a new model.
     *
     * @return the serving, {@link ModelServing#direct()} unless set
     */
    public ModelServing serving() {
        return serving;
    }

    /**
     * How hyperparameters are translated.
     *
     * @return the policy, {@link HyperparameterPolicy#AUTO} unless set
     */
    public HyperparameterPolicy hyperparameters() {
        return hyperparameters;
    }

    @Override
    public String toString() {
        return "Target[" + client.providerId() + baseModel.map(m -> ", " + m).orElse("") + "]";
    }

    /** Builds a {@link Target}. Not thread-safe. */
    public static final class Builder {
        private final FineTuneClient client;
        private Optional<String> baseModel = Optional.empty();
        private final Map<String, String> baseModels = new LinkedHashMap<>();
        private Optional<PriceTable> priceTable = Optional.empty();
        private InferencePriceTable inferencePrices = new InferencePriceTable("none", List.of());
        private ModelServing serving = ModelServing.direct();
        private HyperparameterPolicy hyperparameters = HyperparameterPolicy.AUTO;

        private Builder(FineTuneClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /**
         * Retrains every job on this base model (an open model on Together, for example). Default: chosen per job
         * from the target's catalog.
         *
         * @param model the target base model
         * @return this builder
         */
        public Builder baseModel(String model) {
            this.baseModel = Optional.of(requireName(model));
            return this;
        }

        /**
         * Retrains the jobs of one source base model on a chosen target base model; wins over
         * {@link #baseModel(String)}.
         *
         * @param sourceBaseModel the source job's base model, as the source names it
         * @param targetBaseModel the target base model
         * @return this builder
         */
        public Builder mapBaseModel(String sourceBaseModel, String targetBaseModel) {
            this.baseModels.put(requireName(sourceBaseModel), requireName(targetBaseModel));
            return this;
        }

        /**
         * Sets the training limits and prices (for example Azure's table with the prices of your region and tier).
         * Default: the target client's own ({@link FineTuneClient#priceTable()}).
         *
         * @param table the table
         * @return this builder
         */
        public Builder priceTable(PriceTable table) {
            this.priceTable = Optional.of(Objects.requireNonNull(table, "table"));
            return this;
        }

        /**
         * Sets the target's inference prices, for the cost of 1,000 requests to the new model. Default none (the
         * summary says the cost is unknown).
         *
         * @param prices the prices
         * @return this builder
         */
        public Builder inferencePrices(InferencePriceTable prices) {
            this.inferencePrices = Objects.requireNonNull(prices, "prices");
            return this;
        }

        /**
         * Sets how the comparison reaches a new model. Default {@link ModelServing#direct()}; Azure OpenAI needs
         * a deployment.
         *
         * @param serving the serving
         * @return this builder
         */
        public Builder serving(ModelServing serving) {
            this.serving = Objects.requireNonNull(serving, "serving");
            return this;
        }

        /**
         * Sets how hyperparameters are translated. Default {@link HyperparameterPolicy#AUTO}.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder hyperparameters(HyperparameterPolicy policy) {
            this.hyperparameters = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Builds the target.
         *
         * @return the target
         */
        public Target build() {
            return new Target(this);
        }

        private static String requireName(String model) {
            Objects.requireNonNull(model, "model");
            if (model.isBlank()) {
                throw new IllegalArgumentException("a model name must not be blank");
            }
            return model.strip();
        }
    }
}
