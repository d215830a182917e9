package io.github.finetune4j.core.model;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Training metrics at one step, as reported in metrics events, checkpoints or the result file.
 *
 * <p>Values are keyed by the provider's metric name ({@code train_loss}, {@code valid_loss},
 * {@code train_mean_token_accuracy}, {@code valid_mean_token_accuracy}, {@code full_valid_loss}, ...). Any of them
 * may be missing at a given step.
 *
 * @param step the training step, 0 when unknown
 * @param totalSteps the total number of steps, 0 when unknown
 * @param values metric name to value; never null
 */
public record TrainingMetrics(long step, long totalSteps, Map<String, Double> values) {
    /** Metric name of the training loss. */
    public static final String TRAIN_LOSS = "train_loss";
    /** Metric name of the validation loss. */
    public static final String VALID_LOSS = "valid_loss";
    /** Metric name of the training token accuracy. */
    public static final String TRAIN_ACCURACY = "train_mean_token_accuracy";
    /** Metric name of the validation token accuracy. */
    public static final String VALID_ACCURACY = "valid_mean_token_accuracy";
    /**
     * Validates the components.
     *
     * @param step the training step, 0 when unknown
     * @param totalSteps the total number of steps, 0 when unknown
     * @param values metric name to value; never null
     */
    public TrainingMetrics {
        values = Map.copyOf(Objects.requireNonNull(values, "values"));
    }

    /**
     * One metric by name.
     *
     * @param name the metric name
     * @return the value, or empty when not reported at this step
     */
    public OptionalDouble value(String name) {
        Double v = values.get(name);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /**
     * The training loss.
     *
     * @return the value, or empty
     */
    public OptionalDouble trainLoss() {
        return value(TRAIN_LOSS);
    }

    /**
     * The validation loss.
     *
     * @return the value, or empty
     */
    public OptionalDouble validLoss() {
        return value(VALID_LOSS);
    }
}
