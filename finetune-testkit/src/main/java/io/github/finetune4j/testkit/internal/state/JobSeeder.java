package io.github.finetune4j.testkit.internal.state;

import io.github.finetune4j.testkit.internal.blob.Blob;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Puts a job into the state as if it had been created and trained before the test: its files, created at the
 * job's date, a job that has succeeded by now, and (on the next transaction) its result file and fine-tuned
 * model. Call inside an {@link EmulatorState#transaction}.
 */
public final class JobSeeder {

    /**
     * What to seed.
     *
     * @param baseModel the base model: one of the state's base models, or one OpenAI has retired
     * @param suffix the model name suffix, or null
     * @param training the training file's JSONL
     * @param trainingFilename the training file's name
     * @param validation the validation file's JSONL, or null
     * @param validationFilename the validation file's name
     * @param epochs the epochs, or null for the service's choice
     * @param createdAt when the job was created
     * @param metadata the job's metadata, or null
     * @param deleteTrainingFile whether the training file was deleted after training
     */
    public record Request(String baseModel, String suffix, byte[] training, String trainingFilename,
                          byte[] validation, String validationFilename, Integer epochs, Instant createdAt,
                          Map<String, String> metadata, boolean deleteTrainingFile) {
        public Request {
            Objects.requireNonNull(baseModel, "baseModel");
            Objects.requireNonNull(training, "training");
            Objects.requireNonNull(trainingFilename, "trainingFilename");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    private JobSeeder() {
    }

    /**
     * Seeds a succeeded job.
     *
     * @param state the state, inside a transaction
     * @param request what to seed
     * @return the job, succeeded
     * @throws IllegalArgumentException for an unknown base model, invalid data, or a date too recent for the job to
     *     have finished by now
     */
    public static JobRecord seed(EmulatorState state, Request request) {
        String base = request.baseModel();
        if (!state.config().baseModels().contains(base) && !OpenAiLifecycle.isKnown(base)) {
            throw new IllegalArgumentException("cannot seed a job of " + base + ": use one of the emulator's base "
                    + "models " + state.config().baseModels() + " or a model OpenAI has retired (e.g. "
                    + "gpt-3.5-turbo-0125)");
        }
        if (!request.createdAt().isBefore(state.now())) {
            throw new IllegalArgumentException("createdAt must lie before the emulator's now (" + state.now()
                    + "): " + request.createdAt());
        }
        TrainingFileValidator validator = new TrainingFileValidator(state.mapper());
        TrainingFileValidator.Result trainingResult = validator.validate(request.training(),
                FineTuneMethodType.SUPERVISED, TrainingFileValidator.FileRole.TRAINING);
        TrainingFileValidator.Result validationResult = request.validation() == null ? null
                : validator.validate(request.validation(), FineTuneMethodType.SUPERVISED,
                TrainingFileValidator.FileRole.VALIDATION);
        for (TrainingFileValidator.Result result : new TrainingFileValidator.Result[]{trainingResult,
                validationResult}) {
            if (result != null && !result.isValid()) {
                throw new IllegalArgumentException("cannot seed a succeeded job: " + result.error().message());
            }
        }
        StoredFile training = state.addFile(request.trainingFilename(), "fine-tune", Blob.of(request.training()),
                IdStyle.OPENAI, null, request.createdAt());
        StoredFile validation = request.validation() == null ? null : state.addFile(request.validationFilename(),
                "fine-tune", Blob.of(request.validation()), IdStyle.OPENAI, null, request.createdAt());
        JobSpec spec = new JobSpec(base, training.id(), validation == null ? null : validation.id(), request.suffix(),
                null, request.metadata(), FineTuneMethodType.SUPERVISED,
                new Hyperparameters(request.epochs(), null, null, null), null, null);
        JobRecord job = state.jobs().create(spec, IdStyle.OPENAI, base, training, validation, trainingResult,
                validationResult, request.createdAt());
        if (JobTimeline.phase(job, state.now()).status() != JobStatus.SUCCEEDED) {
            state.removeJob(job.id());
            state.files().remove(training.id());
            if (validation != null) {
                state.files().remove(validation.id());
            }
            String status = JobTimeline.phase(job, state.now()).status().name().toLowerCase(Locale.ROOT);
            throw new IllegalArgumentException("createdAt " + request.createdAt() + " is too recent: the job would "
                    + "still be " + status + " now; seed it earlier");
        }
        if (request.deleteTrainingFile()) {
            state.files().remove(training.id());
        }
        return job;
    }
}
