package io.github.finetune4j.core.internal.poll;

import io.github.finetune4j.core.spi.Poller;
import io.github.finetune4j.core.spi.Sleeper;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.error.JobCancelledException;
import io.github.finetune4j.core.error.JobFailedException;
import io.github.finetune4j.core.error.WaitTimeoutException;
import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.core.model.TrainingMetrics;
import io.github.finetune4j.core.spi.FineTuneProvider;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;

/**
 * Awaits one job: polls with backoff within a budget, reports status changes, new events and checkpoints, and turns
 * the terminal status into a result or a typed exception. One instance per wait; not thread-safe.
 */
public final class JobPoller {
    private static final System.Logger LOG = System.getLogger(JobPoller.class.getName());

    private final FineTuneProvider provider;
    private final WaitOptions options;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final Consumer<JobSnapshot> onSnapshot;
    private final Listeners listeners;

    /**
     * Creates a poller.
     *
     * @param provider the provider to ask
     * @param options budget, cadence and listeners
     * @param clock the clock
     * @param sleeper waits between polls
     * @param random uniform values in [0, 1) for jitter
     * @param onSnapshot receives every snapshot read (the job handle keeps the latest)
     */
    public JobPoller(FineTuneProvider provider, WaitOptions options, Clock clock, Sleeper sleeper,
                     DoubleSupplier random, Consumer<JobSnapshot> onSnapshot) {
        this.provider = provider;
        this.options = options;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.onSnapshot = onSnapshot;
        this.listeners = new Listeners(options.listeners());
    }

    /**
     * Waits for the job to reach a terminal status.
     *
     * @param start the state known when waiting starts
     * @return the snapshot of the succeeded job
     * @throws JobFailedException if the job failed
     * @throws JobCancelledException if it was cancelled
     * @throws WaitTimeoutException if the budget ran out
     * @throws FineTuneInterruptedException if interrupted (flag restored)
     * @throws FineTuneException if polling failed too often, or at once on 401, 403 or 404
     */
    public JobSnapshot await(JobSnapshot start) {
        NewItemTracker<JobEvent> events = new NewItemTracker<>(r -> provider.listEvents(start.id(), r), JobEvent::id);
        NewItemTracker<Checkpoint> checkpoints =
                new NewItemTracker<>(r -> provider.listCheckpoints(start.id(), r), Checkpoint::id);
        Poller<JobSnapshot> loop = new Poller<>(options, clock, sleeper, random, "job " + start.id());
        JobSnapshot terminal = loop.run(start, new Poller.Target<>() {
            private boolean first = true;

            @Override
            public JobSnapshot poll() {
                JobSnapshot next = first && start.isTerminal() ? start : provider.getJob(start.id());
                first = false;
                onSnapshot.accept(next);
                return next;
            }

            @Override
            public boolean isTerminal(JobSnapshot state) {
                return state.isTerminal();
            }

            @Override
            public String describe(JobSnapshot state) {
                return state.rawStatus();
            }

            @Override
            public boolean onPolled(JobSnapshot previous, JobSnapshot next) {
                if (next.status() == JobStatus.UNKNOWN && !next.rawStatus().equals(previous.rawStatus())) {
                    LOG.log(System.Logger.Level.WARNING, "job {0} has a status this SDK does not know: {1}",
                            start.id(), next.rawStatus());
                }
                boolean changed = next.status() != previous.status();
                boolean reported = !changed;
                try {
                    if (!listeners.isEmpty()) {
                        // What one poll brings is told in the order it happened: events before the status just
                        // read, except that a job which started training did so before its first step; each
                        // checkpoint right after the step it was saved at.
                        Deque<Checkpoint> saved = checkpoints.fetchNew().stream()
                                .sorted(Comparator.comparingLong(Checkpoint::stepNumber))
                                .collect(Collectors.toCollection(ArrayDeque::new));
                        for (JobEvent event : events.fetchNew()) {
                            Optional<TrainingMetrics> step = event.metrics();
                            if (!reported && step.isPresent() && !next.isTerminal()) {
                                reportChange(previous, next);
                                reported = true;
                            }
                            publishEvent(event);
                            step.ifPresent(m -> {
                                while (!saved.isEmpty() && saved.peekFirst().stepNumber() <= m.step()) {
                                    Checkpoint c = saved.removeFirst();
                                    listeners.fire(l -> l.onCheckpoint(c));
                                }
                            });
                        }
                        saved.forEach(c -> listeners.fire(l -> l.onCheckpoint(c)));
                    }
                } finally {
                    if (!reported) {
                        reportChange(previous, next);
                    }
                }
                return changed;
            }

            @Override
            public void onPollFailed(int failures, FineTuneException error, Duration nextPollIn) {
                listeners.fire(l -> l.onPollFailed(failures, error, nextPollIn));
            }
        }, true);
        return outcome(terminal);
    }

    private void reportChange(JobSnapshot previous, JobSnapshot next) {
        LOG.log(listeners.progressLevel(), "job {0}: {1} -> {2}", next.id(), previous.rawStatus(), next.rawStatus());
        listeners.fire(l -> l.onStatusChanged(previous, next));
    }

    private void publishEvent(JobEvent event) {
        listeners.fire(l -> l.onEvent(event));
        event.metrics().ifPresent(m -> listeners.fire(l -> l.onMetrics(m)));
    }


    private static JobSnapshot outcome(JobSnapshot terminal) {
        switch (terminal.status()) {
            case SUCCEEDED: return terminal;
            case FAILED: throw new JobFailedException(terminal);
            case CANCELLED: throw new JobCancelledException(terminal);
            default: throw new IllegalStateException("not terminal: " + terminal.status());
        }
    }
}
