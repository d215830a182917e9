package io.github.finetune4j.azure.deployments;

import io.github.finetune4j.core.WaitOptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to wait for a deployment: the same rules and the same {@link WaitOptions} as waiting for a job, with
 * deployment defaults and deployment listeners. The budget is always set; polling starts at the initial interval,
 * grows by the multiplier up to the maximum with jitter, starts over when the state changes, and yields to a longer
 * {@code Retry-After}. Before each sleep the wait ends with a
 * {@link io.github.finetune4j.core.error.WaitTimeoutException} if the next poll would fall outside the budget; the
 * deployment itself goes on (and keeps costing). Job listeners in {@link #polling()} are not called. The canonical
 * constructor is outside the compatibility promise: use {@link #builder()}.
 *
 * <pre>{@code
 * DeploymentWaitOptions.builder().timeout(Duration.ofMinutes(30)).listener(myDeploymentListener).build();
 * }</pre>
 *
 * @param polling budget and cadence; by default 1 h, 10 s growing by 1.5 up to 60 s, ±20 % jitter, 5 poll failures
 * @param listeners progress callbacks
 */
public record DeploymentWaitOptions(WaitOptions polling, List<DeploymentListener> listeners) {
    /** Default budget: 1 hour (fine-tuned deployments usually take minutes). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);
    /** Default first poll delay: 10 seconds. */
    public static final Duration DEFAULT_INITIAL_INTERVAL = Duration.ofSeconds(10);
    /** Default longest poll delay: 60 seconds. */
    public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofSeconds(60);

    /**
     * Validates the components.
     *
     * @param polling budget and cadence
     * @param listeners progress callbacks
     */
    public DeploymentWaitOptions {
        Objects.requireNonNull(polling, "polling");
        listeners = List.copyOf(listeners);
    }

    /**
     * The budget.
     *
     * @return {@code polling().timeout()}
     */
    public Duration timeout() {
        return polling.timeout();
    }

    /**
     * Failed polls in a row tolerated before the last error is thrown.
     *
     * @return {@code polling().maxConsecutivePollFailures()}
     */
    public int maxConsecutivePollFailures() {
        return polling.maxConsecutivePollFailures();
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
        return new Builder(WaitOptions.builder().timeout(DEFAULT_TIMEOUT).initialInterval(DEFAULT_INITIAL_INTERVAL)
                .maxInterval(DEFAULT_MAX_INTERVAL));
    }

    /**
     * Starts a builder holding these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(polling.toBuilder());
        b.listeners.addAll(listeners);
        return b;
    }

    /** Builds {@link DeploymentWaitOptions}. Not thread-safe. */
    public static final class Builder {
        private final WaitOptions.Builder polling;
        private final List<DeploymentListener> listeners = new ArrayList<>();

        private Builder(WaitOptions.Builder polling) {
            this.polling = polling;
        }

        /**
         * Sets the budget.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            polling.timeout(timeout);
            return this;
        }

        /**
         * Sets the first delay between polls.
         *
         * @param interval positive
         * @return this builder
         */
        public Builder initialInterval(Duration interval) {
            polling.initialInterval(interval);
            return this;
        }

        /**
         * Sets the longest delay between polls.
         *
         * @param interval not shorter than the initial interval
         * @return this builder
         */
        public Builder maxInterval(Duration interval) {
            polling.maxInterval(interval);
            return this;
        }

        /**
         * Polls at a fixed interval (initial = max, no growth).
         *
         * @param interval the delay between polls
         * @return this builder
         */
        public Builder fixedInterval(Duration interval) {
            polling.fixedInterval(interval);
            return this;
        }

        /**
         * Sets the growth of the delay per poll.
         *
         * @param multiplier at least 1
         * @return this builder
         */
        public Builder multiplier(double multiplier) {
            polling.multiplier(multiplier);
            return this;
        }

        /**
         * Sets the random spread of each delay.
         *
         * @param jitter 0 to 1
         * @return this builder
         */
        public Builder jitter(double jitter) {
            polling.jitter(jitter);
            return this;
        }

        /**
         * Sets how many failed polls in a row are tolerated.
         *
         * @param failures at least 1
         * @return this builder
         */
        public Builder maxConsecutivePollFailures(int failures) {
            polling.maxConsecutivePollFailures(failures);
            return this;
        }

        /**
         * Adds a listener.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(DeploymentListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException if a value is out of range
         */
        public DeploymentWaitOptions build() {
            return new DeploymentWaitOptions(polling.build(), listeners);
        }
    }
}
