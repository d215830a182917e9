package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.error.ApiException;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.error.JobCreationUncertainException;
import io.github.finetune4j.core.error.RateLimitException;
import io.github.finetune4j.core.error.ServerException;
import io.github.finetune4j.core.error.TransportException;
import io.github.finetune4j.core.internal.poll.Listeners;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.HyperparameterValue;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.core.model.PageRequest;
import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.core.spi.JobCreation;
import io.github.finetune4j.core.spi.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;

/**
 * Creates a job exactly once per idempotency key, because a second job is a second bill.
 *
 * <ul>
 *   <li>A create that may have reached the provider (timeout or reset after sending, 5xx) is not repeated blindly:
 *       the jobs are looked up by the key for a landing window (long enough for a late request to land) and only
 *       when none appears is the create sent again, after a backoff.</li>
 *   <li>After any create that followed such a failure, the jobs with the key are watched for another landing window;
 *       if more than one exists, all but the oldest are cancelled before they can train, reported to the listener
 *       and logged at WARNING. The job returned is the only one with its key.</li>
 *   <li>Providers that do not filter jobs by metadata are searched among the recent jobs: by the key where they echo
 *       metadata, else by content ({@link #sameContent}): the same files, base model and method, and no setting
 *       the job reports (suffix, seed, hyperparameters, the provider's own settings) other than the one asked for.
 *       A failed or cancelled job is never taken for this creation's: starting again after one must train.</li>
 *   <li>A {@code Retry-After} above {@link RetryPolicy#MAX_SERVER_DELAY} (the longest the HTTP layer waits) ends the
 *       attempts at once, as when they are used up: the deferred error, or after a landing window, the job an
 *       ambiguous attempt created or {@link JobCreationUncertainException}.</li>
 *   <li>Each attempt is recorded in {@link PendingCreates} before it is sent and forgotten once its outcome is known,
 *       so that a new process started after a crash first waits for the landing window of a create the dead
 *       process left in flight ({@link #landedFromEarlierRun}).</li>
 * </ul>
 */
final class ExactlyOnce {
    private static final System.Logger LOG = System.getLogger(ExactlyOnce.class.getName());
    /** Tolerated difference between our clock and the provider's when matching a job by its creation time. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Duration FIRST_LOOKUP_DELAY = Duration.ofMillis(500);
    private static final Duration MAX_LOOKUP_DELAY = Duration.ofSeconds(5);
    private static final int RECENT_JOBS = 50;

    private final FineTuneProvider provider;
    private final RetryPolicy policy;
    private final Duration landingWindow;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final Listeners listeners;
    private final PendingCreates pending;

    ExactlyOnce(FineTuneProvider provider, RetryPolicy policy, Duration landingWindow, Clock clock, Sleeper sleeper,
                DoubleSupplier random, Listeners listeners, PendingCreates pending) {
        this.provider = provider;
        this.policy = policy;
        this.landingWindow = landingWindow;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.listeners = listeners;
        this.pending = pending;
    }

    /**
     * The job an earlier run created with this key, found by the key itself (providers that filter or echo
     * metadata). One request; errors propagate (a start that cannot check must not create blindly).
     */
    Optional<JobSnapshot> byKey(String key) {
        return oldest(withKey(key));
    }

    /**
     * The job an earlier run created for this content, on providers that do not echo metadata: see
     * {@link #sameContent}; at any time, but never a failed or cancelled one.
     */
    Optional<JobSnapshot> byContent(JobCreation creation) {
        return oldest(sameContent(creation, Instant.MIN).stream()
                .filter(j -> !j.status().isTerminal() || j.status() == JobStatus.SUCCEEDED)
                .collect(Collectors.toList()));
    }

