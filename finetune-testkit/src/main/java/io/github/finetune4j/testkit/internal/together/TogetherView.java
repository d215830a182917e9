package io.github.finetune4j.testkit.internal.together;

import io.github.finetune4j.testkit.internal.state.IdGenerator;
import io.github.finetune4j.testkit.internal.state.JobRecord;
import io.github.finetune4j.testkit.internal.state.JobStatus;
import io.github.finetune4j.testkit.internal.state.JobTimeline;
import io.github.finetune4j.testkit.internal.state.TrainingCurve;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Together fine-tune at one instant, computed from the shared timeline and the clock. Status words: {@code pending}
 * while the files are checked, {@code queued}, {@code running}, then {@code compressing} and {@code uploading} for
 * one transition each, {@code completed}; {@code cancel_requested} for one transition after a cancel, then
 * {@code cancelled}; {@code error} when the file was invalid or training failed (the charge is refunded).
 *
 * @param status the status word
 * @param startedAt when the current stage began
 * @param updatedAt when the status last changed
 * @param completedSteps the training steps done
 * @param events the events so far, oldest first
 * @param checkpoints the checkpoints so far, newest first
 * @param metrics one entry per completed step (and per evaluation), oldest first
 * @param secondsRemaining the estimated time to the next status, or -1 when none is known
 * @param billedNanoDollars what the job costs: the estimate until it ends, then what is billed
 * @param error the error message when the status is {@code error}, else null
 */
