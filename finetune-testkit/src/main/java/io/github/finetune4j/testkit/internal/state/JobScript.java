package io.github.finetune4j.testkit.internal.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything a job will do, as offsets of active time from its creation: events, checkpoints and the terminal
 * outcome. Derived from the {@link JobRecord} alone, so it is the same on every request; only which part of it
 * is visible depends on the clock.
 *
 * @param events the timeline events, in order
 * @param checkpoints the checkpoints, in order
 * @param terminalOffset when the job ends
 * @param outcome {@link JobStatus#SUCCEEDED} or {@link JobStatus#FAILED}
 * @param error the error when the outcome is a failure, else null
 */
record JobScript(List<Entry> events, List<CheckpointEntry> checkpoints, long terminalOffset, JobStatus outcome,
                 JobError error) {

    /** A timeline event. */
    record Entry(long offset, String id, JobView.Level level, String message, Map<String, Number> data) {
    }

    /** A checkpoint at the end of an epoch. */
    record CheckpointEntry(long offset, String id, int step, TrainingCurve.StepMetrics metrics) {
    }

    static JobScript of(JobRecord job) {
        Builder b = new Builder(job.id());
        String files = "Validating training file: " + job.spec().trainingFile()
                + (job.spec().validationFile() != null
                ? " and validation file: " + job.spec().validationFile() : "");
        b.add(0, JobView.Level.INFO, "Created fine-tuning job: " + job.id(), null);
        b.add(job.validationStart(), JobView.Level.INFO, files, null);
        JobError fileError = !job.training().isValid() ? job.training().error()
                : job.validation() != null && !job.validation().isValid() ? job.validation().error() : null;
        if (fileError != null) {
            b.add(job.validationEnd(), JobView.Level.ERROR, fileError.message(), null);
            return b.build(job.validationEnd(), JobStatus.FAILED, fileError);
        }
        int longExamples = job.trainingData().longExamples();
        if (longExamples > 0) {
            b.add(job.validationEnd(), JobView.Level.WARN, longExamples + " example(s) are longer than "
                    + TrainingData.TOKEN_LIMIT + " tokens and will be truncated during training", null);
        }
        b.add(job.validationEnd(), JobView.Level.INFO, "Files validated, moving job to queued state", null);
        b.add(job.queueEnd(), JobView.Level.INFO, "Fine-tuning job started", null);
        int total = job.totalSteps();
        JobRecord.InjectedFailure failure = job.failure();
        for (int step = 1; step <= total; step++) {
            long offset = job.queueEnd() + step * job.stepNanos();
            if (failure != null && step == failure.step()) {
                b.add(offset, JobView.Level.ERROR, failure.error().message(), null);
                return b.build(offset, JobStatus.FAILED, failure.error());
            }
            TrainingCurve.StepMetrics m = job.curve().at(step);
            b.add(offset, JobView.Level.INFO, stepMessage(m, total), metricsData(m, total));
            if (step % job.stepsPerEpoch() == 0) {
                b.checkpoint(offset, step, m);
                b.add(offset, JobView.Level.INFO, "Checkpoint created at step " + step, null);
            }
        }
        long end = job.successEnd();
        b.add(end, JobView.Level.INFO, "New fine-tuned model created: " + job.fineTunedModel(), null);
        b.add(end, JobView.Level.INFO, "The job has successfully completed", null);
        return b.build(end, JobStatus.SUCCEEDED, null);
    }

    private static String stepMessage(TrainingCurve.StepMetrics m, int total) {
        String text = String.format(Locale.ROOT, "Step %d/%d: training loss=%.2f", m.step(), total, m.trainLoss());
        if (m.hasValidation()) {
            text += String.format(Locale.ROOT, ", validation loss=%.2f", m.validLoss());
        }
        return text;
    }

    private static Map<String, Number> metricsData(TrainingCurve.StepMetrics m, int total) {
        Map<String, Number> data = new LinkedHashMap<>();
        data.put("step", m.step());
        data.put("total_steps", total);
        data.put("train_loss", m.trainLoss());
        data.put("train_mean_token_accuracy", m.trainAccuracy());
        if (m.hasValidation()) {
            data.put("valid_loss", m.validLoss());
            data.put("valid_mean_token_accuracy", m.validAccuracy());
        }
        return data;
    }

    private static final class Builder {
        private final String jobId;
        private final List<Entry> events = new ArrayList<>();
        private final List<CheckpointEntry> checkpoints = new ArrayList<>();

        Builder(String jobId) {
            this.jobId = jobId;
        }

        void add(long offset, JobView.Level level, String message, Map<String, Number> data) {
            String id = IdGenerator.derived("ftevent-", jobId + ":event:" + events.size(), 24);
            events.add(new Entry(offset, id, level, message, data));
        }

        void checkpoint(long offset, int step, TrainingCurve.StepMetrics metrics) {
            String id = IdGenerator.derived("ftckpt_", jobId + ":checkpoint:" + step, 24);
            checkpoints.add(new CheckpointEntry(offset, id, step, metrics));
        }

        JobScript build(long terminal, JobStatus outcome, JobError error) {
            return new JobScript(List.copyOf(events), List.copyOf(checkpoints), terminal, outcome, error);
        }
    }
}
