package io.github.finetune4j.migrate;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.ModelInfo;
import io.github.finetune4j.core.preflight.ModelLimits;
import io.github.finetune4j.core.preflight.PriceTable;
import io.github.finetune4j.core.preflight.TokenStatistics;
import io.github.finetune4j.core.preflight.ValidationOptions;
import io.github.finetune4j.core.preflight.ValidationReport;
import io.github.finetune4j.eval.InferencePrice;
import io.github.finetune4j.eval.InferencePriceTable;
import io.github.finetune4j.migrate.internal.FileState;
import io.github.finetune4j.migrate.internal.ManifestState;
import io.github.finetune4j.migrate.internal.ManifestStore;
import io.github.finetune4j.migrate.internal.ModelState;
import io.github.finetune4j.migrate.internal.RetrainState;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The dry run: reads the manifest (and, when there is none, takes the inventory in memory), the target's catalog
 * and the local files, and says what each step would do and cost. Writes nothing and sends no request that changes
 * anything.
 */
final class Planner {
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final Migration migration;
    private final List<String> notes = new ArrayList<>();
    private Optional<List<ModelInfo>> catalog;

    Planner(Migration migration) {
        this.migration = migration;
    }

    MigrationPlan plan(Set<Step> steps) {
        ManifestState state = ManifestStore.peek(migration.folder());
        if (state.inventoryTakenAt == null) {
            Inventory inventory = Migration.inventory(migration.source(), migration.clock());
            state = inMemory(inventory);
        }
        List<PlannedModel> models = new ArrayList<>();
        for (ModelState m : Migration.select(state, migration.selection())) {
            PlannedModel.Builder p = PlannedModel.builder().sourceJob(m.sourceJob).model(m.fineTunedModel);
            if (steps.contains(Step.INVENTORY)) {
                p.addAction("inventory: " + m.baseModel + ", " + m.method + ", "
                        + HyperparameterText.describe(m.hyperparameters)
                        + (m.shutdownDate != null ? ", shuts down " + m.shutdownDate : ""));
            }
            if (steps.contains(Step.SNAPSHOT)) {
                planSnapshot(m, p);
            }
            if (steps.contains(Step.RETRAIN)) {
                planRetrain(m, p);
            }
            if (steps.contains(Step.COMPARE)) {
                planCompare(m, p);
            }
            models.add(p.build());
        }
        return new MigrationPlan(steps, migration.source().providerId(),
                migration.target().map(t -> t.client().providerId()), models, notes);
    }

    private static ManifestState inMemory(Inventory inventory) {
        ManifestState state = new ManifestState();
        state.sourceProvider = inventory.provider();
        state.inventoryTakenAt = inventory.takenAt().toString();
        for (InventoryEntry e : inventory.entries()) {
            ModelState m = new ModelState();
            m.sourceJob = e.job().id().value();
            m.fineTunedModel = e.job().fineTunedModel().orElse(null);
            m.baseModel = e.job().baseModel();
            m.method = e.job().method().wireName();
            m.hyperparameters = HyperparameterText.of(e.job().hyperparameters());
            m.suffix = e.job().suffix().orElse(null);
            m.seed = e.job().seed().orElse(null);
            m.trainedTokens = e.job().trainedTokens().orElse(null);
            m.shutdownDate = e.shutdownDate().map(Object::toString).orElse(null);
            m.migratable = e.isMigratable();
            m.trainingFile = file(e.trainingFile());
            m.validationFile = e.validationFile().map(Planner::file).orElse(null);
            state.models.add(m);
        }
        return state;
    }

    private static FileState file(SourceFile f) {
        FileState s = new FileState();
        s.id = f.id().value();
        s.availability = f.availability().wireName();
        s.detail = f.detail().orElse(null);
        s.bytes = f.bytes().orElse(null);
        return s;
    }

