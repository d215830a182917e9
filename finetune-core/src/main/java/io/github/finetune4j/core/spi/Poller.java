package io.github.finetune4j.core.spi;

import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.error.ApiException;
import io.github.finetune4j.core.error.AuthenticationException;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.error.NotFoundException;
import io.github.finetune4j.core.error.PermissionDeniedException;
import io.github.finetune4j.core.error.RateLimitException;
import io.github.finetune4j.core.error.WaitTimeoutException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import io.github.finetune4j.core.internal.http.Deadline;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The one waiting loop of the SDK, for every provider: jobs, batches, file processing and (Azure) deployments use
 * it. It polls with backoff and jitter, starts over when the status changes,
 * lets a longer {@code Retry-After} win, checks the budget before each sleep (a timeout never cancels anything),
 * stops at once on 401, 403, 404 and an exhausted quota (a 429 {@code insufficient_quota}, which waiting does not
 * cure), tolerates a number of failed polls in a row, and restores the interrupt flag.
 * One instance per wait; not thread-safe.
 *
 * <pre>{@code
 * Deployment done = new Poller<Deployment>(options, clock, Sleeper.SYSTEM, random::nextDouble, "deployment t1000")
 *         .run(start, target, false);
 * }</pre>
 *
 * @param <S> the polled state
 */
public final class Poller<S> {
    private static final System.Logger LOG = System.getLogger(Poller.class.getName());

    /**
     * What the loop polls.
     *
     * @param <S> the polled state
     */
    public interface Target<S> {
        /**
         * Reads the state once.
         *
         * @return the state
         */
        S poll();

        /**
         * Tells whether waiting is over.
         *
         * @param state a state
         * @return true when terminal
         */
        boolean isTerminal(S state);

        /**
         * The raw status, for messages.
         *
         * @param state a state
         * @return the status word
         */
        String describe(S state);

        /**
         * Called after every successful poll but the first of {@link Poller#run(Target)}, which has no state before.
         *
         * @param previous the state before
         * @param next the state just read
         * @return true if the status changed (the cadence starts over)
         */
        boolean onPolled(S previous, S next);

        /**
         * The delay the service asked for with its last successful answer (for example Azure Resource Manager's
         * {@code Retry-After} while it provisions); a longer one than the cadence's wins.
         *
         * @return the delay, or empty (the default)
         */
        default Optional<Duration> requestedDelay() {
            return Optional.empty();
        }

        /**
         * Called when a poll failed and waiting goes on.
         *
         * @param failures failures in a row
         * @param error the failure
         * @param nextPollIn the server's requested delay, or zero
         */
        default void onPollFailed(int failures, FineTuneException error, Duration nextPollIn) {
        }
    }

    private final WaitOptions options;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final String what;

    /**
     * Creates a loop.
     *
     * @param options budget and cadence
     * @param clock the clock
     * @param sleeper waits between polls
     * @param random uniform values in [0, 1) for jitter
     * @param what what is awaited, for messages, for example {@code job ftjob-1}
     */
    public Poller(WaitOptions options, Clock clock, Sleeper sleeper, DoubleSupplier random, String what) {
        this.options = options;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.what = what;
    }

    /**
     * Polls until the target reaches a terminal state.
     *
     * @param start the state known when waiting starts
     * @param target what to poll
     * @param pollAtOnce whether the first poll happens without waiting (jobs catch up on events at once)
     * @return the terminal state
     * @throws WaitTimeoutException if the budget ran out
     * @throws FineTuneInterruptedException if interrupted (flag restored)
     * @throws FineTuneException if polling failed too often in a row, or at once on 401, 403, 404 and an exhausted
     *                           quota
     */
    public S run(S start, Target<S> target, boolean pollAtOnce) {
        return loop(start, target, pollAtOnce);
    }

    /**
     * Polls until the target reaches a terminal state, when no state is known yet: the first poll happens at once
     * and, like every later one, may fail up to {@link WaitOptions#maxConsecutivePollFailures()} times in a row.
     *
     * @param target what to poll
     * @return the terminal state
     * @throws WaitTimeoutException if the budget ran out (its last state is null when no poll succeeded)
     * @throws FineTuneInterruptedException if interrupted (flag restored)
     * @throws FineTuneException if polling failed too often in a row, or at once on 401, 403, 404 and an exhausted
     *                           quota
     */
    public S run(Target<S> target) {
        return loop(null, target, true);
    }

    /** The loop; {@code current} is null until the first poll of {@link #run(Target)} succeeds. */
    private S loop(S start, Target<S> target, boolean pollAtOnce) {
        Instant began = clock.instant();
        PollCadence cadence = new PollCadence(options, random);
        S current = start;
        int failures = 0;
        Duration serverHint = null;
        boolean first = true;
        while (true) {
            if (!(first && pollAtOnce)) {
                if (first && target.isTerminal(current)) {
                    return current;
                }
                Duration delay = cadence.next(serverHint);
                serverHint = null;
                if (Duration.between(began, clock.instant()).plus(delay).compareTo(options.timeout()) > 0) {
                    throw new WaitTimeoutException(what + " (last status " + describe(target, current) + ")",
                            options.timeout(), current);
                }
                LOG.log(System.Logger.Level.DEBUG, "{0} is {1}; next poll in {2} ms", what, describe(target, current),
                        delay.toMillis());
                sleep(delay);
            }
            first = false;
            Duration left = options.timeout().minus(Duration.between(began, clock.instant()));
            try {
                S previous = current;
                // Every request of this poll gets a timeout within what is left of the budget: a poll that hangs
                // cannot hold the wait past its deadline.
                S next = Deadline.within(left, target::poll);
                current = next;
                if (previous != null && Deadline.within(left, () -> target.onPolled(previous, next))) {
                    cadence.reset();
                }
                serverHint = target.requestedDelay().orElse(null);
                failures = 0;
            } catch (AuthenticationException | PermissionDeniedException | NotFoundException
                     | FineTuneInterruptedException e) {
                throw e;
            } catch (FineTuneException e) {
                if (e instanceof RateLimitException && ((RateLimitException) e).isQuotaExhausted()) {
                    // insufficient_quota: billing has to change before any poll can succeed; never retried
                    throw e;
                }
                if (Duration.between(began, clock.instant()).compareTo(options.timeout()) >= 0) {
                    WaitTimeoutException timeout = new WaitTimeoutException(what + " (last status "
                            + describe(target, current) + ")", options.timeout(), current);
                    timeout.addSuppressed(e);
                    throw timeout;
                }
                failures++;
                if (failures >= options.maxConsecutivePollFailures()) {
                    LOG.log(System.Logger.Level.WARNING, "giving up on " + what + " after " + failures + " failed polls");
                    throw e;
                }
                if (e instanceof ApiException) {
                    serverHint = ((ApiException) e).retryAfter().orElse(null);
                }
                target.onPollFailed(failures, e, serverHint == null ? Duration.ZERO : serverHint);
            }
            if (current != null && target.isTerminal(current)) {
                return current;
            }
        }
    }

    private static <S> String describe(Target<S> target, S current) {
        return current == null ? "not read yet" : target.describe(current);
    }

    private void sleep(Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FineTuneInterruptedException("interrupted while awaiting " + what, e);
        }
    }
}
