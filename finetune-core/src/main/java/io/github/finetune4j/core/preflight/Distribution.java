package io.github.finetune4j.core.preflight;

/**
 * Summary statistics of one per-example quantity (tokens, assistant tokens, messages). Quantiles are exact and
 * interpolated linearly between order statistics, as numpy's default does, so they equal the OpenAI cookbook's
 * figures (its "p5 / p95" line prints these 10% and 90% quantiles). All values are 0 when {@code count} is 0.
 *
 * <p>The canonical constructor is outside the compatibility promise: use {@link #builder()}.
 *
 * @param count number of examples measured
 * @param sum the total over all examples
 * @param min the smallest value
 * @param max the largest value
 * @param mean the arithmetic mean
 * @param median the 50% quantile
 * @param p10 the 10% quantile
 * @param p90 the 90% quantile
 */
public record Distribution(long count, long sum, long min, long max, double mean, double median, double p10,
                          double p90) {
    /**
     * Validates the components.
     *
     * @param count number of examples measured
     * @param sum the total over all examples
     * @param min the smallest value
     * @param max the largest value
     * @param mean the arithmetic mean
     * @param median the 50% quantile
     * @param p10 the 10% quantile
     * @param p90 the 90% quantile
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public Distribution {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
    }

    /**
     * The distribution of nothing: every value 0.
     *
     * @return the empty distribution
     */
    public static Distribution empty() {
        return new Distribution(0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * Starts an empty builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding these values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().count(count).sum(sum).min(min).max(max).mean(mean).median(median).p10(p10).p90(p90);
    }

    /** Builds a {@link Distribution}. Not thread-safe. */
    public static final class Builder {
        private long count;
        private long sum;
        private long min;
        private long max;
        private double mean;
        private double median;
        private double p10;
        private double p90;

        private Builder() {
        }

        /**
         * Sets the number of examples.
         *
         * @param count not negative
         * @return this builder
         */
        public Builder count(long count) {
            this.count = count;
            return this;
        }

        /**
         * Sets the total.
         *
         * @param sum the total
         * @return this builder
         */
        public Builder sum(long sum) {
            this.sum = sum;
            return this;
        }

        /**
         * Sets the smallest value.
         *
         * @param min the minimum
         * @return this builder
         */
        public Builder min(long min) {
            this.min = min;
            return this;
        }

        /**
         * Sets the largest value.
         *
         * @param max the maximum
         * @return this builder
         */
        public Builder max(long max) {
            this.max = max;
            return this;
        }

        /**
         * Sets the mean.
         *
         * @param mean the mean
         * @return this builder
         */
        public Builder mean(double mean) {
            this.mean = mean;
            return this;
        }

        /**
         * Sets the median.
         *
         * @param median the 50% quantile
         * @return this builder
         */
        public Builder median(double median) {
            this.median = median;
            return this;
        }

        /**
         * Sets the 10% quantile.
         *
         * @param p10 the quantile
         * @return this builder
         */
        public Builder p10(double p10) {
            this.p10 = p10;
            return this;
        }

        /**
         * Sets the 90% quantile.
         *
         * @param p90 the quantile
         * @return this builder
         */
        public Builder p90(double p90) {
            this.p90 = p90;
            return this;
        }

        /**
         * Builds the distribution.
         *
         * @return the distribution
         */
        public Distribution build() {
            return new Distribution(count, sum, min, max, mean, median, p10, p90);
        }
    }
}
