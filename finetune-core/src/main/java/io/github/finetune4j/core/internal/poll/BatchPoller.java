package io.github.finetune4j.core.internal.poll;

import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.error.ApiException;
import io.github.finetune4j.core.error.AuthenticationException;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.error.NotFoundException;
import io.github.finetune4j.core.error.PermissionDeniedException;
import io.github.finetune4j.core.error.WaitTimeoutException;
import io.github.finetune4j.core.model.BatchSnapshot;
import io.github.finetune4j.core.model.BatchStatus;
import io.github.finetune4j.core.spi.BatchSupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * Awaits one batch with the job cadence and budget rules: backoff with jitter, reset on a status change, a longer
 * {@code Retry-After} wins, a budget check before each sleep, never a cancel on timeout, the interrupt flag restored.
 * One instance per wait; not thread-safe.
 */
public final class BatchPoller {
    private static final System.Logger LOG = System.getLogger(BatchPoller.class.getName());

    private final BatchSupport batches;
    private final String providerId;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    /**
     * Creates a poller.
     *
     * @param batches the provider's batch API
     * @param providerId the provider id, for messages
     * @param clock the clock
     * @param sleeper waits between polls
     * @param random uniform values in [0, 1) for jitter
     */
    public BatchPoller(BatchSupport batches, String providerId, Clock clock, Sleeper sleeper, DoubleSupplier random) {
        this.batches = batches;
        this.providerId = providerId;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
    }

    /**
     * Waits until the batch reaches a terminal status.
     *
     * @param start the state known when waiting starts
     * @param options budget and cadence
     * @return the terminal snapshot (failed batches included)
     * @throws WaitTimeoutException if the budget ran out; the batch keeps running
     * @throws FineTuneInterruptedException if interrupted (flag restored)
     * @throws FineTuneException if polling failed too often, or at once on 401, 403 or 404
     */
    public BatchSnapshot await(BatchSnapshot start, WaitOptions options) {
        Instant began = clock.instant();
        PollCadence cadence = new PollCadence(options, random);
        BatchSnapshot current = start;
        int failures = 0;
        Duration serverHint = null;
        while (!current.isTerminal()) {
            Duration delay = cadence.next(serverHint);
            serverHint = null;
            if (Duration.between(began, clock.instant()).plus(delay).compareTo(options.timeout()) > 0) {
                throw new WaitTimeoutException("batch " + start.id() + " (last status " + current.rawStatus() + ")",
                        options.timeout(), current);
            }
            sleep(delay, start);
            try {
                BatchSnapshot next = batches.getBatch(start.id());
                if (next.status() != current.status()) {
                    LOG.log(System.Logger.Level.INFO, "batch {0}: {1} -> {2}", start.id(), current.rawStatus(),
                            next.rawStatus());
                    if (next.status() == BatchStatus.UNKNOWN) {
                        LOG.log(System.Logger.Level.WARNING, "batch {0} has a status this SDK does not know: {1}",
                                start.id(), next.rawStatus());
                    }
                    cadence.reset();
                }
                current = next;
                failures = 0;
            } catch (AuthenticationException | PermissionDeniedException | NotFoundException
                     | FineTuneInterruptedException e) {
                throw e;
            } catch (FineTuneException e) {
                failures++;
                if (failures >= options.maxConsecutivePollFailures()) {
                    LOG.log(System.Logger.Level.WARNING, "giving up on batch " + start.id() + " of " + providerId
                            + " after " + failures + " failed polls");
                    throw e;
                }
                if (e instanceof ApiException) {
                    serverHint = ((ApiException) e).retryAfter().orElse(null);
                }
            }
        }
        return current;
    }

    private void sleep(Duration delay, BatchSnapshot batch) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FineTuneInterruptedException("interrupted while awaiting batch " + batch.id(), e);
        }
    }
}
