package io.github.finetune4j.migrate;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.JobListener;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.error.DatasetValidationException;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.JobCancelledException;
import io.github.finetune4j.core.error.JobFailedException;
import io.github.finetune4j.core.error.WaitTimeoutException;
import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.core.model.ModelInfo;
import io.github.finetune4j.core.preflight.ValidationOptions;
import io.github.finetune4j.core.preflight.ValidationReport;
import io.github.finetune4j.migrate.internal.ManifestStore;
import io.github.finetune4j.migrate.internal.ModelState;
import io.github.finetune4j.migrate.internal.RetrainState;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The retrain step: for each snapshotted model a request for the target (base model, method, hyperparameters,
 * suffix, seed), checked by the target's pre-flight, started exactly once (its job id in the manifest the moment
 * the job exists; a run after a crash attaches to it, and the core finds a job whose id did not reach the manifest
 * by its idempotency key), then every job awaited.
 */
final class Retrainer {
    /** Metadata key naming the source job on the new job. */
    static final String MIGRATED_FROM = "migrated_from";
    /** Suffixes are cut to this length (Azure OpenAI's limit; OpenAI allows 64). */
    static final int MAX_SUFFIX = 40;
    private static final System.Logger LOG = System.getLogger(Retrainer.class.getName());

    private final Migration migration;
    private final ManifestStore store;
    private final Target target;
    private Optional<List<ModelInfo>> catalog;

    Retrainer(Migration migration, ManifestStore store) {
        this.migration = migration;
        this.store = store;
        this.target = migration.requireTarget();
    }

    StepResult run(List<ModelState> models) {
        Map<ModelState, ModelOutcome> outcomes = new LinkedHashMap<>();
        List<Prepared> toStart = new ArrayList<>();
        for (ModelState m : models) {
            try {
                Optional<ModelOutcome> early = prepare(m, toStart);
                early.ifPresent(o -> outcomes.put(m, o));
            } catch (FineTuneException | IllegalStateException | IllegalArgumentException e) {
                outcomes.put(m, failed(m, e.getMessage()));
            }
        }
        checkBudget(toStart, outcomes);
        for (Prepared p : toStart) {
            if (outcomes.containsKey(p.model())) {
                continue;
            }
            try {
                start(p);
            } catch (DatasetValidationException e) {
                outcomes.put(p.model(), blocked(p.model(), "the target refuses the data: " + firstIssues(e.issues())));
            } catch (FineTuneException | IllegalStateException | IllegalArgumentException e) {
                outcomes.put(p.model(), failed(p.model(), "could not start: " + e.getMessage()));
            }
        }
        for (ModelState m : models) {
            if (!outcomes.containsKey(m)) {
                outcomes.put(m, await(m));
            }
        }
        return new StepResult(Step.RETRAIN, new ArrayList<>(outcomes.values()), List.of());
    }

    /** A request ready to start. */
    private record Prepared(ModelState model, FineTuneRequest request, Optional<BigDecimal> estimate) {
    }

    /** Decides what to do for a model: an outcome now, or a request to start (added to the list). */
    private Optional<ModelOutcome> prepare(ModelState m, List<Prepared> toStart) {
        RetrainState r = m.retrain;
        if (r != null && r.jobId != null) {
            boolean over = "failed".equals(r.status) || "cancelled".equals(r.status);
            if (!over) {
                return Optional.empty();                     // started earlier: await it
            }
            if (!migration.retryFailedJobs()) {
                return Optional.of(failed(m, "job " + r.jobId + " " + r.status + (r.error != null ? ": " + r.error
                        : "") + "; retry it with retryFailedJobs() (--retry-failed)"));
            }
            r.attempt++;
            r.jobId = null;
            r.status = null;
            r.error = null;
            store.save();
        }
        if (m.trainingFile == null || !m.trainingFile.isDownloaded()) {
            if (m.trainingFile != null && m.trainingFile.availability != null
                    && !"available".equals(m.trainingFile.availability)) {
                return Optional.of(blocked(m, "training file " + m.trainingFile.id + " can no longer be downloaded ("
                        + m.trainingFile.detail + "): nothing to retrain from"));
            }
            return Optional.of(new ModelOutcome(m.sourceJob, m.fineTunedModel, OutcomeStatus.SKIPPED,
                    "not snapshotted yet: run snapshot first"));
        }
        FineTuneMethod method = method(m.method);
        if (r == null || r.baseModel == null) {
            r = r == null ? new RetrainState() : r;
            BaseModelChooser.Choice choice = BaseModelChooser.choose(m.baseModel, target, catalog(), today());
            if (choice.model().isEmpty()) {
                return Optional.of(blocked(m, choice.reason()));
            }
            HyperparameterTranslator.Translation hp = HyperparameterTranslator.translate(target.hyperparameters(),
                    m.hyperparameters, choice.sameModel());
            r.provider = target.client().providerId();
            r.baseModel = choice.model().get();
            r.baseModelReason = choice.reason();
            r.method = method.wireName();
            r.hyperparameters = new LinkedHashMap<>(hp.values());
            r.hyperparameterPolicy = hp.policy().name().toLowerCase(Locale.ROOT);
            r.suffix = suffix(m.suffix);
            r.seed = m.seed;
            m.retrain = r;
            store.save();
        }
        ValidationReport report = preflight(m, method);
        if (report.hasErrors()) {
            return Optional.of(blocked(m, "the target's pre-flight finds errors in the training data: "
                    + firstIssues(report.errors())));
        }
        r.estimatedTrainedTokens = report.cost().trainedTokens();
        r.estimatedCostUsd = report.cost().estimatedCost().map(BigDecimal::toPlainString).orElse(null);
        r.priceTableVersion = report.cost().priceTableVersion();
        store.save();
        toStart.add(new Prepared(m, request(m, method), report.cost().estimatedCost()));
        return Optional.empty();
    }

