package io.github.finetune4j.core.model;

/**
 * One value of one training metric at one step: a point of a {@link TrainingHistory} series.
 *
 * @param step the training step, from 1 (0 when the provider did not say)
 * @param value the metric's value; always finite (missing values are left out of a series, never stored as NaN)
 */
public record MetricPoint(long step, double value) {
    /**
     * Validates the components.
     *
     * @param step the training step, from 1 (0 when the provider did not say)
     * @param value the metric's value; always finite (missing values are left out of a series, never stored as NaN)
     */
    public MetricPoint {
        if (step < 0) {
            throw new IllegalArgumentException("step must not be negative: " + step);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite: " + value);
        }
    }
}
