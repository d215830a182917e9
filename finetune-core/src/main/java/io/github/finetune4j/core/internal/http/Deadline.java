package io.github.finetune4j.core.internal.http;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The wait budget of the current thread, so that every request made while waiting (a poll, the events fetched
 * with it) gets a timeout no longer than what is left of the budget: one hanging request cannot hold a wait past
 * its deadline. Set by the poller around each poll; read by the transport. Nested budgets keep the earlier end.
 */
public final class Deadline {
    private static final ThreadLocal<Long> END_NANOS = new ThreadLocal<>();

    private Deadline() {
    }

    /**
     * Runs work with a budget.
     *
     * @param remaining how long the work may take at most
     * @param work the work
     * @param <T> the result type
     * @return the work's result
     */
    public static <T> T within(Duration remaining, Supplier<T> work) {
        Long outer = END_NANOS.get();
        long end = System.nanoTime() + Math.max(0, remaining.toNanos());
        END_NANOS.set(outer == null || end - outer < 0 ? end : outer);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                END_NANOS.remove();
            } else {
                END_NANOS.set(outer);
            }
        }
    }

    /**
     * What is left of the current thread's budget.
     *
     * @return the time left (zero when spent), or empty outside a budget
     */
    public static Optional<Duration> remaining() {
        Long end = END_NANOS.get();
        if (end == null) {
            return Optional.empty();
        }
        long left = end - System.nanoTime();
        return Optional.of(left <= 0 ? Duration.ZERO : Duration.ofNanos(left));
    }
}
