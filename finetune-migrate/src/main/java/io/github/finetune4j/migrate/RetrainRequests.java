package io.github.finetune4j.migrate;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.ModelInfo;
import io.github.finetune4j.core.preflight.ValidationOptions;
import io.github.finetune4j.core.preflight.ValidationReport;
import io.github.finetune4j.migrate.internal.ManifestStore;
import io.github.finetune4j.migrate.internal.ModelState;
import io.github.finetune4j.migrate.internal.RetrainState;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The request side of retraining: for each snapshotted model the target's base model (chosen once and kept in the
 * manifest), the translated method and hyperparameters, suffix and seed, the target's pre-flight with its cost
 * estimate, the request itself, and the cost limit over all jobs to start.
 */
final class RetrainRequests {
    /** Metadata key naming the source job on the new job. */
    static final String MIGRATED_FROM = "migrated_from";
    /** Suffixes are cut to this length (Azure OpenAI's limit; OpenAI allows 64). */
    static final int MAX_SUFFIX = 40;

    private final Migration migration;
    private final ManifestStore store;
    private final Target target;
    private Optional<List<ModelInfo>> catalog;

    RetrainRequests(Migration migration, ManifestStore store) {
        this.migration = migration;
        this.store = store;
        this.target = migration.requireTarget();
    }

    /** A request ready to start. */
    record Prepared(ModelState model, FineTuneRequest request, Optional<BigDecimal> estimate) {
    }

    /** Decides what to do for a model: an outcome now, or a request to start (added to the list). */
    Optional<ModelOutcome> prepare(ModelState m, List<Prepared> toStart) {
        RetrainState r = m.retrain;
        if (r != null && r.jobId != null) {
            boolean over = "failed".equals(r.status) || "cancelled".equals(r.status);
            if (!over) {
                return Optional.empty();                     // started earlier: await it
            }
            if (!migration.retryFailedJobs()) {
                return Optional.of(Retrainer.failed(m, "job " + r.jobId + " " + r.status + (r.error != null ? ": " + r.error
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
                return Optional.of(Retrainer.blocked(m, "training file " + m.trainingFile.id + " can no longer be downloaded ("
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
                return Optional.of(Retrainer.blocked(m, choice.reason()));
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
            return Optional.of(Retrainer.blocked(m, "the target's pre-flight finds errors in the training data: "
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

    void checkBudget(List<Prepared> toStart, Map<ModelState, ModelOutcome> outcomes) {
        if (migration.maxTrainingCost().isEmpty() || toStart.isEmpty()) {
            return;
        }
        BigDecimal limit = migration.maxTrainingCost().get();
        BigDecimal total = BigDecimal.ZERO;
        for (Prepared p : toStart) {
            if (p.estimate().isEmpty()) {
                outcomes.put(p.model(), Retrainer.blocked(p.model(), "no training price for " + p.model().retrain.baseModel
                        + " in " + p.model().retrain.priceTableVersion + ", so the cost limit cannot be checked: "
                        + "add the price (Target.Builder#priceTable) or drop the limit"));
            } else {
                total = total.add(p.estimate().get());
            }
        }
        if (total.compareTo(limit) > 0) {
            String why = "the estimated training cost of the jobs to start, $" + total.toPlainString()
                    + ", is above the limit of $" + limit.toPlainString() + "; nothing was started";
            toStart.forEach(p -> outcomes.putIfAbsent(p.model(), Retrainer.blocked(p.model(), why)));
        }
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

    static String firstIssues(List<DatasetIssue> issues) {
        StringBuilder out = new StringBuilder().append(issues.size()).append(issues.size() == 1 ? " issue" : " issues");
        issues.stream().limit(3).forEach(i -> out.append("; ").append(i));
        return out.toString();
    }
}
