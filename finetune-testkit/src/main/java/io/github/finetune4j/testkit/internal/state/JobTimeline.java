package io.github.finetune4j.testkit.internal.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Computes a {@link JobView} from a job's record and the current instant. Pure: no state changes, no
 * background work; calling it twice with the same instant gives the same view.
 */
public final class JobTimeline {

    /** How many checkpoints the service keeps: those of the last three epochs. */
    static final int KEPT_CHECKPOINTS = 3;

    private JobTimeline() {
    }

    /**
     * Computes the view.
     *
     * @param job the job
     * @param now the current instant
     * @return the view
     */
    public static JobView view(JobRecord job, Instant now) {
        long active = activeNanos(job, capped(job, now));
        JobScript script = job.script();
        Phase phase = phase(job, now);
        JobStatus status = phase.status();
        Instant finishedAt = phase.finishedAt();
        JobError error = phase.error();

        List<Ordered> ordered = new ArrayList<>();
        for (int i = 0; i < script.events().size(); i++) {
            JobScript.Entry e = script.events().get(i);
            if (e.offset() <= active) {
                ordered.add(new Ordered(wallTime(job, e.offset()), 0, i, new JobView.Event(e.id(),
                        wallTime(job, e.offset()), e.level(), e.message(), e.data() != null,
                        e.data() == null ? Map.of() : e.data())));
            }
        }
        for (int i = 0; i < job.callEvents().size(); i++) {
            JobRecord.CallEvent c = job.callEvents().get(i);
            ordered.add(new Ordered(c.at(), 1, i,
                    new JobView.Event(c.id(), c.at(), c.level(), c.message(), false, Map.of())));
        }
        ordered.sort(Comparator.comparing(Ordered::at).thenComparingInt(Ordered::group)
                .thenComparingInt(Ordered::index).reversed());
        List<JobView.Event> events = new ArrayList<>(ordered.size());
        ordered.forEach(o -> events.add(o.event));

        List<JobView.Checkpoint> checkpoints = new ArrayList<>();
        int completedSteps = 0;
        for (JobScript.CheckpointEntry c : script.checkpoints()) {
            if (c.offset() <= active) {
                checkpoints.add(0, new JobView.Checkpoint(c.id(), wallTime(job, c.offset()),
                        job.fineTunedModel() + ":ckpt-step-" + c.step(), c.step(), c.metrics()));
            }
        }
        if (active > job.queueEnd()) {
            completedSteps = (int) Math.min(job.totalSteps(), (active - job.queueEnd()) / job.stepNanos());
            if (script.outcome() == JobStatus.FAILED && job.failure() != null) {
                completedSteps = Math.min(completedSteps, job.failure().step() - 1);
            }
        }
        Instant estimatedFinish = status == JobStatus.RUNNING ? wallTime(job, job.successEnd()) : null;
        return new JobView(status, finishedAt, estimatedFinish, error, active >= job.validationEnd(), events,
                checkpoints.subList(0, Math.min(KEPT_CHECKPOINTS, checkpoints.size())), completedSteps);
    }

    /**
     * Computes only the status part of the view, without events and checkpoints.
     *
     * @param job the job
     * @param now the current instant
     * @return the phase
     */
    public static Phase phase(JobRecord job, Instant now) {
        long active = activeNanos(job, capped(job, now));
        JobScript script = job.script();
        if (job.cancelledAt() != null) {
            return new Phase(JobStatus.CANCELLED, job.cancelledAt(), null);
        }
        if (active >= script.terminalOffset()) {
            return new Phase(script.outcome(), wallTime(job, script.terminalOffset()), script.error());
        }
        if (job.isPausedNow()) {
            return new Phase(JobStatus.PAUSED, null, null);
        }
        if (active < job.validationEnd()) {
            return new Phase(JobStatus.VALIDATING_FILES, null, null);
        }
        return new Phase(active < job.queueEnd() ? JobStatus.QUEUED : JobStatus.RUNNING, null, null);
    }

    /**
     * The status of a job at an instant.
     *
     * @param status the status
     * @param finishedAt when it finished, or null
     * @param error the error when failed, else null
     */
    public record Phase(JobStatus status, Instant finishedAt, JobError error) {
    }

    /**
     * Returns the instant to measure a job's progress at: {@code now}, or its cancellation if that came first.
     *
     * @param job the job
     * @param now the current instant
     * @return the instant
     */
    public static Instant capped(JobRecord job, Instant now) {
        return job.cancelledAt() != null && job.cancelledAt().isBefore(now) ? job.cancelledAt() : now;
    }

    /**
     * Returns how much active (unpaused) time has passed since the job's creation.
     *
     * @param job the job
     * @param until the instant, already capped at cancellation
     * @return nanoseconds, zero or more
     */
    public static long activeNanos(JobRecord job, Instant until) {
        long elapsed = nanosBetween(job.createdAt(), until);
        long paused = 0;
        for (JobRecord.Pause pause : job.pauses()) {
            if (!pause.start.isBefore(until)) {
                continue;
            }
            Instant end = pause.end == null || pause.end.isAfter(until) ? until : pause.end;
            paused += nanosBetween(pause.start, end);
        }
        return Math.max(0, elapsed - paused);
    }

    /**
     * Returns the instant at which a given amount of active time had passed (or will have passed).
     *
     * @param job the job
     * @param offset the active time, in nanoseconds from creation
     * @return the instant
     */
    public static Instant wallTime(JobRecord job, long offset) {
        long shift = 0;
        for (JobRecord.Pause pause : job.pauses()) {
            if (pause.activeNanosAtStart < offset && pause.end != null) {
                shift += nanosBetween(pause.start, pause.end);
            }
        }
        return job.createdAt().plusNanos(offset + shift);
    }

    private static long nanosBetween(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toNanos());
    }

    private record Ordered(Instant at, int group, int index, JobView.Event event) {
    }
}
