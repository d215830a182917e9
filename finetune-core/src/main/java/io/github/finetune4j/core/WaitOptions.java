package io.github.finetune4j.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How to wait for a job (or a deployment): a budget that is always set, the polling cadence and the listeners.
 *
 * <pre>{@code
 * WaitOptions.builder().timeout(Duration.ofHours(2)).listener(new ConsoleProgress()).build();
 * }</pre>
 *
 * <p>Polling starts at {@link #initialInterval()}, grows by {@link #multiplier()} per poll up to
 * {@link #maxInterval()} with {@link #jitter()} random spread, goes back to the initial interval when the status
 * changes, and yields to a longer {@code Retry-After} from the provider. Settings the builder did not set are
 * taken from the client's default wait options when the options are used ({@link #explicitSettings()}), so that
 * {@code WaitOptions.builder().timeout(...).listener(...)} keeps the client's cadence. The canonical constructor is
 * outside the compatibility promise: use {@link #builder()}.
 *
 * @param timeout the budget; default 24 h; waiting never goes on forever
 * @param initialInterval the first delay between polls; default 5 s
 * @param maxInterval the longest delay between polls; default 60 s
 * @param multiplier growth of the delay per poll; default 1.5
 * @param jitter random spread of each delay, 0 to 1; default 0.2 (±20 %)
 * @param maxConsecutivePollFailures failed polls in a row tolerated before the last error is thrown; default 5
 * @param listeners progress callbacks
 * @param explicitSettings which settings were set explicitly; the others are inherited from the client's defaults
 */
public record WaitOptions(Duration timeout, Duration initialInterval, Duration maxInterval, double multiplier,
                          double jitter, int maxConsecutivePollFailures, List<JobListener> listeners,
                          Set<Setting> explicitSettings) {
    /** The groups of settings a client's defaults can supply. */
    public enum Setting {
        /** {@link WaitOptions#timeout()}. */
        TIMEOUT,
        /** The cadence: initial and longest interval, multiplier, jitter. */
        CADENCE,
        /** {@link WaitOptions#maxConsecutivePollFailures()}. */
        POLL_FAILURES
    }

    /** Default budget: 24 hours. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(24);
    /** Default first poll delay: 5 seconds. */
    public static final Duration DEFAULT_INITIAL_INTERVAL = Duration.ofSeconds(5);
    /** Default longest poll delay: 60 seconds. */
    public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofSeconds(60);
    /**
     * Validates the components.
     *
     * @param timeout the budget; default 24 h; waiting never goes on forever
     * @param initialInterval the first delay between polls; default 5 s
     * @param maxInterval the longest delay between polls; default 60 s
     * @param multiplier growth of the delay per poll; default 1.5
     * @param jitter random spread of each delay, 0 to 1; default 0.2 (±20 %)
     * @param maxConsecutivePollFailures failed polls in a row tolerated before the last error is thrown; default 5
     * @param listeners progress callbacks
     * @param explicitSettings which settings were set explicitly; the others are inherited from the client's defaults
     */
    public WaitOptions {
        requirePositive(timeout, "timeout");
        requirePositive(initialInterval, "initialInterval");
        requirePositive(maxInterval, "maxInterval");
        if (maxInterval.compareTo(initialInterval) < 0) {
            throw new IllegalArgumentException("maxInterval must not be shorter than initialInterval");
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be at least 1: " + multiplier);
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1]: " + jitter);
        }
        if (maxConsecutivePollFailures < 1) {
            throw new IllegalArgumentException("maxConsecutivePollFailures must be at least 1");
        }
        listeners = List.copyOf(listeners);
        explicitSettings = explicitSettings == null || explicitSettings.isEmpty() ? Set.of()
                : Set.copyOf(EnumSet.copyOf(explicitSettings));
    }

    /**
     * These options with every setting they did not set explicitly taken from {@code defaults}, and the listeners
     * of both (each listener once).
     *
     * @param defaults the client's default wait options
     * @return the options to wait with
     */
    public WaitOptions withDefaultsFrom(WaitOptions defaults) {
        Objects.requireNonNull(defaults, "defaults");
        Builder b = defaults.toBuilder();
        b.explicit.clear();
        b.explicit.addAll(defaults.explicitSettings);
        if (explicitSettings.contains(Setting.TIMEOUT)) {
            b.timeout(timeout);
        }
        if (explicitSettings.contains(Setting.CADENCE)) {
            b.initialInterval(initialInterval).maxInterval(maxInterval).multiplier(multiplier).jitter(jitter);
        }
        if (explicitSettings.contains(Setting.POLL_FAILURES)) {
            b.maxConsecutivePollFailures(maxConsecutivePollFailures);
        }
        for (JobListener listener : listeners) {
            if (b.listeners.stream().noneMatch(l -> l == listener)) {
                b.listeners.add(listener);
            }
        }
        return b.build();
    }

    /**
     * These options with more listeners (each listener once), for example those given when the job was started.
     *
     * @param more the listeners to add
     * @return new options
     */
    public WaitOptions withListeners(List<JobListener> more) {
        Builder b = toBuilder();
        for (JobListener listener : more) {
            if (b.listeners.stream().noneMatch(l -> l == listener)) {
                b.listeners.add(listener);
            }
        }
        return b.build();
    }

    /**
     * The defaults: 24 h budget, 5 s growing by 1.5 up to 60 s, ±20 % jitter, 5 poll failures, no listener.
     *
     * @return the default options
     */
    public static WaitOptions defaults() {
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
        b.explicit.clear();
        b.explicit.addAll(explicitSettings);
        return b;
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    /** Builds {@link WaitOptions}. Not thread-safe. */
    public static final class Builder {
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration initialInterval = DEFAULT_INITIAL_INTERVAL;
        private Duration maxInterval = DEFAULT_MAX_INTERVAL;
        private double multiplier = 1.5;
        private double jitter = 0.2;
        private int maxConsecutivePollFailures = 5;
        private final List<JobListener> listeners = new ArrayList<>();
        private final Set<Setting> explicit = EnumSet.noneOf(Setting.class);

        private Builder() {
        }

        /**
         * Sets the budget, positive.
         *
         * @param timeout the budget, positive
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            explicit.add(Setting.TIMEOUT);
            return this;
        }

        /**
         * Sets the first delay between polls, positive.
         *
         * @param interval the first delay between polls, positive
         * @return this builder
         */
        public Builder initialInterval(Duration interval) {
            this.initialInterval = Objects.requireNonNull(interval, "interval");
            explicit.add(Setting.CADENCE);
            return this;
        }

        /**
         * Sets the longest delay between polls.
         *
         * @param interval the longest delay between polls
         * @return this builder
         */
        public Builder maxInterval(Duration interval) {
            this.maxInterval = Objects.requireNonNull(interval, "interval");
            explicit.add(Setting.CADENCE);
            return this;
        }

        /**
         * Polls at a fixed interval (initial = max, no growth).
         *
         * @param interval the delay between polls
         * @return this builder
         */
        public Builder fixedInterval(Duration interval) {
            return initialInterval(interval).maxInterval(interval).multiplier(1);
        }

        /**
         * Sets growth per poll, at least 1.
         *
         * @param multiplier growth per poll, at least 1
         * @return this builder
         */
        public Builder multiplier(double multiplier) {
            this.multiplier = multiplier;
            explicit.add(Setting.CADENCE);
            return this;
        }

        /**
         * Sets random spread, 0 to 1.
         *
         * @param jitter random spread, 0 to 1
         * @return this builder
         */
        public Builder jitter(double jitter) {
            this.jitter = jitter;
            explicit.add(Setting.CADENCE);
            return this;
        }

        /**
         * Sets failed polls in a row tolerated.
         *
         * @param failures failed polls in a row tolerated
         * @return this builder
         */
        public Builder maxConsecutivePollFailures(int failures) {
            this.maxConsecutivePollFailures = failures;
            explicit.add(Setting.POLL_FAILURES);
            return this;
        }

        /**
         * Adds a listener.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(JobListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Removes every listener added so far.
         *
         * @return this builder
         */
        public Builder clearListeners() {
            listeners.clear();
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException if a value is out of range
         */
        public WaitOptions build() {
            return new WaitOptions(timeout, initialInterval, maxInterval, multiplier, jitter,
                    maxConsecutivePollFailures, listeners, explicit);
        }
    }
}
