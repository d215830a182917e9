package io.github.finetune4j.testkit.internal.state;

import io.github.finetune4j.testkit.internal.http.ApiError;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Job operations with the service's rules: creation checks, cancel, pause, resume, and injected failures. Call
 * only inside an {@link EmulatorState#transaction}.
 */
public final class JobService {

    private final EmulatorState state;
    private final Map<String, TrainingFileValidator.Result> validations = new HashMap<>();

    JobService(EmulatorState state) {
        this.state = state;
    }

    /**
     * Creates a job whose id and fine-tuned model name look like those of a dialect.
     *
     * @param spec the request
     * @param style the look of the job id and of the fine-tuned model name
     * @return the new job
     * @throws ApiError 400 for an unknown file or model, or a file with the wrong purpose
     */
    public JobRecord create(JobSpec spec, IdStyle style) {
        StoredFile training = requireFineTuneFile(spec.trainingFile(), "training_file");
        StoredFile validation = spec.validationFile() == null ? null
                : requireFineTuneFile(spec.validationFile(), "validation_file");
        String base = baseModel(spec.model());
        TrainingFileValidator.Result trainingResult = validate(training, spec.method(),
                TrainingFileValidator.FileRole.TRAINING);
        TrainingFileValidator.Result validationResult = validation == null ? null
                : validate(validation, spec.method(), TrainingFileValidator.FileRole.VALIDATION);
        return create(spec, style, base, training, validation, trainingResult, validationResult, state.now());
    }

    /**
     * Creates a job from files a dialect has checked itself (Together checks its files at upload).
     *
     * @param spec the request
     * @param style the look of the job id and of the fine-tuned model name
     * @param base the base model id
     * @param training the training file
     * @param validation the validation file, or null
     * @param trainingResult what the training file holds, or why it is invalid
     * @param validationResult what the validation file holds, or null
     * @param createdAt when the job was created: now, or earlier for a job seeded as already existing
     * @return the new job
     */
    public JobRecord create(JobSpec spec, IdStyle style, String base, StoredFile training, StoredFile validation,
                            TrainingFileValidator.Result trainingResult,
                            TrainingFileValidator.Result validationResult, Instant createdAt) {
        Instant now = createdAt;
        Instant ready = training.readyAt();
        if (validation != null && validation.readyAt().isAfter(ready)) {
            ready = validation.readyAt();
        }
        long validationStart = ready.isAfter(now) ? Duration.between(now, ready).toNanos() : 0;
        String id = jobId(style);
        long seed = spec.seed() != null ? spec.seed() : state.ids().nextSeed();
        String fineTunedModel = fineTunedModel(style, id, base, spec.suffix());
        int examples = trainingResult.isValid() ? trainingResult.data().exampleCount() : 0;
        JobRecord job = new JobRecord(id, spec, now, seed, fineTunedModel, trainingResult, validationResult,
                spec.hyperparameters().resolve(examples, spec.method()), validationStart, state.config());
        // A failure set for "the next job created" is for a job created now, not for one seeded in the past.
        JobRecord.InjectedFailure failure = createdAt.isBefore(state.now()) ? null : state.pendingFailure().take();
        if (failure != null) {
            job.injectFailure(Math.min(failure.step(), job.totalSteps()), failure.error());
        }
        state.putJob(job);
        return job;
    }

    private String jobId(IdStyle style) {
        switch (style) {
            case AZURE:
                return state.ids().nextHex("ftjob-", 32);
            case TOGETHER:
                return "ft-" + state.ids().nextUuid();
            default:
                return state.ids().next("ftjob-", 24);
        }
    }

    private String fineTunedModel(IdStyle style, String id, String base, String suffix) {
        switch (style) {
            case AZURE:
                return base + ".ft-" + IdGenerator.derivedHex("", id + ":model", 32)
                        + (suffix == null ? "" : "-" + suffix);
            case TOGETHER:
                // <account>/<base name>-<suffix>-<8 hex>, as Together names outputs.
                return state.config().organization() + "/" + base.substring(base.lastIndexOf('/') + 1)
                        + (suffix == null ? "" : "-" + suffix) + "-" + IdGenerator.derivedHex("", id + ":model", 8);
            default:
                return "ft:" + base + ":" + state.config().organization() + ":" + (suffix == null ? "" : suffix)
                        + ":" + IdGenerator.derived("", id + ":model", 8);
        }
    }

    /**
     * Finds a job.
     *
     * @param id the id
     * @return the job
     * @throws ApiError 404 when there is no such job
     */
    public JobRecord get(String id) {
        return state.findJob(id).orElseThrow(() -> ApiError.notFound(
                "Could not find fine-tuning job: " + id, "fine_tuning_job_id", "fine_tune_not_found"));
    }

    /**
     * Deletes a job record and the fine-tuned model it created. Its files stay.
     *
     * @param id the id
     * @return the deleted job
     * @throws ApiError 404 when there is no such job
     */
    public JobRecord delete(String id) {
        JobRecord job = get(id);
        state.removeJob(id);
        state.models().get(job.fineTunedModel()).filter(m -> id.equals(m.jobId()))
                .ifPresent(m -> state.models().remove(m.id()));
        return job;
    }

    /**
     * Returns the base model a model id descends from: the id itself for a base model, the base named in an
     * OpenAI ({@code ft:<base>:…}) or Azure ({@code <base>.ft-…}) fine-tuned model name.
     *
     * @param model the model id
     * @return the base model id
     */
    public static String baseModelOf(String model) {
        if (model.startsWith("ft:")) {
            return model.split(":", -1)[1];
        }
        int azure = model.indexOf(".ft-");
        return azure > 0 ? model.substring(0, azure) : model;
    }

    /**
     * Returns the view of a job now.
     *
     * @param job the job
     * @return the view
     */
    public JobView view(JobRecord job) {
        return JobTimeline.view(job, state.now());
    }

    /**
     * Cancels a job that has not finished.
     *
     * @param id the id
     * @return the job
     * @throws ApiError 404 for an unknown job, 400 when it has already finished
     */
    public JobRecord cancel(String id) {
        JobRecord job = get(id);
        JobStatus status = JobTimeline.phase(job, state.now()).status();
        if (status.isTerminal()) {
            throw ApiError.invalidRequest("Job " + id + " has already finished with status " + wire(status)
                    + " and cannot be cancelled.", null);
        }
        job.cancel(state.now(), state.ids().next("ftevent-", 24));
        return job;
    }

    /**
     * Pauses a running job.
     *
     * @param id the id
     * @return the job
     * @throws ApiError 404 for an unknown job, 400 when it is not running
     */
    public JobRecord pause(String id) {
        JobRecord job = get(id);
        JobStatus status = JobTimeline.phase(job, state.now()).status();
        if (status != JobStatus.RUNNING) {
            throw ApiError.invalidRequest("Only running jobs can be paused; job " + id + " is " + wire(status)
                    + ".", null);
        }
        job.pause(state.now(), JobTimeline.activeNanos(job, state.now()), state.ids().next("ftevent-", 24));
        return job;
    }

    /**
     * Resumes a paused job.
     *
     * @param id the id
     * @return the job
     * @throws ApiError 404 for an unknown job, 400 when it is not paused
     */
    public JobRecord resume(String id) {
        JobRecord job = get(id);
        JobStatus status = JobTimeline.phase(job, state.now()).status();
        if (status != JobStatus.PAUSED) {
            throw ApiError.invalidRequest("Only paused jobs can be resumed; job " + id + " is " + wire(status)
                    + ".", null);
        }
        job.resume(state.now(), state.ids().next("ftevent-", 24));
        return job;
    }

    /**
     * Makes a job fail when training reaches a step. A step that has already passed moves to the next one.
     *
     * @param id the job id
     * @param step the step, from 1; larger values mean the last step
     * @param error the error the job reports
     * @throws IllegalArgumentException for an unknown job
     * @throws IllegalStateException when the job has already finished
     */
    public void failJob(String id, int step, JobError error) {
        JobRecord job = state.findJob(id).orElseThrow(() -> new IllegalArgumentException("unknown job: " + id));
        JobView view = JobTimeline.view(job, state.now());
        if (view.status().isTerminal()) {
            throw new IllegalStateException("job " + id + " has already finished: " + wire(view.status()));
        }
        int earliest = view.completedSteps() + 1;
        job.injectFailure(Math.min(job.totalSteps(), Math.max(step, earliest)), error);
    }

    /**
     * Filters jobs by metadata, as {@code GET /fine_tuning/jobs?metadata[k]=v} does.
     *
     * @param filter the required pairs; empty means all jobs, null means "jobs without metadata"
     * @return matching jobs, newest first
     */
    public List<JobRecord> list(Map<String, String> filter) {
        return state.jobsNewestFirst().stream().filter(job -> {
            Map<String, String> metadata = job.spec().metadata();
            if (filter == null) {
                return metadata == null || metadata.isEmpty();
            }
            if (filter.isEmpty()) {
                return true;
            }
            return metadata != null && metadata.entrySet().containsAll(filter.entrySet());
        }).toList();
    }

    /** Files never change, so each is read once per method and role, however many jobs use it. */
    private TrainingFileValidator.Result validate(StoredFile file, FineTuneMethodType method,
                                                  TrainingFileValidator.FileRole role) {
        return validations.computeIfAbsent(file.id() + "|" + method + "|" + role,
                k -> new TrainingFileValidator(state.mapper()).validate(file.content(), method, role));
    }

    private StoredFile requireFineTuneFile(String id, String param) {
        StoredFile file = state.files().get(id).orElseThrow(() ->
                ApiError.invalidRequest("invalid " + param + ": " + id, param));
        if (!file.purpose().equals("fine-tune")) {
            throw ApiError.invalidRequest("File " + id + " has purpose '" + file.purpose()
                    + "', but fine-tuning needs a file uploaded with purpose 'fine-tune'.", param);
        }
        return file;
    }

    private String baseModel(String model) {
        boolean known = state.config().baseModels().contains(model)
                || state.models().get(model).filter(ModelRecord::isFineTuned).isPresent();
        if (!known) {
            throw new ApiError(400, "invalid_request_error", "Model " + model
                    + " is not available for fine-tuning or does not exist.", "model", "model_not_available",
                    Map.of());
        }
        return baseModelOf(model);
    }

    private static String wire(JobStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
