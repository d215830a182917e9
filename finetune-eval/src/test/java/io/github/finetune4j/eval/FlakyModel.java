package io.github.finetune4j.eval;

import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.error.ApiErrorDetails;
import io.github.finetune4j.core.error.RateLimitException;
import io.github.finetune4j.core.error.ServerException;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Message;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fails its first {@code failures} calls the way the HTTP layer reports a request it retried to exhaustion or was
 * told to defer, then delegates.
 */
final class FlakyModel extends FakeModel {
    /** Retries after 1 ms so tests stay fast. */
    static final RetryPolicy FAST_RETRIES = RetryPolicy.defaults().withMaxAttempts(4)
            .withBackoff(Duration.ofMillis(1), Duration.ofMillis(2));

    enum Failure { DEFERRED, RATE_LIMIT, QUOTA, SERVER }

    final AtomicInteger attempts = new AtomicInteger();
    private final FineTunedModel delegate;
    private final int failures;
    private final Failure failure;

    FlakyModel(FineTunedModel delegate, int failures, Failure failure) {
        this.delegate = delegate;
        this.failures = failures;
        this.failure = failure;
    }

    @Override
    public ChatResponse chat(List<Message> messages) {
        if (attempts.incrementAndGet() <= failures) {
            switch (failure) {
                case DEFERRED -> throw new RateLimitException(new ApiErrorDetails("scripted", 429,
                        "rate_limit_exceeded", "requests", null, "Rate limit reached", "req-0", Duration.ofSeconds(90)));
                case RATE_LIMIT -> throw new RateLimitException(new ApiErrorDetails("scripted", 429,
                        "rate_limit_exceeded", "requests", null, "Rate limit reached", "req-1", Duration.ofMillis(1)));
                case QUOTA -> throw new RateLimitException(new ApiErrorDetails("scripted", 429, "insufficient_quota",
                        "insufficient_quota", null, "You exceeded your current quota", "req-2", null));
                default -> throw new ServerException(new ApiErrorDetails("scripted", 500, null, "server_error", null,
                        "The server had an error", "req-3", null));
            }
        }
        return delegate.chat(messages);
    }

    @Override
    public String name() {
        return delegate.name();
    }
}
