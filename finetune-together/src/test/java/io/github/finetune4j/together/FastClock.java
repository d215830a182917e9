package io.github.finetune4j.together;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs {@code speed} times faster than real time from its creation, so that the core's landing window
 * after an ambiguous create (the request timeout plus five seconds, measured on the client's clock) passes in a
 * fraction of a second of real sleeping. Use only with wait budgets that allow for it.
 */
public final class FastClock extends Clock {
    private final Instant start = Instant.now();
    private final long startNanos = System.nanoTime();
    private final int speed;

    /**
     * Creates the clock.
     *
     * @param speed how many times faster than real time
     */
    public FastClock(int speed) {
        this.speed = speed;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return start.plusNanos((System.nanoTime() - startNanos) * speed);
    }
}
