package io.github.finetune4j.testsupport;

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

    /**
     * UTC.
     *
     * @return {@code ZoneOffset.UTC}
     */
    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /**
     * This clock: it is always UTC.
     *
     * @param zone ignored
     * @return this clock
     */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /**
     * The creation time plus {@code speed} times the real time elapsed since.
     *
     * @return the instant
     */
    @Override
    public Instant instant() {
        return start.plusNanos((System.nanoTime() - startNanos) * speed);
    }
}
