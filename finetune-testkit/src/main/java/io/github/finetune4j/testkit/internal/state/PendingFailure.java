package io.github.finetune4j.testkit.internal.state;

import java.util.Objects;

/**
 * The failure the next job created will have, set by {@code Faults.failNextJob} and taken by whichever side of
 * the emulator (OpenAI, Azure, Together) creates a job first. Thread-safe.
 */
public final class PendingFailure {

    private JobRecord.InjectedFailure next;

    /**
     * Sets the failure of the next job, replacing an unused earlier one.
     *
     * @param step the training step it fails at, from 1
     * @param error the error it reports
     */
    public synchronized void set(int step, JobError error) {
        next = new JobRecord.InjectedFailure(step, Objects.requireNonNull(error, "error"));
    }

    /** Takes the failure for a job being created, once. */
    synchronized JobRecord.InjectedFailure take() {
        JobRecord.InjectedFailure taken = next;
        next = null;
        return taken;
    }
}
