package io.github.finetune4j.core.spi;

import io.github.finetune4j.core.WaitOptions;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/** The delay between polls: grows by a factor up to a cap, with jitter, and starts over on a status change. */
final class PollCadence {
    private final WaitOptions options;
    private final DoubleSupplier random;
    private Duration base;

    /**
     * Creates a cadence.
     *
     * @param options the wait options
     * @param random source of uniform values in [0, 1)
     */
    PollCadence(WaitOptions options, DoubleSupplier random) {
        this.options = options;
        this.random = random;
        this.base = options.initialInterval();
    }

    /**
     * The next delay (with jitter); advances the cadence.
     *
     * @param serverHint a delay the server asked for, or null; a longer one wins
     * @return the delay
     */
    Duration next(Duration serverHint) {
        double spread = options.jitter() * (2 * random.getAsDouble() - 1);
        long millis = Math.max(1, Math.round(base.toMillis() * (1 + spread)));
        Duration delay = Duration.ofMillis(millis);
        long grown = (long) Math.min(base.toMillis() * options.multiplier(), options.maxInterval().toMillis());
        base = Duration.ofMillis(Math.max(grown, 1));
        if (serverHint != null && serverHint.compareTo(delay) > 0) {
            return serverHint;
        }
        return delay;
    }

    /** Goes back to the initial interval (after a status change). */
    void reset() {
        base = options.initialInterval();
    }
}