    /**
     * The job of a create that an earlier process sent with this key and never learnt the outcome of (it crashed,
     * was interrupted or ended uncertain): looked for until the landing window of that request has passed, so that
     * a request still on its way is found instead of being joined by a second job; should more than one job have the
     * key, all but the oldest are cancelled. Empty at once when no earlier request is pending, and empty
     * after the window (at least one lookup) when its job never landed; the create may then go ahead.
     *
     * @param creation the job about to be created
     * @return the earlier process's job, the only one with the key
     * @throws JobCreationUncertainException if the earlier request may have landed but no lookup succeeded
     */
    Optional<JobSnapshot> landedFromEarlierRun(JobCreation creation) {
        Optional<Instant> sentAt = pending.sentAt(creation.idempotencyKey());
        if (sentAt.isEmpty()) {
            return Optional.empty();
        }
        Instant end = sentAt.get().plus(landingWindow);
        LOG.log(System.Logger.Level.INFO, "an earlier run sent a create request with key {0} at {1} and did not learn "
                + "its outcome; looking for its job until {2} before creating one", creation.idempotencyKey(),
                sentAt.get(), end);
        FineTuneException unanswered = new FineTuneException("an earlier run's create request (sent " + sentAt.get()
                + ") was never answered", null, provider.id(), null);
        Optional<JobSnapshot> landed = awaitLanding(creation, sentAt.get(), unanswered, end);
        // Only the dead process's last attempt can still have been on its way (each retry waited out the window of
        // the one before): once its job is found nothing more will land, so one pass over the jobs is enough.
        Optional<JobSnapshot> kept = landed.map(job -> reconcile(creation, sentAt.get(), job, clock.instant()));
        pending.clear(creation.idempotencyKey());
        return kept;
    }

    /**
     * Creates the job exactly once.
     *
     * @param creation the job, its metadata holding the key
     * @return the only job with the key
     * @throws JobCreationUncertainException if the job may exist but could not be found
     */
    JobSnapshot create(JobCreation creation) {
        try {
            JobSnapshot created = attempts(creation);
            pending.clear(creation.idempotencyKey());
            return created;
        } catch (JobCreationUncertainException | FineTuneInterruptedException e) {
            // A request of this start may still land: the mark stays, so that the next start waits for it.
            throw e;
        } catch (RuntimeException e) {
            // Refused for good: nothing was created, or nothing landed within the window before the last attempt.
            pending.clear(creation.idempotencyKey());
            throw e;
        }
    }

