package io.github.finetune4j.migrate;

/**
 * How a source job's hyperparameters (as the provider resolved them) become the new job's.
 */
public enum HyperparameterPolicy {
    /**
     * {@link #AS_RESOLVED} when the target trains the same base model, else {@link #EPOCHS_ONLY}: batch size and
     * learning-rate multiplier are tuned to a model and a provider, the number of passes over the data is not.
     * The default.
     */
    AUTO,
    /** Epochs, batch size, learning-rate multiplier (and DPO's beta) exactly as the source job ran. */
    AS_RESOLVED,
    /** Only the epochs (and DPO's beta); the target chooses the rest. */
    EPOCHS_ONLY,
    /** Nothing: the target chooses every hyperparameter. */
    PROVIDER_DEFAULTS
}
