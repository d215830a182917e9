package io.github.finetune4j.azure.internal;

import io.github.finetune4j.core.WaitOptions;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/** The delay between polls: grows by a factor up to a cap, with jitter, and starts over on a state change. */
final class Cadence {
    private final WaitOptions options;
    private final DoubleSupplier random;
    private Duration base;

    Cadence(WaitOptions options, DoubleSupplier random) {
        this.options = options;
        this.random = random;
        this.base = options.initialInterval();
    }

    /** The next delay; a longer server hint wins. */
    Duration next(Duration serverHint) {
        double spread = options.jitter() * (2 * random.getAsDouble() - 1);
        Duration delay = Duration.ofMillis(Math.max(1, Math.round(base.toMillis() * (1 + spread))));
        long grown = (long) Math.min(base.toMillis() * options.multiplier(), options.maxInterval().toMillis());
        base = Duration.ofMillis(Math.max(grown, 1));
        return serverHint != null && serverHint.compareTo(delay) > 0 ? serverHint : delay;
    }

    void reset() {
        base = options.initialInterval();
    }
}
