package io.github.finetune4j.testkit;

import io.github.finetune4j.testkit.internal.http.FaultEngine;
import io.github.finetune4j.testkit.internal.state.EmulatorState;
import io.github.finetune4j.testkit.internal.state.JobError;

import java.util.List;
import java.util.Objects;

/**
 * Fault injection for one emulator, from {@link FineTuningEmulator#faults()}: HTTP-level faults for the next
 * requests, and job failures at a chosen training step.
 *
 * <pre>{@code
 * emulator.faults().inject(Fault.rateLimit(Duration.ofSeconds(1)).times(2));
 * emulator.faults().failNextJob(5, "server_error", "Internal error while training.");
 * }</pre>
 *
 * <p>Injected HTTP faults are checked in the order they were added; the first one that matches a request applies
 * to it and uses up one of its {@link Fault#times(int) times}. They are checked before authentication and
 * routing, so they apply to any request, even an unknown path. Thread-safe.
 */
public final class Faults {

    private final FaultEngine engine;
    private final List<EmulatorState> sides;

    Faults(FaultEngine engine, List<EmulatorState> sides) {
        this.engine = engine;
        this.sides = List.copyOf(sides);
    }

    /**
     * Adds a fault for the next matching request(s).
     *
     * @param fault the fault
     * @return this, for chaining
     * @throws NullPointerException if {@code fault} is null
     */
    public Faults inject(Fault fault) {
        Objects.requireNonNull(fault, "fault");
        engine.add(fault.toRule());
        return this;
    }

    /**
     * Removes every injected HTTP fault that has not been used up. Job failures already set stay.
     */
    public void clear() {
        engine.clear();
    }

    /**
     * Returns how many requests the injected HTTP faults still apply to, in total.
     *
     * @return the count, 0 when none are left
     */
    public int pending() {
        return engine.pending();
    }

    /**
     * Returns how many requests a {@link Fault#lateArrival(java.time.Duration)} or {@link Fault#hang(java.time.Duration)} holds right
     * now, their bodies fully received: each takes effect when its delay ends, even if its client has gone. A test
     * that kills a client "while its request is in the network" waits for this, not for {@link #pending()}, which
     * drops as soon as the request's headers arrive.
     *
     * @return the count
     */
    public int held() {
        return engine.held();
    }

    /**
     * Makes an existing job fail when training reaches {@code atStep}: events up to the previous step appear
     * as usual, then an error event with {@code message}, and the job reports
     * {@code error: {code, message, param: null}} and status {@code failed}. A step that has already passed
     * moves to the next one; a step beyond the last means the last.
     *
     * @param jobId the job id, {@code ftjob-…}
     * @param atStep the training step, from 1
     * @param code the error code the job reports, e.g. {@code server_error}
     * @param message the error message the job reports
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code atStep} is less than 1 or the job is unknown
     * @throws IllegalStateException if the job has already finished
     */
    public void failJob(String jobId, int atStep, String code, String message) {
        Objects.requireNonNull(jobId, "jobId");
        JobError error = error(atStep, code, message);
        for (EmulatorState side : sides) {
            boolean done = side.transaction(s -> {
                if (!s.hasJob(jobId)) {
                    return false;
                }
                s.jobs().failJob(jobId, atStep, error);
                return true;
            });
            if (done) {
                return;
            }
        }
        throw new IllegalArgumentException("unknown job: " + jobId);
    }

    /**
     * Makes the next job created fail when training reaches {@code atStep}, like
     * {@link #failJob(String, int, String, String)}, on whichever provider (OpenAI, Azure, Together) a job is
     * created next. A later call replaces an unused earlier one.
     *
     * @param atStep the training step, from 1; beyond the last step means the last
     * @param code the error code the job reports, e.g. {@code server_error}
     * @param message the error message the job reports
     * @throws NullPointerException if {@code code} or {@code message} is null
     * @throws IllegalArgumentException if {@code atStep} is less than 1
     */
    public void failNextJob(int atStep, String code, String message) {
        sides.get(0).pendingFailure().set(atStep, error(atStep, code, message));
    }

    private static JobError error(int atStep, String code, String message) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (atStep < 1) {
            throw new IllegalArgumentException("atStep must be at least 1: " + atStep);
        }
        return new JobError(code, message, null);
    }
}
