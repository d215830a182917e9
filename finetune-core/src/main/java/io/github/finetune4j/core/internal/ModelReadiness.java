package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.spi.Sleeper;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.error.NotFoundException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A freshly trained model (or Azure deployment) can answer "not found" for a few minutes after its job succeeded.
 * Until a deadline, such answers are retried with backoff; afterwards, and for models that are not new, they are
 * thrown at once.
 */
final class ModelReadiness {
    /** How long after a job finished its model may still be unknown to the inference service. */
    static final Duration GRACE = Duration.ofMinutes(10);
    private static final Duration FIRST_DELAY = Duration.ofSeconds(2);
    private static final Duration MAX_DELAY = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(ModelReadiness.class.getName());

    private final Optional<Instant> retryUntil;
    private final Clock clock;
    private final Sleeper sleeper;

    ModelReadiness(Optional<Instant> retryUntil, Clock clock, Sleeper sleeper) {
        this.retryUntil = retryUntil;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    static ModelReadiness none(Clock clock, Sleeper sleeper) {
        return new ModelReadiness(Optional.empty(), clock, sleeper);
    }

    /**
     * Readiness for a model whose job finished at the given time: retried until {@link #GRACE} after it.
     *
     * @param finishedAt when the job finished
     * @param clock the clock
     * @param sleeper waits between tries
     * @return the readiness
     */
    static ModelReadiness after(Instant finishedAt, Clock clock, Sleeper sleeper) {
        Instant until = finishedAt.plus(GRACE);
        return new ModelReadiness(until.isAfter(clock.instant()) ? Optional.of(until) : Optional.empty(), clock, sleeper);
    }

    <T> T call(Supplier<T> request) {
        Duration delay = FIRST_DELAY;
        while (true) {
            try {
                return request.get();
            } catch (NotFoundException e) {
                if (retryUntil.isEmpty() || !clock.instant().plus(delay).isBefore(retryUntil.get())) {
                    throw e;
                }
                LOG.log(System.Logger.Level.INFO, "the new model is not served yet; trying again in {0} s",
                        delay.toSeconds());
                sleep(delay);
                delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
            }
        }
    }

    private void sleep(Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FineTuneInterruptedException("interrupted while waiting for the model to be served", e);
        }
    }
}
