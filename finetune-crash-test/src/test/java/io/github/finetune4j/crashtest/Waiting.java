package io.github.finetune4j.crashtest;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition by checking it every few milliseconds on a scheduler (never {@code Thread.sleep}). */
final class Waiting {
    private static final long CHECK_EVERY_MILLIS = 2;

    private Waiting() {
    }

    /**
     * Waits until {@code condition} holds.
     *
     * @param what what is awaited, for the failure message
     * @param timeout how long at most
     * @param condition the condition, checked on the scheduler's thread
     * @param context more for the failure message (e.g. a child's output), computed only on failure
     * @throws AssertionError if the condition does not hold in time
     */
    static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> context) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "waiting-for-" + what);
            t.setDaemon(true);
            return t;
        });
        CompletableFuture<Void> done = new CompletableFuture<>();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                if (condition.getAsBoolean()) {
                    done.complete(null);
                }
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        }, 0, CHECK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("not within " + timeout + ": " + what + "\n" + context.get());
        } catch (ExecutionException e) {
            throw new AssertionError("checking " + what + " failed\n" + context.get(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        } finally {
            scheduler.shutdownNow();
        }
    }
}
