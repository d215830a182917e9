package io.github.finetune4j.eval.internal;

import java.time.Duration;
import java.util.Locale;

/** Number and duration formatting shared by the console table and the reports. Locale-independent. */
public final class Formats {
    private Formats() {
    }

    /**
     * A score or other fraction with two decimals.
     *
     * @param value the value
     * @return for example {@code 0.87}, or {@code -} for NaN
     */
    public static String score(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * A fraction as a percentage without decimals.
     *
     * @param value the fraction
     * @return for example {@code 87%}, or {@code -} for NaN
     */
    public static String percent(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f%%", value * 100);
    }

    /**
     * A mean with its interval.
     *
     * @param mean the mean
     * @param lower the lower bound
     * @param upper the upper bound
     * @return for example {@code 0.87 [0.63, 1.00]}
     */
    public static String interval(double mean, double lower, double upper) {
        return Double.isNaN(mean) ? "-" : score(mean) + " [" + score(lower) + ", " + score(upper) + "]";
    }

    /**
     * A token count or mean.
     *
     * @param tokens the count
     * @return for example {@code 1,234} or {@code 56.5}
     */
    public static String tokens(double tokens) {
        return tokens == Math.rint(tokens) ? String.format(Locale.ROOT, "%,d", (long) tokens)
                : String.format(Locale.ROOT, "%,.1f", tokens);
    }

    /**
     * A duration for people.
     *
     * @param d the duration
     * @return for example {@code 850 ms}, {@code 4.2 s}, {@code 12 min 5 s} or {@code 2 h 3 min}
     */
    public static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = d.toSeconds();
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    /**
     * A number for an axis tick.
     *
     * @param value the value
     * @param decimals how many decimals
     * @return the text
     */
    public static String number(double value, int decimals) {
        String s = String.format(Locale.ROOT, "%." + Math.max(0, decimals) + "f", value);
        return "-0".equals(s) ? "0" : s.startsWith("-0.") && Double.parseDouble(s) == 0 ? s.substring(1) : s;
    }
}
