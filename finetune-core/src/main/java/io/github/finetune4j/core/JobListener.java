package io.github.finetune4j.core;

import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.LifecycleWarning;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.TrainingMetrics;
import io.github.finetune4j.core.preflight.ProviderEstimate;
import io.github.finetune4j.core.preflight.ValidationReport;

import java.time.Duration;

/**
 * Progress callbacks while a job is started and awaited. Every method has an empty default.
 *
 * <p>Callbacks run on the thread that starts or polls; they must be fast, must not block and should not throw (a
 * listener that throws is logged at WARNING and waiting goes on).
 */
public interface JobListener {
    /**
     * The pre-flight report of the training data, before anything is uploaded: token statistics, the epoch and cost
     * estimate, personal-data findings. Only called when the data passed (a report with errors stops the start).
     *
     * @param report the report
     */
    default void onPreflight(ValidationReport report) {
    }

    /**
     * A dataset finding that does not stop the job (a warning).
     *
     * @param issue the finding
     */
    default void onDatasetIssue(DatasetIssue issue) {
    }

    /**
     * A lifecycle date of the provider or the base model is near (within the client's horizon).
     *
     * @param warning what ends and when
     */
    default void onLifecycleWarning(LifecycleWarning warning) {
    }

    /**
     * A file was uploaded.
     *
     * @param file the stored file
     */
    default void onFileUploaded(FileInfo file) {
    }

    /**
     * A file of the same content and name was already on the provider (uploaded by an earlier run), so nothing was
     * uploaded.
     *
     * @param file the stored file that will be used
     */
    default void onFileReused(FileInfo file) {
    }

    /**
     * The provider finished processing a file.
     *
     * @param file the processed file
     */
    default void onFileProcessed(FileInfo file) {
    }

    /**
     * The provider's own estimate of the job (where it offers one, such as Together AI), asked after the files were
     * uploaded and processed and before the job is created; compare it with the pre-flight's
     * {@link ValidationReport#cost()}.
     *
     * @param estimate the provider's estimate
     */
    default void onProviderEstimate(ProviderEstimate estimate) {
    }

    /**
     * The job was created (or found again after an ambiguous failure).
     *
     * @param job the new job's state
     */
    default void onJobCreated(JobSnapshot job) {
    }

    /**
     * An earlier run with the same idempotency key (a crashed or repeated program) had already created the job, so
     * {@code start} returns that job: nothing was created and nothing billed twice.
     *
     * @param job the existing job's state
     */
    default void onJobReused(JobSnapshot job) {
    }

    /**
     * A second job with the same idempotency key appeared (a create request that reached the provider late), and
     * {@code start} cancelled it before it could train. Also logged at WARNING.
     *
     * @param cancelled the duplicate's state after the cancel request
     * @param kept the job {@code start} returns
     */
    default void onDuplicateJobCancelled(JobSnapshot cancelled, JobSnapshot kept) {
    }

    /**
     * The job's status changed.
     *
     * @param previous the state before
     * @param current the state now
     */
    default void onStatusChanged(JobSnapshot previous, JobSnapshot current) {
    }

    /**
     * A new event; each event is delivered once, oldest first.
     *
     * @param event the event
     */
    default void onEvent(JobEvent event) {
    }

    /**
     * New metrics from a metrics event.
     *
     * @param metrics the metrics of one step
     */
    default void onMetrics(TrainingMetrics metrics) {
    }

    /**
     * A new checkpoint; each delivered once, oldest first.
     *
     * @param checkpoint the checkpoint
     */
    default void onCheckpoint(Checkpoint checkpoint) {
    }

    /**
     * A poll failed after the HTTP layer's own retries; waiting goes on.
     *
     * @param consecutiveFailures failures in a row, starting at 1
     * @param error the failure
     * @param nextPollIn the delay before the next poll
     */
    default void onPollFailed(int consecutiveFailures, FineTuneException error, Duration nextPollIn) {
    }
}
