package io.github.finetune4j.azure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to wait for a deployment: the same rules as waiting for a job. The budget is always set; polling starts at
 * {@link #initialInterval()}, grows by {@link #multiplier()} up to {@link #maxInterval()} with {@link #jitter()}
 * spread, starts over when the state changes, and yields to a longer {@code Retry-After}. Before each sleep the wait
 * ends with a {@link io.github.finetune4j.core.error.WaitTimeoutException} if the next poll would fall outside the
 * budget; the deployment itself goes on (and keeps costing). The canonical constructor is outside the compatibility
 * promise: use {@link #builder()}.
 *
 * @param timeout the budget; default 1 h (fine-tuned deployments usually take minutes)
 * @param initialInterval the first delay between polls; default 10 s
 * @param maxInterval the longest delay between polls; default 60 s
 * @param multiplier growth of the delay per poll; default 1.5
 * @param jitter random spread of each delay, 0 to 1; default 0.2
 * @param maxConsecutivePollFailures failed polls in a row tolerated before the last error is thrown; default 5
 * @param listeners progress callbacks
 */
public record DeploymentWaitOptions(Duration timeout, Duration initialInterval, Duration maxInterval,
                                    double multiplier, double jitter, int maxConsecutivePollFailures,
                                    List<DeploymentListener> listeners) {
    /** Default budget: 1 hour. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);
    /** Default first poll delay: 10 seconds. */
    public static final Duration DEFAULT_INITIAL_INTERVAL = Duration.ofSeconds(10);
    /** Default longest poll delay: 60 seconds. */
    public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofSeconds(60);
    /**
     * Validates the components.
     *
     * @param timeout the budget; default 1 h (fine-tuned deployments usually take minutes)
     * @param initialInterval the first delay between polls; default 10 s
     * @param maxInterval the longest delay between polls; default 60 s
     * @param multiplier growth of the delay per poll; default 1.5
     * @param jitter random spread of each delay, 0 to 1; default 0.2
     * @param maxConsecutivePollFailures failed polls in a row tolerated before the last error is thrown; default 5
     * @param listeners progress callbacks
     */
    public DeploymentWaitOptions {
        positive(timeout, "timeout");
        positive(initialInterval, "initialInterval");
        positive(maxInterval, "maxInterval");
        if (maxInterval.compareTo(initialInterval) < 0) {
            throw new IllegalArgumentException("maxInterval must not be shorter than initialInterval");
        }
        if (!(multiplier >= 1)) {
            throw new IllegalArgumentException("multiplier must be at least 1: " + multiplier);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1]: " + jitter);
        }
        if (maxConsecutivePollFailures < 1) {
            throw new IllegalArgumentException("maxConsecutivePollFailures must be at least 1");
        }
        listeners = List.copyOf(listeners);
    }

    /**
     * The defaults: 1 h budget, 10 s growing by 1.5 up to 60 s, ±20 % jitter, 5 poll failures, no listener.
     *
     * @return the default options
     */
    public static DeploymentWaitOptions defaults() {
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
     * Starts a builder holding these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().timeout(timeout).initialInterval(initialInterval).maxInterval(maxInterval)
                .multiplier(multiplier).jitter(jitter).maxConsecutivePollFailures(maxConsecutivePollFailures);
        b.listeners.addAll(listeners);
        return b;
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    /** Builds {@link DeploymentWaitOptions}. Not thread-safe. */
    public static final class Builder {
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration initialInterval = DEFAULT_INITIAL_INTERVAL;
        private Duration maxInterval = DEFAULT_MAX_INTERVAL;
        private double multiplier = 1.5;
        private double jitter = 0.2;
        private int maxConsecutivePollFailures = 5;
        private final List<DeploymentListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the timeout.
         *
         * @param timeout the budget, positive
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Sets the interval.
         *
         * @param interval the first delay between polls, positive
         * @return this builder
         */
        public Builder initialInterval(Duration interval) {
            this.initialInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * Sets the interval.
         *
         * @param interval the longest delay between polls
         * @return this builder
         */
        public Builder maxInterval(Duration interval) {
            this.maxInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * Polls at a fixed interval (initial = max, no growth, no jitter).
         *
         * @param interval the delay between polls
         * @return this builder
         */
        public Builder fixedInterval(Duration interval) {
            return initialInterval(interval).maxInterval(interval).multiplier(1).jitter(0);
        }

        /**
         * Sets the multiplier.
         *
         * @param multiplier growth per poll, at least 1
         * @return this builder
         */
        public Builder multiplier(double multiplier) {
            this.multiplier = multiplier;
            return this;
        }

        /**
         * Sets the jitter.
         *
         * @param jitter random spread, 0 to 1
         * @return this builder
         */
        public Builder jitter(double jitter) {
            this.jitter = jitter;
            return this;
        }

        /**
         * Sets the failures.
         *
         * @param failures failed polls in a row tolerated
         * @return this builder
         */
        public Builder maxConsecutivePollFailures(int failures) {
            this.maxConsecutivePollFailures = failures;
            return this;
        }

        /**
         * Adds a listener.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(DeploymentListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException if a value is out of range
         */
        public DeploymentWaitOptions build() {
            return new DeploymentWaitOptions(timeout, initialInterval, maxInterval, multiplier, jitter,
                    maxConsecutivePollFailures, listeners);
        }
    }
}