    private ValidationReport preflight(ModelState m, FineTuneMethod method) {
        RetrainState r = m.retrain;
        ValidationOptions.Builder options = ValidationOptions.builder().baseModel(r.baseModel).method(method)
                .priceTable(target.priceTable());
        String epochs = r.hyperparameters.get(HyperparameterText.EPOCHS);
        if (epochs != null) {
            options.epochs((int) Double.parseDouble(epochs));
        }
        migration.listener().onModel(Step.RETRAIN, m.sourceJob, "checking the training data for "
                + r.baseModel + " on " + r.provider);
        return Dataset.fromJsonl(store.resolve(m.trainingFile.path)).validate(options.build());
    }

    private FineTuneRequest request(ModelState m, FineTuneMethod method) {
        RetrainState r = m.retrain;
        FineTuneRequest.Builder b = FineTuneRequest.builder()
                .baseModel(r.baseModel)
                .trainingData(Dataset.fromJsonl(store.resolve(m.trainingFile.path)))
                .method(method)
                .hyperparameters(HyperparameterText.parse(r.hyperparameters))
                .putMetadata(MIGRATED_FROM, m.sourceJob);
        if (m.validationFile != null && m.validationFile.isDownloaded()) {
            b.validationData(Dataset.fromJsonl(store.resolve(m.validationFile.path)));
        }
        if (r.suffix != null) {
            b.suffix(r.suffix);
        }
        if (r.seed != null) {
            b.seed(r.seed);
        }
        if (r.attempt > 1) {
            // A new attempt after a failed job: its own key, so that the failed job is not found again.
            b.idempotencyKey("ft4j-migration-" + m.sourceJob + "-attempt-" + r.attempt);
        }
        return b.build();
    }

    private void checkBudget(List<Prepared> toStart, Map<ModelState, ModelOutcome> outcomes) {
        if (migration.maxTrainingCost().isEmpty() || toStart.isEmpty()) {
            return;
        }
        BigDecimal limit = migration.maxTrainingCost().get();
        BigDecimal total = BigDecimal.ZERO;
        for (Prepared p : toStart) {
            if (p.estimate().isEmpty()) {
                outcomes.put(p.model(), blocked(p.model(), "no training price for " + p.model().retrain.baseModel
                        + " in " + p.model().retrain.priceTableVersion + ", so the cost limit cannot be checked: "
                        + "add the price (Target.Builder#priceTable) or drop the limit"));
            } else {
                total = total.add(p.estimate().get());
            }
        }
        if (total.compareTo(limit) > 0) {
            String why = "the estimated training cost of the jobs to start, $" + total.toPlainString()
                    + ", is above the limit of $" + limit.toPlainString() + "; nothing was started";
            toStart.forEach(p -> outcomes.putIfAbsent(p.model(), blocked(p.model(), why)));
        }
    }

    private void start(Prepared p) {
        ModelState m = p.model();
        RetrainState r = m.retrain;
        migration.listener().onModel(Step.RETRAIN, m.sourceJob, "starting the job on " + r.provider + ": "
                + r.baseModel + ", " + HyperparameterText.describe(r.hyperparameters)
                + p.estimate().map(c -> ", estimated $" + c.toPlainString()).orElse(""));
        JobListener recorder = new JobListener() {
            @Override
            public void onJobCreated(JobSnapshot job) {
                recordStarted(r, job);
            }

            @Override
            public void onJobReused(JobSnapshot job) {
                recordStarted(r, job);
            }
        };
        FineTuneJob job = target.client().start(p.request(), recorder);
        recordStarted(r, job.latest());
    }

