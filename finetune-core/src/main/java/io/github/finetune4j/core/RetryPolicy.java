package io.github.finetune4j.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How HTTP requests are retried on connection failures, 408, 409, 429 and 5xx: exponential backoff with jitter; a
 * {@code retry-after-ms} or {@code Retry-After} header from the server wins. A 429 {@code insufficient_quota} is
 * never retried.
 *
 * @param maxAttempts attempts including the first; default 3
 * @param initialBackoff the first delay; default 500 ms
 * @param maxBackoff the longest delay; default 8 s
 * @param multiplier growth per attempt; default 2
 * @param jitter the random fraction taken off each delay, 0 to 1; default 0.25
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
                          double jitter) {
    /**
     * The longest delay a service may ask for ({@code Retry-After}) that the HTTP layer waits by itself: 60 seconds.
     * A longer one surfaces at once as a deferred error ({@link io.github.finetune4j.core.error.ApiException#isDeferred()}).
     */
    public static final Duration MAX_SERVER_DELAY = Duration.ofSeconds(60);
    private static final RetryPolicy DEFAULTS = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(8), 2, 0.25);
    /**
     * Validates the components.
     *
     * @param maxAttempts attempts including the first; default 3
     * @param initialBackoff the first delay; default 500 ms
     * @param maxBackoff the longest delay; default 8 s
     * @param multiplier growth per attempt; default 2
     * @param jitter the random fraction taken off each delay, 0 to 1; default 0.25
     */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff");
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be at least 1: " + multiplier);
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1]: " + jitter);
        }
    }

    /**
     * The defaults: 3 attempts, 500 ms doubling up to 8 s, 25 % jitter.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * No retries: every request is tried once.
     *
     * @return the policy
     */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1, 0);
    }

    /**
     * This policy with another number of attempts.
     *
     * @param attempts attempts including the first
     * @return a new policy
     */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialBackoff, maxBackoff, multiplier, jitter);
    }

    /**
     * This policy with other backoff bounds.
     *
     * @param initial the first delay
     * @param max the longest delay
     * @return a new policy
     */
    public RetryPolicy withBackoff(Duration initial, Duration max) {
        return new RetryPolicy(maxAttempts, initial, max, multiplier, jitter);
    }

    /**
     * The delay before retry number {@code retry} (1 for the first retry), before jitter.
     *
     * @param retry the retry number, at least 1
     * @return the delay
     */
    public Duration backoff(int retry) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1));
        return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
    }
}
