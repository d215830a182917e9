package io.github.finetune4j.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock that drives a {@link FineTuningEmulator}: file processing, job phases, training steps, events and
 * every timestamp the emulator returns are read from it.
 *
 * <p>Two kinds exist:
 * <ul>
 *   <li>{@link #scaled(double)}: the wall clock, with the emulator's phases (file processing, validation, queue,
 *       training, deployments) running a factor faster than configured. Every time the emulator reports
 *       ({@code created_at}, event times, {@code finished_at}) is real: nothing lies in the future. The default
 *       of the emulator, {@link #scaled(double) scaled}({@value #DEFAULT_SPEED}), finishes a small job in about
 *       two seconds of real time.</li>
 *   <li>{@link #manual()}: stands still until a test calls {@link #advance(Duration)}, so a job moves through
 *       its states deterministically. Its durations are the configured ones, not sped up.</li>
 * </ul>
 *
 * <p>The emulator computes the state of every job from this clock when a request arrives; nothing runs in the
 * background. Advancing a manual clock therefore has its effect on the next request.
 *
 * <pre>{@code
 * EmulatorClock clock = EmulatorClock.manual();
 * try (FineTuningEmulator emulator = FineTuningEmulator.builder().clock(clock).build().start()) {
 *     // ... create a job ...
 *     clock.advance(Duration.ofMinutes(5));      // the job has now succeeded
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class EmulatorClock {

    /** The speed factor of the clock the emulator uses unless told otherwise. */
    public static final double DEFAULT_SPEED = 50.0;

    /** The instant a manual clock created by {@link #manual()} starts at: 2026-01-01T00:00:00Z. */
    public static final Instant DEFAULT_MANUAL_START = Instant.parse("2026-01-01T00:00:00Z");

    private final double speed;
    private final Instant origin;
    private final long originNanos;
    private final AtomicReference<Instant> manualNow;

    private EmulatorClock(double speed, Instant origin, long originNanos, Instant manualStart) {
        this.speed = speed;
        this.origin = origin;
        this.originNanos = originNanos;
        this.manualNow = manualStart == null ? null : new AtomicReference<>(manualStart);
    }

    /**
     * Returns a clock that shows the wall-clock time and makes the emulator's phases run {@code speed} times
     * faster than configured: at speed 60, a training phase configured as one minute takes one real second. The
     * times the emulator reports are real, so they never run ahead of the wall clock.
     *
     * @param speed the factor, greater than 0 and at most 1,000,000
     * @return a new scaled clock, never null
     * @throws IllegalArgumentException if {@code speed} is not in (0, 1,000,000]
     */
    public static EmulatorClock scaled(double speed) {
        if (!(speed > 0) || speed > 1_000_000) {
            throw new IllegalArgumentException("speed must be in (0, 1000000]: " + speed);
        }
        return new EmulatorClock(speed, Instant.now(), System.nanoTime(), null);
    }

    /**
     * Returns a clock that follows real time at normal speed. Jobs then take as long as the emulator's
     * configured durations say (about a minute and a half by default).
     *
     * @return a new real-time clock, never null
     */
    public static EmulatorClock realTime() {
        return scaled(1.0);
    }

    /**
     * Returns a manual clock that starts at {@link #DEFAULT_MANUAL_START} and moves only when
     * {@link #advance(Duration)} is called.
     *
     * @return a new manual clock, never null
     */
    public static EmulatorClock manual() {
        return manual(DEFAULT_MANUAL_START);
    }

    /**
     * Returns a manual clock that starts at {@code start} and moves only when {@link #advance(Duration)} is
     * called.
     *
     * @param start the first instant the clock shows
     * @return a new manual clock, never null
     * @throws NullPointerException if {@code start} is null
     */
    public static EmulatorClock manual(Instant start) {
        Objects.requireNonNull(start, "start");
        return new EmulatorClock(0, start, 0, start);
    }

    /**
     * Returns the current instant: the wall-clock time for a scaled clock (measured monotonically from its
     * creation), the instant it has been advanced to for a manual one.
     *
     * @return the current instant, never null
     */
    public Instant now() {
        if (manualNow != null) {
            return manualNow.get();
        }
        return origin.plusNanos(System.nanoTime() - originNanos);
    }

    /**
     * Returns how many times faster than configured the emulator's phases run on this clock.
     *
     * @return the speed of a scaled clock, 1 for a manual clock
     */
    public double speed() {
        return manualNow != null ? 1.0 : speed;
    }

    /**
     * Tells whether this clock is manual, that is, moves only through {@link #advance(Duration)}.
     *
     * @return true for a clock made by {@link #manual()} or {@link #manual(Instant)}
     */
    public boolean isManual() {
        return manualNow != null;
    }

    /**
     * Moves a manual clock forward. The emulator sees the new time on its next request.
     *
     * @param amount how far to move, zero or positive
     * @return this clock, for chaining
     * @throws NullPointerException if {@code amount} is null
     * @throws IllegalArgumentException if {@code amount} is negative
     * @throws IllegalStateException if this clock is not manual
     */
    public EmulatorClock advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        if (manualNow == null) {
            throw new IllegalStateException("advance(...) needs a manual clock: use EmulatorClock.manual()");
        }
        manualNow.updateAndGet(now -> now.plus(amount));
        return this;
    }

    @Override
    public String toString() {
        return manualNow != null ? "EmulatorClock[manual, now=" + manualNow.get() + "]"
                : "EmulatorClock[scaled, speed=" + speed + "]";
    }
}
