package io.github.finetune4j.testkit.internal.state;

import io.github.finetune4j.testkit.internal.chat.CharNgramIndex;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the emulator keeps about one job. The immutable part is fixed at creation; the timeline
 * (validation, queue, steps) is stored as offsets of "active" time from creation, so that pausing shifts the
 * rest of the job. Mutable fields are guarded by the {@link EmulatorState} lock.
 */
public final class JobRecord {

    /** A pause: when it started, how much active time had passed then, and when it ended (null while paused). */
    static final class Pause {
        final Instant start;
        final long activeNanosAtStart;
        Instant end;

        Pause(Instant start, long activeNanosAtStart) {
            this.start = start;
            this.activeNanosAtStart = activeNanosAtStart;
        }
    }

    /** An event caused by a call (pause, resume, cancel) rather than by the timeline. */
    record CallEvent(String id, Instant at, JobView.Level level, String message) {
    }

    /** An injected failure: the step it happens at and the error. */
    record InjectedFailure(int step, JobError error) {
    }

    private final String id;
    private final JobSpec spec;
    private final Instant createdAt;
    private final long seed;
    private final String fineTunedModel;
    private final TrainingFileValidator.Result training;
    private final TrainingFileValidator.Result validation;
    private final Hyperparameters.Resolved resolved;
    private final int stepsPerEpoch;
    private final int totalSteps;
    private final long validationStart;
    private final long validationEnd;
    private final long queueEnd;
    private final long stepNanos;
    private final TrainingCurve curve;

    private final List<Pause> pauses = new ArrayList<>();
    private final List<CallEvent> callEvents = new ArrayList<>();
    private Instant cancelledAt;
    private InjectedFailure failure;
    private JobScript script;
    private String resultFileId;
    private boolean materialized;
    private CharNgramIndex chatIndex;

    JobRecord(String id, JobSpec spec, Instant createdAt, long seed, String fineTunedModel,
              TrainingFileValidator.Result training, TrainingFileValidator.Result validation,
              Hyperparameters.Resolved resolved, long validationStart, EmulatorConfig config) {
        this.id = Objects.requireNonNull(id, "id");
        this.spec = spec;
        this.createdAt = createdAt;
        this.seed = seed;
        this.fineTunedModel = fineTunedModel;
        this.training = training;
        this.validation = validation;
        this.resolved = resolved;
        int examples = training.isValid() ? training.data().exampleCount() : 0;
        this.stepsPerEpoch = Math.max(1, (examples + resolved.batchSize() - 1) / resolved.batchSize());
        this.totalSteps = stepsPerEpoch * resolved.nEpochs();
        this.validationStart = validationStart;
        this.validationEnd = validationStart + config.validationDuration().toNanos();
        this.queueEnd = validationEnd + config.queueDuration().toNanos();
        this.stepNanos = Math.max(1, config.trainingDuration().toNanos() / totalSteps);
        this.curve = TrainingCurve.generate(seed, totalSteps, validation != null);
    }

    /** @return the id, {@code ftjob-…} */
    public String id() {
        return id;
    }

    /** @return the request the job was created from */
    public JobSpec spec() {
        return spec;
    }

    /** @return when the job was created */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return the seed, given or generated */
    public long seed() {
        return seed;
    }

    /** @return the name the fine-tuned model gets on success */
    public String fineTunedModel() {
        return fineTunedModel;
    }

    /** @return the resolved hyperparameters */
    public Hyperparameters.Resolved resolved() {
        return resolved;
    }

    /** @return the training data, or null when the training file is invalid */
    public TrainingData trainingData() {
        return training.data();
    }

    /** @return the total number of training steps */
    public int totalSteps() {
        return totalSteps;
    }

    /** @return the number of steps per epoch */
    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    /** @return the learning curve */
    public TrainingCurve curve() {
        return curve;
    }

    /** @return the billable tokens of a successful run: estimated tokens times epochs */
    public long trainedTokens() {
        return training.isValid() ? training.data().tokenEstimate() * resolved.nEpochs() : 0;
    }

    /** @return the result file id once materialized, else null */
    public String resultFileId() {
        return resultFileId;
    }

    /** @return whether the outputs of success (result file, model) exist */
    public boolean isMaterialized() {
        return materialized;
    }

    void markMaterialized(String resultFile) {
        this.resultFileId = resultFile;
        this.materialized = true;
    }

    /** @return when the job was cancelled, or null */
    public Instant cancelledAt() {
        return cancelledAt;
    }

    void cancel(Instant at, String eventId) {
        cancelledAt = at;
        callEvents.add(new CallEvent(eventId, at, JobView.Level.INFO, "Fine-tuning job cancelled"));
    }

    void pause(Instant at, long activeNanos, String eventId) {
        pauses.add(new Pause(at, activeNanos));
        callEvents.add(new CallEvent(eventId, at, JobView.Level.INFO, "Fine-tuning job paused"));
    }

    void resume(Instant at, String eventId) {
        pauses.get(pauses.size() - 1).end = at;
        callEvents.add(new CallEvent(eventId, at, JobView.Level.INFO, "Fine-tuning job resumed"));
    }

    /**
     * Returns when the latest pause started.
     *
     * @return the instant, or null when the job was never paused
     */
    public Instant lastPauseStartedAt() {
        return pauses.isEmpty() ? null : pauses.get(pauses.size() - 1).start;
    }

    /**
     * Returns when the latest pause ended.
     *
     * @return the instant, or null when the job was never resumed
     */
    public Instant lastResumedAt() {
        for (int i = pauses.size() - 1; i >= 0; i--) {
            if (pauses.get(i).end != null) {
                return pauses.get(i).end;
            }
        }
        return null;
    }

    boolean isPausedNow() {
        return !pauses.isEmpty() && pauses.get(pauses.size() - 1).end == null;
    }

    void injectFailure(int step, JobError error) {
        failure = new InjectedFailure(step, error);
        script = null;
    }

    List<Pause> pauses() {
        return pauses;
    }

    List<CallEvent> callEvents() {
        return callEvents;
    }

    TrainingFileValidator.Result training() {
        return training;
    }

    TrainingFileValidator.Result validation() {
        return validation;
    }

    InjectedFailure failure() {
        return failure;
    }

    /** @return the step an injected failure happens at, or 0 when none is injected */
    public int failureStep() {
        return failure == null ? 0 : failure.step();
    }

    /** @return the active time at which the files start being checked, in nanoseconds from creation */
    public long validationStart() {
        return validationStart;
    }

    /** @return the active time at which the files are checked and the job is queued */
    public long validationEnd() {
        return validationEnd;
    }

    /** @return the active time at which training starts */
    public long queueEnd() {
        return queueEnd;
    }

    /** @return the active time one training step takes */
    public long stepNanos() {
        return stepNanos;
    }

    /** @return the active time at which training ends when nothing goes wrong */
    public long successEnd() {
        return queueEnd + (long) totalSteps * stepNanos;
    }

    JobScript script() {
        if (script == null) {
            script = JobScript.of(this);
        }
        return script;
    }

    /**
     * Returns the retrieval index over the training examples, built on first use.
     *
     * @return the index, or null when the job has no valid training data
     */
    public CharNgramIndex chatIndex() {
        if (chatIndex == null && training.isValid()) {
            List<String> questions = new ArrayList<>();
            List<String> answers = new ArrayList<>();
            for (TrainingData.QaPair pair : training.data().pairs()) {
                questions.add(pair.question());
                answers.add(pair.answer());
            }
            chatIndex = CharNgramIndex.build(questions, answers);
        }
        return chatIndex;
    }
}
