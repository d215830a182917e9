package io.github.finetune4j.cli.command;

import io.github.finetune4j.cli.Cli;
import io.github.finetune4j.cli.CliException;
import io.github.finetune4j.core.ConsoleProgress;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.error.JobCancelledException;
import io.github.finetune4j.core.error.JobFailedException;
import io.github.finetune4j.core.error.WaitTimeoutException;
import io.github.finetune4j.core.model.JobSnapshot;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Follows a job with the progress display ({@code train --wait}, {@code watch}). Stopping the wait (Ctrl-C, a kill,
 * the budget running out) never cancels the job: it says so and prints the command that re-attaches.
 */
final class Waiting {
    private Waiting() {
    }

    static WaitOptions options(ConsoleProgress progress, Duration timeout, Duration pollInterval) {
        return WaitOptions.builder().timeout(timeout).initialInterval(pollInterval)
                .maxInterval(pollInterval.compareTo(WaitOptions.DEFAULT_MAX_INTERVAL) > 0 ? pollInterval
                        : WaitOptions.DEFAULT_MAX_INTERVAL)
                .listener(progress).build();
    }

    /**
     * Waits for the job; on Ctrl-C (a shutdown hook) or an interrupt tells the user that the job keeps running.
     *
     * @param job the job
     * @param progress the display
     * @param provider the provider's name, for messages
     * @param await the wait itself
     * @return the succeeded job
     */
    static JobSnapshot await(FineTuneJob job, ConsoleProgress progress, String provider,
                             Function<FineTuneJob, JobSnapshot> await) {
        AtomicBoolean done = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            if (!done.get()) {
                stopped(job, progress, provider);
            }
        }, "finetune-stopped-waiting");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return await.apply(job);
        } catch (FineTuneInterruptedException e) {
            done.set(true);
            stopped(job, progress, provider);
            throw new CliException("interrupted", Cli.INTERRUPTED, e);
        } catch (WaitTimeoutException e) {
            progress.finish();
            throw new CliException("stopped waiting for job " + job.id() + " after the budget of the wait ("
                    + "--timeout); the job keeps running (" + e.lastState(JobSnapshot.class).map(JobSnapshot::rawStatus)
                    .orElse("unknown status") + "). Follow it again with: finetune watch " + job.id(), e);
        } catch (JobFailedException e) {
            progress.finish();
            String why = e.snapshot().error().map(err -> err.code().map(c -> c + ": ").orElse("") + err.message())
                    .orElse("no reason given");
            throw new CliException("job " + job.id() + " failed: " + why, e);
        } catch (JobCancelledException e) {
            progress.finish();
            throw new CliException("job " + job.id() + " was cancelled", e);
        } finally {
            done.set(true);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs (and prints) or has run
            }
        }
    }

    private static void stopped(FineTuneJob job, ConsoleProgress progress, String provider) {
        progress.finish();
        progress.println("Stopped waiting. Job " + job.id() + " keeps running on " + provider
                + "; nothing was cancelled.");
        progress.println("Re-attach with: finetune watch " + job.id() + "   (or run the same `finetune train` "
                + "again)");
    }
}
