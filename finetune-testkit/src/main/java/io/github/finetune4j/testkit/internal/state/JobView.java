package io.github.finetune4j.testkit.internal.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The state of a job at one instant, computed from its record and the clock.
 *
 * @param status the status
 * @param finishedAt when it reached a terminal state, or null
 * @param estimatedFinish the expected end while running, or null
 * @param error the error when failed, else null
 * @param validated whether the files have been validated (hyperparameters are then resolved)
 * @param events the visible events, newest first
 * @param checkpoints the kept checkpoints, newest first
 * @param completedSteps the number of completed training steps
 */
public record JobView(JobStatus status, Instant finishedAt, Instant estimatedFinish, JobError error,
                      boolean validated, List<Event> events, List<Checkpoint> checkpoints, int completedSteps) {

    /** Severity of an event. */
    public enum Level {
        /** Informational. */
        INFO,
        /** A warning. */
        WARN,
        /** An error. */
        ERROR
    }

    /**
     * One job event.
     *
     * @param id the id
     * @param createdAt when it happened
     * @param level the severity
     * @param message the message
     * @param metrics whether it is a metrics event
     * @param data the metrics, empty for message events
     */
    public record Event(String id, Instant createdAt, Level level, String message, boolean metrics,
                        Map<String, Number> data) {
    }

    /**
     * One checkpoint.
     *
     * @param id the id
     * @param createdAt when it was created
     * @param model the usable model name, {@code ft:…:ckpt-step-N}
     * @param step the step
     * @param metrics the metrics at that step
     */
    public record Checkpoint(String id, Instant createdAt, String model, int step,
                             TrainingCurve.StepMetrics metrics) {
    }
    public JobView {
        events = List.copyOf(events);
        checkpoints = List.copyOf(checkpoints);
    }
}
