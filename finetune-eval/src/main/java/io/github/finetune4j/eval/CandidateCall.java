package io.github.finetune4j.eval;

import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.error.ApiException;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.error.RateLimitException;
import io.github.finetune4j.core.error.ServerException;
import io.github.finetune4j.core.error.TransportException;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Message;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends one candidate request, retrying what the HTTP layer gave up on when it is worth another try: a 429 that is
 * not {@code insufficient_quota}, a 5xx, a connection failure. Honours the provider's {@code Retry-After}; never
 * sleeps past the run's deadline.
 */
final class CandidateCall implements AnswerSource {
    private static final System.Logger LOG = System.getLogger(CandidateCall.class.getName());

    private final Candidate candidate;
    private final RetryPolicy policy;
    private final long deadlineNanos;
    private final AtomicInteger requests;

    CandidateCall(Candidate candidate, RetryPolicy policy, long deadlineNanos, AtomicInteger requests) {
        this.candidate = candidate;
        this.policy = policy;
        this.deadlineNanos = deadlineNanos;
        this.requests = requests;
    }

    @Override
    public ChatResponse send(List<Message> messages) {
        for (int attempt = 1; ; attempt++) {
            try {
                requests.incrementAndGet();
                return candidate.model().chat(messages);
            } catch (FineTuneInterruptedException e) {
                throw e;
            } catch (RateLimitException | ServerException | TransportException e) {
                if (attempt >= policy.maxAttempts()
                        || e instanceof RateLimitException && ((RateLimitException) e).isQuotaExhausted()) {
                    throw e;
                }
                Duration delay = delay(e, attempt);
                if (System.nanoTime() + delay.toNanos() > deadlineNanos) {
                    throw e;
                }
                LOG.log(System.Logger.Level.DEBUG, "candidate {0}: attempt {1} failed ({2}); retrying in {3} ms",
                        candidate.name(), attempt, e.getClass().getSimpleName(), delay.toMillis());
                sleep(delay);
            }
        }
    }

    private Duration delay(FineTuneException e, int attempt) {
        if (e instanceof ApiException && ((ApiException) e).retryAfter().isPresent()) {
            return ((ApiException) e).retryAfter().get();
        }
        Duration base = policy.backoff(attempt);
        double factor = 1 - policy.jitter() * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.round(base.toMillis() * factor));
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FineTuneInterruptedException("interrupted while waiting to retry an evaluation request", e);
        }
    }
}