    private void planSnapshot(ModelState m, PlannedModel.Builder p) {
        p.addAction("snapshot: " + fileAction("training", m.trainingFile));
        if (m.validationFile != null) {
            p.addAction("snapshot: " + fileAction("validation", m.validationFile));
        }
        boolean validation = usable(m.validationFile);
        boolean training = usable(m.trainingFile);
        if (!validation && !training) {
            p.addAction("snapshot: BLOCKED: no file to record golden answers on");
            return;
        }
        if (m.golden != null && m.golden.complete) {
            p.addAction("snapshot: golden answers recorded earlier (" + m.golden.answered + ")");
            return;
        }
        int done = m.golden == null ? 0 : m.golden.answered;
        Optional<Path> local = local(validation ? m.validationFile : m.trainingFile);
        Optional<Integer> questions = m.golden != null ? Optional.of(m.golden.indices.size() - done)
                : local.map(f -> GoldenExamples.choose(f, validation ? GoldenExamples.VALIDATION
                : GoldenExamples.TRAINING, migration.snapshotOptions().sampleSize(),
                migration.snapshotOptions().sampleSeed()).size());
        String how = questions.map(q -> q >= migration.snapshotOptions().batchThreshold()
                ? " through the Batch API" : " online").orElse("");
        String count = questions.map(q -> q + " golden questions").orElse(validation
                ? "one golden question per validation example" : "up to " + migration.snapshotOptions()
                .sampleSize() + " golden questions (training prompts)");
        p.addAction("snapshot: ask " + count + how + " to " + m.fineTunedModel
                + (done > 0 ? " (" + done + " recorded earlier)" : ""));
        Optional<BigDecimal> cost = local.flatMap(f -> requestsCost(f, m.baseModel, m.fineTunedModel,
                questions.orElse(0), migration.sourceInferencePrices()));
        cost.ifPresentOrElse(p::addInferenceCost, () -> notes.add(m.sourceJob + ": the golden answers' cost is "
                + "known once the files are downloaded"));
    }

    private static String fileAction(String kind, FileState f) {
        if (f.isDownloaded()) {
            return kind + " file " + f.id + " downloaded earlier (sha256 " + f.sha256.substring(0, 12) + ")";
        }
        if (!"available".equals(f.availability)) {
            return kind + " file " + f.id + " can no longer be downloaded (" + f.detail + ")"
                    + (kind.equals("training") ? ": BLOCKED, the model cannot be retrained" : "");
        }
        return "download " + kind + " file " + f.id + (f.bytes != null ? " (" + f.bytes + " bytes)" : "");
    }

    private void planRetrain(ModelState m, PlannedModel.Builder p) {
        if (migration.target().isEmpty()) {
            p.addAction("retrain: no target");
            return;
        }
        Target target = migration.target().get();
        RetrainState r = m.retrain;
        if (r != null && r.jobId != null) {
            p.addAction("retrain: job " + r.jobId + " started earlier (" + r.status + ")"
                    + ("succeeded".equals(r.status) ? ": " + r.fineTunedModel : ": await it, nothing new is started"));
            return;
        }
        if (!usable(m.trainingFile)) {
            p.addAction("retrain: BLOCKED: the training file is gone");
            return;
        }
        String base;
        String reason;
        boolean same;
        if (r != null && r.baseModel != null) {
            base = r.baseModel;
            reason = r.baseModelReason;
            same = base.equals(m.baseModel);
        } else {
            BaseModelChooser.Choice choice = BaseModelChooser.choose(m.baseModel, target, catalog(target),
                    LocalDate.ofInstant(migration.clock().instant(), ZoneOffset.UTC));
            if (choice.model().isEmpty()) {
                p.addAction("retrain: BLOCKED: " + choice.reason());
                return;
            }
            base = choice.model().get();
            reason = choice.reason();
            same = choice.sameModel();
        }
        HyperparameterTranslator.Translation hp = HyperparameterTranslator.translate(target.hyperparameters(),
                m.hyperparameters, same);
        p.addAction("retrain: start one job on " + target.client().providerId() + ": " + base + " (" + reason + "), "
                + m.method + ", " + HyperparameterText.describe(hp.values()));
        PriceTable table = target.priceTable();
        Optional<Path> training = local(m.trainingFile);
        Optional<BigDecimal> cost;
        if (training.isPresent()) {
            ValidationOptions.Builder options = ValidationOptions.builder().baseModel(base)
                    .method(RetrainRequests.method(m.method)).priceTable(table);
            String epochs = hp.values().get(HyperparameterText.EPOCHS);
            if (epochs != null) {
                options.epochs((int) Double.parseDouble(epochs));
            }
            ValidationReport report = Dataset.fromJsonl(training.get()).validate(options.build());
            cost = report.cost().estimatedCost();
            p.addAction("retrain: pre-flight " + (report.hasErrors() ? report.errorCount() + " errors: BLOCKED"
                    : "passes") + ", about " + report.cost().trainedTokens() + " tokens to train");
        } else {
            cost = m.trainedTokens == null ? Optional.empty() : table.find(base)
                    .flatMap(ModelLimits::trainingPricePerMillionTokens)
                    .map(price -> BigDecimal.valueOf(m.trainedTokens).multiply(price)
                            .divide(MILLION, 4, RoundingMode.HALF_UP));
            if (cost.isPresent()) {
                p.addAction("retrain: about " + m.trainedTokens + " tokens to train (as the source job trained)");
            }
        }
        cost.ifPresentOrElse(p::trainingCost, () -> notes.add(m.sourceJob + ": no training price for " + base
                + " in " + table.version() + " (add it with Target.Builder#priceTable, --training-price)"));
    }

