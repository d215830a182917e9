package io.github.finetune4j.core.spi;

import java.time.Duration;

/** Waits between polls; replaced in tests by a recording sleeper that returns at once. */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps with {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = d -> Thread.sleep(Math.max(0, d.toMillis()));

    /**
     * Waits.
     *
     * @param duration how long
     * @throws InterruptedException if the thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
}
