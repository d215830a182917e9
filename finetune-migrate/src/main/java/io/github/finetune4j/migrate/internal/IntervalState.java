package io.github.finetune4j.migrate.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A mean score with its confidence interval in the manifest. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class IntervalState {
    /** The mean. */
    public double mean;
    /** The lower bound. */
    public double lower;
    /** The upper bound. */
    public double upper;
    /** The number of scored rows. */
    public int n;

    /** For Jackson. */
    public IntervalState() {
    }

    /**
     * Creates an interval.
     *
     * @param mean the mean
     * @param lower the lower bound
     * @param upper the upper bound
     * @param n the number of rows
     */
    public IntervalState(double mean, double lower, double upper, int n) {
        this.mean = mean;
        this.lower = lower;
        this.upper = upper;
        this.n = n;
    }
}
