package io.github.finetune4j.core;

import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.TrainingHistory;

import java.util.concurrent.CompletableFuture;

/**
 * A handle to one remote fine-tuning job. Thread-safe.
 *
 * <pre>{@code
 * FineTuneJob job = FineTuneJob.start(client, request);            // validates, uploads, creates: exactly once
 * Files.writeString(state, job.id().value());                      // persist to re-attach after a crash
 * JobSnapshot done = job.awaitCompletion(WaitOptions.builder().timeout(Duration.ofHours(2)).build());
 *
 * // in another process:
 * FineTuneJob same = FineTuneJob.attach(client, JobId.of(Files.readString(state)));
 * }</pre>
 *
 * <p>Stopping a wait (timeout, interrupt, cancelling the future) never cancels the remote job; only
 * {@link #cancel()} does.
 */
public interface FineTuneJob {
    /**
     * Starts a job: checks the data locally, uploads it (streamed), waits until the provider has processed the
     * files, and creates the job exactly once. Blocks until the job exists.
     *
     * @param client the client
     * @param request what to fine-tune
     * @return a handle to the new job
     * @throws io.github.finetune4j.core.error.DatasetValidationException if the data has errors; nothing was uploaded
     * @throws io.github.finetune4j.core.error.ApiException if the provider refuses a step
     * @throws io.github.finetune4j.core.error.TransportException if the provider cannot be reached
     * @throws io.github.finetune4j.core.error.WaitTimeoutException if file processing takes too long
     */
    static FineTuneJob start(FineTuneClient client, FineTuneRequest request) {
        return client.start(request);
    }

    /**
     * Starts a job (see {@link #start(FineTuneClient, FineTuneRequest)}) and reports every step to a listener: the
     * pre-flight report, warnings, uploads, the job's creation (or a job of an earlier run found again), and later,
     * while the job is awaited, its status changes, events and metrics.
     *
     * <pre>{@code
     * FineTuneJob job = FineTuneJob.start(client, request, new ConsoleProgress());
     * JobSnapshot done = job.awaitCompletion(WaitOptions.builder().timeout(Duration.ofHours(2)).build());
     * }</pre>
     *
     * @param client the client
     * @param request what to fine-tune
     * @param listener receives every step, also while the job is awaited
     * @return a handle to the new job
     * @throws io.github.finetune4j.core.error.DatasetValidationException if the data has errors; nothing was uploaded
     * @throws io.github.finetune4j.core.error.ApiException if the provider refuses a step
     * @throws io.github.finetune4j.core.error.TransportException if the provider cannot be reached
     * @throws io.github.finetune4j.core.error.WaitTimeoutException if file processing takes too long
     */
    static FineTuneJob start(FineTuneClient client, FineTuneRequest request, JobListener listener) {
        return client.start(request, listener);
    }

    /**
     * A handle to an existing job; reads its current state once.
     *
     * @param client the client
     * @param id the job's id
     * @return the handle
     * @throws io.github.finetune4j.core.error.NotFoundException if there is no such job
     * @throws io.github.finetune4j.core.error.FineTuneException if the provider cannot be asked
     */
    static FineTuneJob attach(FineTuneClient client, JobId id) {
        return client.attach(id);
    }

    /**
     * The job's id.
     *
     * @return the id; persist {@code id().value()} to re-attach later
     */
    JobId id();

    /**
     * The last observed state. No I/O.
     *
     * @return the snapshot
     */
    JobSnapshot latest();

    /**
     * Reads the job's state once (one GET), without waiting.
     *
     * @return the new snapshot
     * @throws io.github.finetune4j.core.error.FineTuneException if the provider cannot be asked
     */
    JobSnapshot refresh();

    /**
     * Waits with the client's default options (24 h budget unless configured otherwise).
     *
     * @return the terminal snapshot of a succeeded job
     * @throws io.github.finetune4j.core.error.JobFailedException if the job failed
     * @throws io.github.finetune4j.core.error.JobCancelledException if the job was cancelled
     * @throws io.github.finetune4j.core.error.WaitTimeoutException if the budget ran out; the job keeps running
     * @throws io.github.finetune4j.core.error.FineTuneInterruptedException if the thread was interrupted
     */
    JobSnapshot awaitCompletion();

    /**
     * Waits until the job succeeds, fails or is cancelled, polling with backoff and reporting progress to the
     * options' listeners.
     *
     * @param options budget, cadence and listeners
     * @return the terminal snapshot of a succeeded job
     * @throws io.github.finetune4j.core.error.JobFailedException if the job failed
     * @throws io.github.finetune4j.core.error.JobCancelledException if the job was cancelled
     * @throws io.github.finetune4j.core.error.WaitTimeoutException if the budget ran out; the job keeps running
     * @throws io.github.finetune4j.core.error.FineTuneInterruptedException if the thread was interrupted; the flag is
     *     restored
     * @throws io.github.finetune4j.core.error.FineTuneException if polling failed too often in a row, or at once on
     *     401, 403 and 404
     */
    JobSnapshot awaitCompletion(WaitOptions options);

    /**
     * Waits on a thread owned by the client. Cancelling the future stops waiting and nothing else.
     *
     * @param options budget, cadence and listeners
     * @return a future completed with the terminal snapshot, or exceptionally with the exceptions of
     *     {@link #awaitCompletion(WaitOptions)}
     */
    CompletableFuture<JobSnapshot> awaitCompletionAsync(WaitOptions options);

    /**
     * Cancels the remote job.
     *
     * @return the job's state after the request
     * @throws io.github.finetune4j.core.error.FineTuneException if the provider refuses or cannot be reached
     */
    JobSnapshot cancel();

    /**
     * Pauses the remote job.
     *
     * @return the job's state after the request
     * @throws UnsupportedOperationException if the provider cannot pause jobs
     * @throws io.github.finetune4j.core.error.FineTuneException if the provider refuses or cannot be reached
     */
    JobSnapshot pause();

    /**
     * Resumes the paused remote job.
     *
     * @return the job's state after the request
     * @throws UnsupportedOperationException if the provider cannot pause jobs
     * @throws io.github.finetune4j.core.error.FineTuneException if the provider refuses or cannot be reached
     */
    JobSnapshot resume();

    /**
     * The job's events, newest first, fetched lazily.
     *
     * @return the events
     */
    PagedIterable<JobEvent> events();

    /**
     * The job's checkpoints, newest first, fetched lazily.
     *
     * @return the checkpoints
     */
    PagedIterable<Checkpoint> checkpoints();

    /**
     * The bytes of the job's first result file (the metrics CSV), base64-decoded when the provider encoded it.
     *
     * @return the CSV bytes
     * @throws IllegalStateException if the job has no result file yet
     * @throws io.github.finetune4j.core.error.FineTuneException if the download fails
     */
    byte[] resultFile();

    /**
     * The job's training metrics as typed series. Does I/O: reads the job once if no result file is known yet, then
     * the checkpoints, and the result file (CSV, base64-decoded when needed) once the job has one; while the job has
     * no result file yet (it is still running, or it failed), the metrics events are read instead. Where sources
     * overlap, the result file wins over checkpoints, and checkpoints over events.
     *
     * <pre>{@code
     * TrainingHistory history = job.metrics();
     * history.trainLoss().forEach(p -> System.out.println(p.step() + "\t" + p.value()));
     * }</pre>
     *
     * @return the metrics; empty when the job has not reported any yet
     * @throws io.github.finetune4j.core.error.ResponseFormatException if the result file is not a metrics CSV
     * @throws io.github.finetune4j.core.error.FineTuneException if a download fails
     */
    TrainingHistory metrics();
}
