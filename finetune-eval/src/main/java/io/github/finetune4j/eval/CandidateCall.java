package io.github.finetune4j.eval;

import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.error.ApiException;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.core.spi.Sleeper;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends one candidate request. Retries live in one place, the client's HTTP layer: it has already retried 429, 5xx
 * and connection failures with its policy, so this class does not stack retries on top of them. The one failure it
 * repeats is a deferred one ({@link ApiException#isDeferred()}): the service asked to come back later than the HTTP
 * layer waits by itself, so nothing was retried; the run waits that long, within its deadline, up to
 * {@link RetryPolicy#maxAttempts()} attempts.
 */
final class CandidateCall implements AnswerSource {
    private static final System.Logger LOG = System.getLogger(CandidateCall.class.getName());

    private final Candidate candidate;
    private final RetryPolicy policy;
    private final long deadlineNanos;
    private final AtomicInteger requests;
    private final Sleeper sleeper;

    CandidateCall(Candidate candidate, RetryPolicy policy, long deadlineNanos, AtomicInteger requests,
                  Sleeper sleeper) {
        this.candidate = candidate;
        this.policy = policy;
        this.deadlineNanos = deadlineNanos;
        this.requests = requests;
        this.sleeper = sleeper;
    }

    @Override
    public ChatResponse send(List<Message> messages) {
        for (int attempt = 1; ; attempt++) {
            try {
                requests.incrementAndGet();
                return candidate.model().chat(messages);
            } catch (ApiException e) {
                if (!e.isDeferred() || attempt >= policy.maxAttempts()) {
                    throw e;
                }
                Duration delay = e.retryAfter().orElseThrow();
                if (System.nanoTime() + delay.toNanos() > deadlineNanos) {
                    throw e;
                }
                LOG.log(System.Logger.Level.DEBUG, "candidate {0}: the service deferred attempt {1}; asking again in "
                        + "{2} s", candidate.name(), attempt, delay.toSeconds());
                sleep(delay);
            }
        }
    }

    private void sleep(Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FineTuneInterruptedException("interrupted while waiting to retry an evaluation request", e);
        }
    }
}
