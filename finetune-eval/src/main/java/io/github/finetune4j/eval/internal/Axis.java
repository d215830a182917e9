package io.github.finetune4j.eval.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear axis with "nice" bounds and ticks (steps of 1, 2 or 5 times a power of ten).
 *
 * @param min the lower bound
 * @param max the upper bound
 * @param step the distance between ticks
 */
public record Axis(double min, double max, double step) {
    /**
     * An axis that covers a data range.
     *
     * @param lo the smallest value
     * @param hi the largest value
     * @param maxTicks about how many ticks, at least 2
     * @return the axis
     */
    public static Axis nice(double lo, double hi, int maxTicks) {
        if (!(hi > lo)) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double step = niceNumber((hi - lo) / (maxTicks - 1));
        return new Axis(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step);
    }

    /**
     * This axis with integer ticks (for steps and counts).
     *
     * @return the axis, with a step of at least 1
     */
    public Axis integral() {
        if (step >= 1) {
            return this;
        }
        return new Axis(Math.floor(min), Math.max(Math.ceil(max), Math.floor(min) + 1), 1);
    }

    /**
     * The tick values from {@code min} to {@code max}.
     *
     * @return the ticks
     */
    public List<Double> ticks() {
        List<Double> out = new ArrayList<>();
        int count = (int) Math.round((max - min) / step);
        for (int i = 0; i <= count; i++) {
            out.add(min + i * step);
        }
        return out;
    }

    /**
     * How many decimals the tick labels need.
     *
     * @return 0 or more
     */
    public int decimals() {
        return Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    }

    /**
     * Maps a value to a position between two pixel coordinates.
     *
     * @param value the value
     * @param from the pixel of {@code min}
     * @param to the pixel of {@code max}
     * @return the pixel of {@code value}
     */
    public double scale(double value, double from, double to) {
        return from + (value - min) / (max - min) * (to - from);
    }

    private static double niceNumber(double x) {
        double exponent = Math.floor(Math.log10(x));
        double fraction = x / Math.pow(10, exponent);
        double nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        return nice * Math.pow(10, exponent);
    }
}
