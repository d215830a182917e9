package io.github.finetune4j.eval;

/**
 * A mean with a percentile bootstrap confidence interval (at the evaluation's confidence level, 95% by default).
 *
 * @param mean the mean of the observations, NaN when there are none
 * @param lower the interval's lower bound, NaN when there are no observations
 * @param upper the interval's upper bound, NaN when there are no observations
 * @param n the number of observations
 */
public record ConfidenceInterval(double mean, double lower, double upper, int n) {
    /**
     * Validates the components.
     *
     * @param mean the mean of the observations, NaN when there are none
     * @param lower the interval's lower bound, NaN when there are no observations
     * @param upper the interval's upper bound, NaN when there are no observations
     * @param n the number of observations
     */
    public ConfidenceInterval {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        if (lower > upper) {
            throw new IllegalArgumentException("need lower <= upper: " + lower + ", " + upper);
        }
    }

    /**
     * The interval of no observations.
     *
     * @return an interval with NaN bounds and {@code n = 0}
     */
    public static ConfidenceInterval empty() {
        return new ConfidenceInterval(Double.NaN, Double.NaN, Double.NaN, 0);
    }

    /**
     * Tells whether there were no observations.
     *
     * @return true when {@code n == 0}
     */
    public boolean isEmpty() {
        return n == 0;
    }
}