    /** Writes the job id the moment the job exists: a later run attaches to it instead of starting another. */
    private void recordStarted(RetrainState r, JobSnapshot job) {
        if (job.id().value().equals(r.jobId)) {
            return;
        }
        r.jobId = job.id().value();
        r.status = job.rawStatus();
        r.idempotencyKey = job.metadata().get(FineTuneRequest.IDEMPOTENCY_METADATA_KEY);
        r.startedAt = migration.clock().instant().toString();
        store.save();
    }

    private ModelOutcome await(ModelState m) {
        RetrainState r = m.retrain;
        if (r == null || r.jobId == null) {
            return failed(m, "no job was started");
        }
        boolean earlier = "succeeded".equals(r.status) && r.fineTunedModel != null;
        if (earlier) {
            return new ModelOutcome(m.sourceJob, m.fineTunedModel, OutcomeStatus.ALREADY_DONE, trained(r));
        }
        FineTuneClient client = target.client();
        migration.listener().onModel(Step.RETRAIN, m.sourceJob, "waiting for job " + r.jobId + " on " + r.provider);
        WaitOptions wait = migration.waitOptions().toBuilder()
                .listener(migration.listener().jobListener(m.sourceJob)).build();
        try {
            JobSnapshot done = client.attach(JobId.of(r.jobId)).awaitCompletion(wait);
            r.status = done.rawStatus();
            r.fineTunedModel = done.fineTunedModel().orElse(null);
            r.trainedTokens = done.trainedTokens().orElse(null);
            r.finishedAt = done.finishedAt().orElse(migration.clock().instant()).toString();
            r.status = done.status() == JobStatus.SUCCEEDED ? "succeeded" : done.rawStatus();
            store.save();
            return new ModelOutcome(m.sourceJob, m.fineTunedModel, OutcomeStatus.DONE, trained(r));
        } catch (JobFailedException e) {
            r.status = "failed";
            r.error = e.getMessage();
            store.save();
            return failed(m, "job " + r.jobId + " failed: " + e.getMessage());
        } catch (JobCancelledException e) {
            r.status = "cancelled";
            store.save();
            return failed(m, "job " + r.jobId + " was cancelled");
        } catch (WaitTimeoutException e) {
            LOG.log(System.Logger.Level.INFO, "job {0} still runs after the wait budget", r.jobId);
            return failed(m, "job " + r.jobId + " is still running (" + e.getMessage() + "); run retrain again to "
                    + "keep waiting: nothing is started twice");
        }
    }

    private static String trained(RetrainState r) {
        return "retrained as " + r.fineTunedModel + " on " + r.provider + " (job " + r.jobId + ", base "
                + r.baseModel + ": " + r.baseModelReason + "; " + HyperparameterText.describe(r.hyperparameters)
                + (r.trainedTokens != null ? "; " + r.trainedTokens + " tokens trained" : "") + ")";
    }

    private Optional<List<ModelInfo>> catalog() {
        if (catalog == null) {
            try {
                catalog = Optional.of(target.client().listModels());
            } catch (UnsupportedOperationException e) {
                catalog = Optional.empty();
            }
        }
        return catalog;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(migration.clock().instant(), ZoneOffset.UTC);
    }

    static FineTuneMethod method(String wireName) {
        for (FineTuneMethod m : FineTuneMethod.values()) {
            if (m.wireName().equals(wireName)) {
                return m;
            }
        }
        throw new IllegalStateException("method " + wireName + " cannot be migrated (supervised and dpo can)");
    }

    /** The source suffix in the characters every provider accepts, at most {@value #MAX_SUFFIX} long. */
    static String suffix(String source) {
        if (source == null) {
            return null;
        }
        String clean = source.replaceAll("[^A-Za-z0-9_-]", "-");
        clean = clean.length() > MAX_SUFFIX ? clean.substring(0, MAX_SUFFIX) : clean;
        return clean.isEmpty() ? null : clean;
    }

    private static String firstIssues(List<DatasetIssue> issues) {
        StringBuilder out = new StringBuilder().append(issues.size()).append(issues.size() == 1 ? " issue" : " issues");
        issues.stream().limit(3).forEach(i -> out.append("; ").append(i));
        return out.toString();
    }

    private static ModelOutcome blocked(ModelState m, String why) {
        return new ModelOutcome(m.sourceJob, m.fineTunedModel, OutcomeStatus.BLOCKED, why);
    }

    private static ModelOutcome failed(ModelState m, String why) {
        return new ModelOutcome(m.sourceJob, m.fineTunedModel, OutcomeStatus.FAILED, why);
    }
}
