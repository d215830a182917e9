package io.github.finetune4j.eval.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence intervals of a mean. Deterministic: the same values, resamples, level and seed
 * always give the same interval.
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    /**
     * The mean of the values and a percentile bootstrap interval around it.
     *
     * @param values the observations, in a fixed order (the order matters for reproducibility)
     * @param resamples how many resamples to draw, at least 1
     * @param level the confidence level, in (0, 1), for example 0.95
     * @param seed the random seed
     * @return {@code {mean, lower, upper}}; all NaN when there are no values; lower = upper = mean for one value
     */
    public static double[] meanInterval(double[] values, int resamples, double level, long seed) {
        int n = values.length;
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double mean = mean(values);
        if (n == 1) {
            return new double[] {mean, mean, mean};
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[random.nextInt(n)];
            }
            means[b] = sum / n;
        }
        Arrays.sort(means);
        double alpha = (1 - level) / 2;
        return new double[] {mean, quantile(means, alpha), quantile(means, 1 - alpha)};
    }

    /**
     * The arithmetic mean.
     *
     * @param values the values
     * @return the mean, NaN when empty
     */
    public static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /**
     * A quantile of sorted values, linearly interpolated (type 7, as R and NumPy do by default).
     *
     * @param sorted values in ascending order, at least one
     * @param p the probability, 0 to 1
     * @return the quantile
     */
    public static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
