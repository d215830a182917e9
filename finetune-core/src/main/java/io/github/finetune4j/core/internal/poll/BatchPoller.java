package io.github.finetune4j.core.internal.poll;

import io.github.finetune4j.core.spi.Poller;
import io.github.finetune4j.core.spi.Sleeper;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.error.WaitTimeoutException;
import io.github.finetune4j.core.model.BatchSnapshot;
import io.github.finetune4j.core.model.BatchStatus;
import io.github.finetune4j.core.spi.BatchSupport;

import java.time.Clock;
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
        String what = "batch " + start.id() + " of " + providerId;
        return new Poller<BatchSnapshot>(options, clock, sleeper, random, what).run(start, new Poller.Target<>() {
            @Override
            public BatchSnapshot poll() {
                return batches.getBatch(start.id());
            }

            @Override
            public boolean isTerminal(BatchSnapshot state) {
                return state.isTerminal();
            }

            @Override
            public String describe(BatchSnapshot state) {
                return state.rawStatus();
            }

            @Override
            public boolean onPolled(BatchSnapshot previous, BatchSnapshot next) {
                if (next.status() == previous.status()) {
                    return false;
                }
                LOG.log(System.Logger.Level.INFO, "{0}: {1} -> {2}", what, previous.rawStatus(), next.rawStatus());
                if (next.status() == BatchStatus.UNKNOWN) {
                    LOG.log(System.Logger.Level.WARNING, "{0} has a status this SDK does not know: {1}", what,
                            next.rawStatus());
                }
                return true;
            }
        }, false);
    }
}