    private void planCompare(ModelState m, PlannedModel.Builder p) {
        if (m.compare != null && m.compare.complete) {
            p.addAction("compare: compared earlier (" + m.compare.report + ")");
            return;
        }
        if (!usable(m.trainingFile)) {
            p.addAction("compare: BLOCKED: nothing to compare without a retrained model");
            return;
        }
        int questions = m.golden != null ? m.golden.indices.size() : 0;
        p.addAction("compare: ask " + (questions > 0 ? questions : "the golden") + " questions to the new model; "
                + "write its report and the summary");
        boolean validation = usable(m.validationFile);
        Optional<Path> local = local(validation ? m.validationFile : m.trainingFile);
        String newModel = m.retrain != null && m.retrain.fineTunedModel != null ? m.retrain.fineTunedModel
                : m.retrain != null && m.retrain.baseModel != null ? m.retrain.baseModel + ".ft-" : null;
        Optional<BigDecimal> cost = migration.target().isEmpty() || newModel == null || questions == 0
                ? Optional.empty()
                : local.flatMap(f -> requestsCost(f, m.baseModel, newModel, questions,
                migration.target().get().inferencePrices()));
        cost.ifPresent(p::addInferenceCost);
    }

    /** Questions × (prompt tokens × input price + answer tokens × output price), from the file's token counts. */
    private static Optional<BigDecimal> requestsCost(Path file, String baseModel, String model, int questions,
                                                     InferencePriceTable prices) {
        Optional<InferencePrice> price = prices.find(model);
        if (price.isEmpty() || questions <= 0) {
            return Optional.empty();
        }
        TokenStatistics tokens = Dataset.fromJsonl(file).validate(ValidationOptions.builder().baseModel(baseModel)
                .method(FineTuneMethod.SUPERVISED).build()).tokens();
        double answer = tokens.assistantPerExample().mean();
        double prompt = Math.max(0, tokens.perExample().mean() - answer);
        BigDecimal perRequest = BigDecimal.valueOf(prompt).multiply(price.get().inputPerMillionTokens())
                .add(BigDecimal.valueOf(answer).multiply(price.get().outputPerMillionTokens()));
        return Optional.of(perRequest.multiply(BigDecimal.valueOf(questions)).divide(MILLION, 6,
                RoundingMode.HALF_UP));
    }

    private static boolean usable(FileState f) {
        return f != null && (f.isDownloaded() || "available".equals(f.availability));
    }

    private Optional<Path> local(FileState f) {
        if (f == null || !f.isDownloaded()) {
            return Optional.empty();
        }
        Path path = migration.folder().resolve(f.path);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    private Optional<List<ModelInfo>> catalog(Target target) {
        if (catalog == null) {
            try {
                catalog = Optional.of(target.client().listModels());
            } catch (UnsupportedOperationException e) {
                catalog = Optional.empty();
            }
        }
        return catalog;
    }
}