    private JobSnapshot attempts(JobCreation creation) {
        Instant firstAttempt = clock.instant();
        FineTuneException ambiguous = null;
        FineTuneException last = null;
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            if (attempt > 1) {
                if (last instanceof ApiException && ((ApiException) last).isDeferred()) {
                    LOG.log(System.Logger.Level.INFO, "{0} asked to retry the job creation after {1}, longer than "
                            + "the {2} waited at most: not retrying", provider.id(),
                            ((ApiException) last).retryAfter().orElseThrow(), RetryPolicy.MAX_SERVER_DELAY);
                    break;
                }
                Duration delay = backoff(attempt - 1, last);
                if (ambiguous != null) {
                    Optional<JobSnapshot> landed = awaitLanding(creation, firstAttempt, ambiguous,
                            clock.instant().plus(max(landingWindow, delay)));
                    if (landed.isPresent()) {
                        LOG.log(System.Logger.Level.INFO, "job {0} was created by an earlier attempt",
                                landed.get().id());
                        return reconcile(creation, firstAttempt, landed.get(), clock.instant().plus(landingWindow));
                    }
                } else {
                    sleep(delay);
                }
            }
            pending.mark(creation.idempotencyKey(), clock.instant());
            try {
                JobSnapshot created = provider.createJob(creation);
                return ambiguous == null ? created
                        : reconcile(creation, firstAttempt, created, clock.instant().plus(landingWindow));
            } catch (TransportException e) {
                last = e;
                if (e.isRequestPossiblySent()) {
                    ambiguous = e;
                }
            } catch (ServerException e) {
                last = e;
                ambiguous = e;
            } catch (RateLimitException e) {
                // 429 means refused: nothing was created. The transport has retried it already, unless deferred.
                if (e.isQuotaExhausted()) {
                    throw e;
                }
                last = e;
            }
            LOG.log(System.Logger.Level.INFO, "job creation failed (attempt {0} of {1}): {2}", attempt,
                    policy.maxAttempts(), last.getMessage());
        }
        if (ambiguous == null) {
            throw last;
        }
        Optional<JobSnapshot> landed = awaitLanding(creation, firstAttempt, ambiguous,
                clock.instant().plus(landingWindow));
        if (landed.isPresent()) {
            return reconcile(creation, firstAttempt, landed.get(), clock.instant().plus(landingWindow));
        }
        throw new JobCreationUncertainException(creation.idempotencyKey(), last, provider.id());
    }

    /**
     * Looks for the job of an ambiguous attempt until {@code end} (the end of its landing window, or later when the
     * backoff before the next attempt is longer), at least once.
     */
    private Optional<JobSnapshot> awaitLanding(JobCreation creation, Instant firstAttempt,
                                               FineTuneException ambiguous, Instant end) {
        Duration delay = FIRST_LOOKUP_DELAY;
        FineTuneException lookupFailure = null;
        boolean looked = false;
        while (true) {
            try {
                Optional<JobSnapshot> found = oldest(candidates(creation, firstAttempt));
                looked = true;
                if (found.isPresent()) {
                    return found;
                }
            } catch (FineTuneInterruptedException e) {
                throw e;
            } catch (FineTuneException e) {
                lookupFailure = e;
            }
            // The last look is at the end of the window, not before it: a create that lands in the window's last
            // seconds must be found (stopping when the next delay would overshoot left them blind).
            Duration left = Duration.between(clock.instant(), end);
            if (left.isNegative() || left.isZero()) {
                break;
            }
            sleep(min(delay, left));
            delay = min(delay.multipliedBy(2), MAX_LOOKUP_DELAY);
        }
        if (!looked) {
            // Without a successful lookup a retry could create a second job: surface the original failure.
            JobCreationUncertainException uncertain = new JobCreationUncertainException(creation.idempotencyKey(),
                    ambiguous, provider.id());
            uncertain.addSuppressed(lookupFailure);
            throw uncertain;
        }
        return Optional.empty();
    }

    /**
     * Watches the jobs with the key until {@code end} (a landing window after a create that followed an ambiguous
     * failure; at least one pass) and cancels every one but the oldest.
     */
    private JobSnapshot reconcile(JobCreation creation, Instant firstAttempt, JobSnapshot ours, Instant end) {
        JobSnapshot kept = ours;
        List<String> cancelled = new ArrayList<>();
        Duration delay = FIRST_LOOKUP_DELAY;
        while (true) {
            List<JobSnapshot> all = new ArrayList<>();
            try {
                all.addAll(candidates(creation, firstAttempt));
            } catch (FineTuneInterruptedException e) {
                throw e;
            } catch (FineTuneException e) {
                LOG.log(System.Logger.Level.DEBUG, "could not list jobs while reconciling: {0}", e.getMessage());
            }
            if (all.stream().noneMatch(j -> j.id().equals(ours.id()))) {
                all.add(ours);
            }
            kept = oldest(all).orElse(ours);
            for (JobSnapshot other : all) {
                if (!other.id().equals(kept.id()) && !other.isTerminal() && !cancelled.contains(other.id().value())) {
                    cancelDuplicate(other, kept);
                    cancelled.add(other.id().value());
                }
            }
            // As in awaitLanding: the last look is at the end of the window.
            Duration left = Duration.between(clock.instant(), end);
            if (left.isNegative() || left.isZero()) {
                return kept;
            }
            sleep(min(delay, left));
            delay = min(delay.multipliedBy(2), MAX_LOOKUP_DELAY);
        }
    }

    private void cancelDuplicate(JobSnapshot duplicate, JobSnapshot kept) {
        LOG.log(System.Logger.Level.WARNING, "a second job with the same idempotency key appeared ({0}, a create "
                + "request that reached {1} late); cancelling it and keeping {2}", duplicate.id(), provider.id(),
                kept.id());
        JobSnapshot after;
        try {
            after = provider.cancelJob(duplicate.id());
        } catch (FineTuneInterruptedException e) {
            throw e;
        } catch (FineTuneException e) {
            LOG.log(System.Logger.Level.WARNING, "could not cancel duplicate job {0}: {1}", duplicate.id(),
                    e.getMessage());
            after = duplicate;
        }
        JobSnapshot reported = after;
        listeners.fire(l -> l.onDuplicateJobCancelled(reported, kept));
    }

    /** Every job that may be this creation's: by key, else (no metadata) by content since shortly before. */
    private List<JobSnapshot> candidates(JobCreation creation, Instant firstAttempt) {
        List<JobSnapshot> byKey = withKey(creation.idempotencyKey());
        if (!byKey.isEmpty() || provider.capabilities().supportsMetadataFilter()) {
            return byKey;
        }
        return sameContent(creation, firstAttempt.minus(CLOCK_SKEW));
    }

    private List<JobSnapshot> withKey(String key) {
        PageRequest request = PageRequest.first().withLimit(RECENT_JOBS);
        if (provider.capabilities().supportsMetadataFilter()) {
            request = request.withMetadata(FineTuneRequest.IDEMPOTENCY_METADATA_KEY, key);
        }
        return provider.listJobs(request).items().stream()
                .filter(j -> key.equals(j.metadata().get(FineTuneRequest.IDEMPOTENCY_METADATA_KEY)))
                .collect(Collectors.toList());
    }

    /**
     * The recent jobs without metadata that may be this creation's, created since {@code since}: same training and
     * validation files, base model and method; and every setting both sides state equal: suffix, seed, each
     * hyperparameter given as a number, and each of the provider's own settings ({@link FineTuneProvider#settings}).
     * A setting the job does not report (or reports as {@code auto}) is no evidence of difference; one it reports
     * with another value is.
     */
    private List<JobSnapshot> sameContent(JobCreation creation, Instant since) {
        Map<String, String> settings = provider.settings(creation);
        return provider.listJobs(PageRequest.first().withLimit(RECENT_JOBS)).items().stream()
                .filter(j -> j.metadata().isEmpty())
                .filter(j -> j.trainingFile().equals(creation.trainingFile())
                        && j.validationFile().equals(creation.validationFile())
                        && j.baseModel().equals(creation.baseModel())
                        && j.method() == creation.method()
                        && agree(creation.suffix(), j.suffix())
                        && agree(creation.seed(), j.seed())
                        && agree(creation.hyperparameters(), j.hyperparameters())
                        && settings.entrySet().stream().allMatch(e -> agree(Optional.of(e.getValue()),
                                Optional.ofNullable(j.settings().get(e.getKey()))))
                        && !j.createdAt().isBefore(since))
                .collect(Collectors.toList());
    }

    private static boolean agree(Hyperparameters asked, Hyperparameters reported) {
        return agree(number(asked.epochs()), number(reported.epochs()))
                && agree(number(asked.batchSize()), number(reported.batchSize()))
                && agree(number(asked.learningRateMultiplier()), number(reported.learningRateMultiplier()))
                && agree(number(asked.beta()), number(reported.beta()));
    }

    private static Optional<Double> number(Optional<HyperparameterValue> value) {
        return value.filter(v -> !v.isAuto()).map(v -> v.number().getAsDouble());
    }

    /** Equal, or at least one side does not say. */
    private static <T> boolean agree(Optional<T> asked, Optional<T> reported) {
        return asked.isEmpty() || reported.isEmpty() || asked.equals(reported);
    }

    private static Optional<JobSnapshot> oldest(List<JobSnapshot> jobs) {
        return jobs.stream().min(Comparator.comparing(JobSnapshot::createdAt)
                .thenComparing(j -> j.id().value()));
    }

    /**
     * The service's hint (at most {@link RetryPolicy#MAX_SERVER_DELAY}, see {@link ApiException#isDeferred()}),
     * else the policy's.
     */
    private Duration backoff(int retry, FineTuneException last) {
        if (last instanceof ApiException) {
            Optional<Duration> hint = ((ApiException) last).retryAfter();
            if (hint.isPresent()) {
                return hint.get();
            }
        }
        long base = policy.backoff(retry).toMillis();
        return Duration.ofMillis(Math.max(1, Math.round(base * (1 - policy.jitter() * random.getAsDouble()))));
    }

    private void sleep(Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FineTuneInterruptedException("interrupted while creating a fine-tuning job", e);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
