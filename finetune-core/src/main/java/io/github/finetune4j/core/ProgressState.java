package io.github.finetune4j.core;

import io.github.finetune4j.core.model.TrainingMetrics;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * What {@link ConsoleProgress} knows about a job's progress: step, total, latest losses, and the step rate it
 * observed, from which it estimates the time left. Not thread-safe (the listener synchronizes).
 */
final class ProgressState {
    private final Instant built;
    private Instant jobCreatedAt;
    private long step;
    private long totalSteps;
    private OptionalDouble trainLoss = OptionalDouble.empty();
    private OptionalDouble validLoss = OptionalDouble.empty();
    private long rateFirstStep = -1;
    private Instant rateFirstTime;
    private Instant rateLastTime;
    private long rateLastStep;

    ProgressState(Instant built) {
        this.built = built;
    }

    void jobCreatedAt(Instant createdAt) {
        this.jobCreatedAt = createdAt;
    }

    void update(TrainingMetrics metrics, Instant now) {
        if (metrics.totalSteps() > 0) {
            totalSteps = metrics.totalSteps();
        }
        if (metrics.step() >= step) {
            step = metrics.step();
            if (metrics.trainLoss().isPresent()) {
                trainLoss = metrics.trainLoss();
            }
            if (metrics.validLoss().isPresent()) {
                validLoss = metrics.validLoss();
            }
        }
        if (rateFirstStep < 0) {
            rateFirstStep = step;
            rateFirstTime = now;
        }
        rateLastStep = step;
        rateLastTime = now;
    }

    /** A succeeded job has done all its steps, whether the provider reported the last ones or not. */
    void completed() {
        if (totalSteps > 0) {
            step = totalSteps;
        }
    }

    long step() {
        return step;
    }

    long totalSteps() {
        return totalSteps;
    }

    boolean hasTotal() {
        return totalSteps > 0;
    }

    OptionalDouble trainLoss() {
        return trainLoss;
    }

    OptionalDouble validLoss() {
        return validLoss;
    }

    long percent() {
        return Math.min(100, step * 100 / totalSteps);
    }

    /** From the job's creation when the provider's clock agrees with ours, else from when watching started. */
    Duration elapsed(Instant now) {
        Instant from = jobCreatedAt != null && !jobCreatedAt.isAfter(now) ? jobCreatedAt : built;
        return Duration.between(from, now);
    }

    /** The time left at the observed step rate, {@code --:--} until there is a rate. */
    String eta() {
        if (step >= totalSteps) {
            return ProgressText.duration(Duration.ZERO);
        }
        long done = rateLastStep - rateFirstStep;
        if (done <= 0 || rateFirstTime == null || !rateLastTime.isAfter(rateFirstTime)) {
            return "--:--";
        }
        long nanosPerStep = Duration.between(rateFirstTime, rateLastTime).toNanos() / done;
        return ProgressText.duration(Duration.ofNanos(nanosPerStep * (totalSteps - step)));
    }
}
