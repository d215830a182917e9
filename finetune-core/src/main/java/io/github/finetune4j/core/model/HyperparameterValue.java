package io.github.finetune4j.core.model;

import java.util.OptionalDouble;

/**
 * A hyperparameter that is either {@code auto} (the provider chooses) or a number.
 *
 * <p>Providers report {@code auto} until they resolved the value, and the number afterwards.
 */
public final class HyperparameterValue {
    private static final HyperparameterValue AUTO = new HyperparameterValue(Double.NaN);

    private final double value;

    private HyperparameterValue(double value) {
        this.value = value;
    }

    /**
     * The value that lets the provider choose.
     *
     * @return the shared {@code auto} value
     */
    public static HyperparameterValue auto() {
        return AUTO;
    }

    /**
     * A fixed numeric value.
     *
     * @param value the number; must be finite
     * @return the value
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public static HyperparameterValue of(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("hyperparameter must be finite: " + value);
        }
        return new HyperparameterValue(value);
    }

    /**
     * Tells whether the provider chooses this value.
     *
     * @return true for {@code auto}
     */
    public boolean isAuto() {
        return Double.isNaN(value);
    }

    /**
     * The number, if one was set or resolved.
     *
     * @return the number, or empty for {@code auto}
     */
    public OptionalDouble number() {
        return isAuto() ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HyperparameterValue
                && Double.compare(((HyperparameterValue) other).value, value) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value);
    }

    @Override
    public String toString() {
        if (isAuto()) {
            return "auto";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