record TogetherView(String status, Instant startedAt, Instant updatedAt, int completedSteps, List<Event> events,
                    List<Checkpoint> checkpoints, List<Metric> metrics, long secondsRemaining, long billedNanoDollars,
                    String error) {

    /**
     * One event.
     *
     * @param at when it happened
     * @param type the spec's event type
     * @param level {@code info}, {@code warning} or {@code error}
     * @param message the message
     * @param step the training step it belongs to, 0 before training
     * @param checkpointPath the checkpoint saved, or empty
     * @param modelPath the model written, or empty
     * @param hash a stable hash of the event
     */
    record Event(Instant at, String type, String level, String message, int step, String checkpointPath,
                 String modelPath, String hash) {
    }

    /**
     * One checkpoint.
     *
     * @param step the step
     * @param createdAt when it was saved
     * @param path how to address it, {@code ft-…:step} or the output name
     * @param type {@code Intermediate}, {@code Final}, {@code Final Merged} or {@code Final Adapter}
     */
    record Checkpoint(int step, Instant createdAt, String path, String type) {
    }

    /**
     * One metrics entry.
     *
     * @param at when it was logged
     * @param step the global step
     * @param values the scalar values, e.g. {@code train/loss}
     */
    record Metric(Instant at, int step, Map<String, Number> values) {
    }

    static TogetherView of(TogetherJob job, Instant now, Duration transition) {
        return new Builder(job, now, transition).build();
    }

    /** Collects the view; one per request. */
    private static final class Builder {
        private final TogetherJob job;
        private final JobRecord core;
        private final Instant now;
        private final Duration transition;
        private final List<Event> events = new ArrayList<>();

        Builder(TogetherJob job, Instant now, Duration transition) {
            this.job = job;
            this.core = job.core;
            this.now = now;
            this.transition = transition;
        }

        TogetherView build() {
            JobTimeline.Phase phase = JobTimeline.phase(core, now);
            long active = JobTimeline.activeNanos(core, JobTimeline.capped(core, now));
            int steps = completedSteps(phase, active);
            Instant created = core.createdAt();
            Instant queued = at(core.validationEnd());
            Instant training = at(core.queueEnd());
            add(created, "job_pending", "info", "Fine-tune request created", 0, "", "");
            boolean fileRejected = phase.status() == JobStatus.FAILED && core.failureStep() == 0;
            if (!fileRejected) {
                add(queued, "job_pending", "info", "Files checked; the job is queued", 0, "", "");
                addTraining(training, steps);
            }
            if (phase.status() == JobStatus.CANCELLED) {
                events.removeIf(e -> e.at().isAfter(core.cancelledAt()));
            }
            String status;
            Instant startedAt = created;
            Instant updatedAt = created;
            long remaining = -1;
            switch (phase.status()) {
                case VALIDATING_FILES:
                    status = "pending";
                    remaining = seconds(now, queued);
                    break;
                case QUEUED:
                    status = "queued";
                    startedAt = queued;
                    updatedAt = queued;
                    remaining = seconds(now, training);
                    break;
                case RUNNING:
                    status = "running";
                    startedAt = training;
                    updatedAt = training;
                    remaining = seconds(now, at(core.successEnd()));
                    break;
                case SUCCEEDED:
                    status = finish(phase.finishedAt());
                    startedAt = stageStart(phase.finishedAt());
                    updatedAt = startedAt;
                    break;
                case CANCELLED:
                    status = cancel(core.cancelledAt());
                    startedAt = !now.isBefore(core.cancelledAt().plus(transition))
                            ? core.cancelledAt().plus(transition) : core.cancelledAt();
                    updatedAt = startedAt;
                    break;
                default:
                    status = "error";
                    startedAt = phase.finishedAt();
                    updatedAt = startedAt;
                    add(phase.finishedAt(), "job_error", "error", phase.error().message(), steps, "", "");
                    add(phase.finishedAt(), "refund", "info", "The job failed; its charge is refunded.", steps, "",
                            "");
                    break;
            }
            List<Event> visible = new ArrayList<>();
            for (Event event : events) {
                if (!event.at().isAfter(now)) {
                    visible.add(event);
                }
            }
            visible.sort(Comparator.comparing(Event::at));
            return new TogetherView(status, startedAt, updatedAt, steps, visible, checkpoints(status, steps),
                    metrics(steps), remaining, billed(status, steps),
                    status.equals("error") ? phase.error().message() : null);
        }

        private int completedSteps(JobTimeline.Phase phase, long active) {
            if (active <= core.queueEnd()) {
                return 0;
            }
            int steps = (int) Math.min(core.totalSteps(), (active - core.queueEnd()) / core.stepNanos());
            if (core.failureStep() > 0 && phase.status() == JobStatus.FAILED) {
                steps = Math.min(steps, core.failureStep() - 1);
            }
            return steps;
        }

        private void addTraining(Instant start, int steps) {
            TogetherJobParams p = job.params;
            add(start, "job_start", "info", "Job started", 0, "", "");
            add(start, "model_downloading", "info", "Downloading model " + p.model.id(), 0, "", "");
            add(start, "model_download_complete", "info", "Model downloaded", 0, "", "");
            add(start, "training_data_downloading", "info", "Downloading training file " + p.trainingFile, 0, "",
                    "");
            add(start, "training_data_download_complete", "info", "Training file downloaded", 0, "", "");
            if (p.validationFile != null) {
                add(start, "validation_data_downloading", "info", "Downloading validation file "
                        + p.validationFile, 0, "", "");
                add(start, "validation_data_download_complete", "info", "Validation file downloaded", 0, "", "");
            }
            if (job.wandbUrl != null) {
                add(start, "wandb_init", "info", "Weights & Biases run: " + job.wandbUrl, 0, "", "");
            }
            add(start, "training_start", "info", "Training started", 0, "", "");
            int perEpoch = core.stepsPerEpoch();
            for (int step = 1; step <= steps; step++) {
                Instant at = at(core.queueEnd() + step * core.stepNanos());
                if (job.checkpointSteps.contains(step)) {
                    add(at, "checkpoint_save", "info", "Checkpoint saved at step " + step, step,
                            job.id() + ":" + step, "");
                }
                if (step % perEpoch == 0) {
                    add(at, "epoch_complete", "info", "Epoch " + (step / perEpoch) + "/" + job.params.nEpochs
                            + " completed", step, "", "");
                }
            }
        }

        /** Compressing and uploading take one transition each after training; the job completes then. */
        private String finish(Instant trained) {
            Instant uploading = trained.plus(transition);
            Instant completed = uploading.plus(transition);
            int steps = core.totalSteps();
            add(trained, "training_complete", "info", "Training completed", steps, "", "");
            add(trained, "model_compressing", "info", "Compressing the model weights", steps, "", "");
            add(uploading, "model_compression_complete", "info", "Model weights compressed", steps, "", "");
            add(uploading, "model_uploading", "info", "Uploading the model", steps, "", job.outputName());
            if (job.params.hfOutputRepoName != null) {
                add(uploading, "model_uploading", "info", "Uploading the model to the Hugging Face Hub repo "
                        + job.params.hfOutputRepoName, steps, "", "https://huggingface.co/"
                        + job.params.hfOutputRepoName);
            }
            add(completed, "model_upload_complete", "info", "Model uploaded", steps, "", job.outputName());
            add(completed, "job_complete", "info", "Fine-tune job completed: " + job.outputName(), steps, "",
                    job.outputName());
            if (now.isBefore(uploading)) {
                return "compressing";
            }
            return now.isBefore(completed) ? "uploading" : "completed";
        }

        private Instant stageStart(Instant trained) {
            Instant uploading = trained.plus(transition);
            Instant completed = uploading.plus(transition);
            return now.isBefore(uploading) ? trained : now.isBefore(completed) ? uploading : completed;
        }

        private String cancel(Instant requested) {
            Instant stopped = requested.plus(transition);
            add(requested, "cancel_requested", "info", "Cancellation requested", 0, "", "");
            add(stopped, "job_stopped", "info", "Job cancelled; completed steps are billed", 0, "", "");
            return now.isBefore(stopped) ? "cancel_requested" : "cancelled";
        }

        private List<Checkpoint> checkpoints(String status, int steps) {
            List<Checkpoint> out = new ArrayList<>();
            for (int step : job.checkpointSteps) {
                if (step <= steps) {
                    out.add(new Checkpoint(step, at(core.queueEnd() + step * core.stepNanos()),
                            job.id() + ":" + step, "Intermediate"));
                }
            }
            if (status.equals("completed")) {
                Instant at = at(core.successEnd());
                int last = core.totalSteps();
                if (job.params.lora) {
                    out.add(new Checkpoint(last, at, job.outputName(), "Final Merged"));
                    out.add(new Checkpoint(last, at, job.outputName(), "Final Adapter"));
                } else {
                    out.add(new Checkpoint(last, at, job.outputName(), "Final"));
                }
            }
            out.sort(Comparator.comparingInt(Checkpoint::step).reversed());
            return out;
        }

        private List<Metric> metrics(int steps) {
            List<Metric> out = new ArrayList<>();
            TrainingCurve curve = core.curve();
            for (int step = 1; step <= steps; step++) {
                Instant at = at(core.queueEnd() + step * core.stepNanos());
                TrainingCurve.StepMetrics m = curve.at(step);
                Map<String, Number> values = new LinkedHashMap<>();
                values.put("train/loss", m.trainLoss());
                values.put("train/learning_rate", learningRate(step));
                values.put("train/global_step", step);
                values.put("train/epoch", (double) step / core.stepsPerEpoch());
                out.add(new Metric(at, step, values));
                if (job.evalSteps.contains(step) && m.hasValidation()) {
                    Map<String, Number> eval = new LinkedHashMap<>();
                    eval.put("eval/loss", m.validLoss());
                    eval.put("train/global_step", step);
                    out.add(new Metric(at, step, eval));
                }
            }
            return out;
        }

        /** Warm-up, then linear or cosine decay to {@code min_lr_ratio} of the peak. */
        private double learningRate(int step) {
            TogetherJobParams p = job.params;
            int total = core.totalSteps();
            int warmup = (int) Math.round(p.warmupRatio * total);
            if (step <= warmup) {
                return p.learningRate * step / warmup;
            }
            double progress = total == warmup ? 1.0 : (double) (step - warmup) / (total - warmup);
            double floor = p.minLrRatio;
            double factor = p.numCycles == null ? 1.0 - progress
                    : 0.5 * (1 + Math.cos(Math.PI * 2 * p.numCycles * progress));
            return p.learningRate * (floor + (1 - floor) * factor);
        }

        private long billed(String status, int steps) {
            double full = job.price * 1e9;
            switch (status) {
                case "error":
                    return 0;
                case "cancel_requested":
                case "cancelled":
                    return Math.round(full * steps / core.totalSteps());
                default:
                    return Math.round(full);
            }
        }

        private Instant at(long offset) {
            return JobTimeline.wallTime(core, offset);
        }

        private void add(Instant at, String type, String level, String message, int step, String checkpoint,
                         String model) {
            events.add(new Event(at, type, level, message, step, checkpoint, model,
                    IdGenerator.derivedHex("", job.id() + ":" + events.size() + ":" + type, 32)));
        }

        private static long seconds(Instant from, Instant to) {
            return Math.max(0, Duration.between(from, to).toSeconds());
        }
    }
}
