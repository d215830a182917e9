package io.github.finetune4j.migrate;

import io.github.finetune4j.core.BatchOptions;

import java.time.Duration;
import java.util.Objects;

/**
 * How golden answers are recorded. Build it with {@link #builder()}; the canonical constructor is outside the
 * compatibility promise.
 *
 * @param sampleSize training prompts asked when a job had no validation file (default {@value #DEFAULT_SAMPLE_SIZE})
 * @param batchThreshold from this many missing answers on, they are asked through the provider's Batch API when it
 *     has one (default {@value #DEFAULT_BATCH_THRESHOLD})
 * @param batchOptions the batch's window, wait budget and metadata
 * @param concurrency requests in flight at once when asking online (default 4)
 * @param deadline how long one online run may take; the answers recorded by then are kept (default 1 hour)
 * @param temperature the sampling temperature of golden answers (default 0, the most reproducible)
 * @param sampleSeed the seed of the training-prompt sample (default 42)
 */
public record SnapshotOptions(int sampleSize, int batchThreshold, BatchOptions batchOptions, int concurrency,
                              Duration deadline, double temperature, long sampleSeed) {
    /** Default number of training prompts asked when there is no validation set. */
    public static final int DEFAULT_SAMPLE_SIZE = 50;
    /** Default number of missing answers from which the Batch API is used. */
    public static final int DEFAULT_BATCH_THRESHOLD = 200;

    /**
     * Checks the components.
     *
     * @param sampleSize training prompts asked without a validation set
     * @param batchThreshold missing answers from which the Batch API is used
     * @param batchOptions batch settings
     * @param concurrency requests in flight
     * @param deadline budget of one online run
     * @param temperature sampling temperature
     * @param sampleSeed sample seed
     */
    public SnapshotOptions {
        Objects.requireNonNull(batchOptions, "batchOptions");
        Objects.requireNonNull(deadline, "deadline");
        if (sampleSize < 1) {
            throw new IllegalArgumentException("sampleSize must be at least 1: " + sampleSize);
        }
        if (batchThreshold < 1) {
            throw new IllegalArgumentException("batchThreshold must be at least 1: " + batchThreshold);
        }
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("concurrency must be in [1, 256]: " + concurrency);
        }
        if (deadline.isZero() || deadline.isNegative()) {
            throw new IllegalArgumentException("deadline must be positive: " + deadline);
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be in [0, 2]: " + temperature);
        }
    }

    /**
     * The defaults.
     *
     * @return the default options
     */
    public static SnapshotOptions defaults() {
        return builder().build();
    }

    /**
     * Starts a builder with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder with these values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().sampleSize(sampleSize).batchThreshold(batchThreshold).batchOptions(batchOptions)
                .concurrency(concurrency).deadline(deadline).temperature(temperature).sampleSeed(sampleSeed);
    }

    /** Builds {@link SnapshotOptions}. Not thread-safe. */
    public static final class Builder {
        private int sampleSize = DEFAULT_SAMPLE_SIZE;
        private int batchThreshold = DEFAULT_BATCH_THRESHOLD;
        private BatchOptions batchOptions = BatchOptions.defaults();
        private int concurrency = 4;
        private Duration deadline = Duration.ofHours(1);
        private double temperature;
        private long sampleSeed = 42L;

        private Builder() {
        }

        /**
         * Sets how many training prompts are asked when a job had no validation file.
         *
         * @param prompts at least 1
         * @return this builder
         */
        public Builder sampleSize(int prompts) {
            this.sampleSize = prompts;
            return this;
        }

        /**
         * Sets from how many missing answers on the Batch API is used.
         *
         * @param answers at least 1
         * @return this builder
         */
        public Builder batchThreshold(int answers) {
            this.batchThreshold = answers;
            return this;
        }

        /**
         * Sets the batch's window, wait budget and metadata.
         *
         * @param options the options
         * @return this builder
         */
        public Builder batchOptions(BatchOptions options) {
            this.batchOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Sets how many online requests may be in flight at once.
         *
         * @param requests 1 to 256
         * @return this builder
         */
        public Builder concurrency(int requests) {
            this.concurrency = requests;
            return this;
        }

        /**
         * Sets the budget of one online run.
         *
         * @param deadline positive
         * @return this builder
         */
        public Builder deadline(Duration deadline) {
            this.deadline = Objects.requireNonNull(deadline, "deadline");
            return this;
        }

        /**
         * Sets the sampling temperature of golden answers.
         *
         * @param temperature 0 to 2
         * @return this builder
         */
        public Builder temperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        /**
         * Sets the seed of the training-prompt sample.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder sampleSeed(long seed) {
            this.sampleSeed = seed;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException if a value is out of range
         */
        public SnapshotOptions build() {
            return new SnapshotOptions(sampleSize, batchThreshold, batchOptions, concurrency, deadline, temperature,
                    sampleSeed);
        }
    }
}
