package io.github.finetune4j.cli.run;

import io.github.finetune4j.core.JobListener;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.LifecycleWarning;
import io.github.finetune4j.core.model.TrainingMetrics;
import io.github.finetune4j.core.preflight.ValidationReport;

import java.time.Duration;

/** Two listeners as one, for {@code FineTuneClient.start(request, listener)}, which takes a single listener. */
record ListenerPair(JobListener first, JobListener second) implements JobListener {
    @Override
    public void onPreflight(ValidationReport report) {
        first.onPreflight(report);
        second.onPreflight(report);
    }

    @Override
    public void onDatasetIssue(DatasetIssue issue) {
        first.onDatasetIssue(issue);
        second.onDatasetIssue(issue);
    }

    @Override
    public void onLifecycleWarning(LifecycleWarning warning) {
        first.onLifecycleWarning(warning);
        second.onLifecycleWarning(warning);
    }

    @Override
    public void onFileUploaded(FileInfo file) {
        first.onFileUploaded(file);
        second.onFileUploaded(file);
    }

    @Override
    public void onFileProcessed(FileInfo file) {
        first.onFileProcessed(file);
        second.onFileProcessed(file);
    }

    @Override
    public void onJobCreated(JobSnapshot job) {
        first.onJobCreated(job);
        second.onJobCreated(job);
    }

    @Override
    public void onStatusChanged(JobSnapshot previous, JobSnapshot current) {
        first.onStatusChanged(previous, current);
        second.onStatusChanged(previous, current);
    }

    @Override
    public void onEvent(JobEvent event) {
        first.onEvent(event);
        second.onEvent(event);
    }

    @Override
    public void onMetrics(TrainingMetrics metrics) {
        first.onMetrics(metrics);
        second.onMetrics(metrics);
    }

    @Override
    public void onCheckpoint(Checkpoint checkpoint) {
        first.onCheckpoint(checkpoint);
        second.onCheckpoint(checkpoint);
    }

    @Override
    public void onPollFailed(int consecutiveFailures, FineTuneException error, Duration nextPollIn) {
        first.onPollFailed(consecutiveFailures, error, nextPollIn);
        second.onPollFailed(consecutiveFailures, error, nextPollIn);
    }
}
