package io.github.finetune4j.migrate;

import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.migrate.internal.FileState;
import io.github.finetune4j.migrate.internal.ManifestState;
import io.github.finetune4j.migrate.internal.ManifestStore;
import io.github.finetune4j.migrate.internal.ModelState;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Records an inventory in the manifest, keeping what later steps recorded for the same jobs. */
final class InventoryRecorder {
    private InventoryRecorder() {
    }

    static void record(Inventory inventory, ManifestStore store) {
        ManifestState state = store.state();
        state.sourceProvider = inventory.provider();
        state.inventoryTakenAt = inventory.takenAt().toString();
        List<ModelState> ordered = new ArrayList<>();
        for (InventoryEntry e : inventory.entries()) {
            JobSnapshot job = e.job();
            ModelState m = state.model(job.id().value()).orElseGet(ModelState::new);
            m.sourceJob = job.id().value();
            m.status = job.rawStatus();
            m.fineTunedModel = job.fineTunedModel().orElse(null);
            m.baseModel = job.baseModel();
            m.method = job.method().wireName();
            m.hyperparameters = new java.util.LinkedHashMap<>(HyperparameterText.of(job.hyperparameters()));
            m.suffix = job.suffix().orElse(null);
            m.seed = job.seed().orElse(null);
            m.trainedTokens = job.trainedTokens().orElse(null);
            m.createdAt = job.createdAt().toString();
            m.shutdownDate = e.shutdownDate().map(Object::toString).orElse(null);
            m.migratable = e.isMigratable();
            m.notMigratable = e.whyNotMigratable().orElse(null);
            m.trainingFile = file(m.trainingFile, e.trainingFile());
            m.validationFile = e.validationFile().map(f -> file(m.validationFile, f)).orElse(null);
            ordered.add(m);
        }
        // Jobs no longer listed (deleted at the source) keep their entry and what was recorded for them.
        for (ModelState m : state.models) {
            if (!ordered.contains(m)) {
                ordered.add(m);
            }
        }
        state.models = ordered;
        store.save();
    }

    /** The inventory's entry for a file, keeping the local copy an earlier snapshot made of the same file. */
    private static FileState file(FileState earlier, SourceFile found) {
        FileState f = earlier != null && found.id().value().equals(earlier.id) ? earlier : new FileState();
        f.id = found.id().value();
        f.filename = found.filename().orElse(f.filename);
        f.bytes = found.bytes().orElse(f.bytes);
        if (!f.isDownloaded()) {
            f.availability = found.availability().wireName();
            f.detail = found.detail().orElse(null);
        }
        return f;
    }

    static StepResult outcomes(ManifestState state, Set<String> selection) {
        List<ModelOutcome> outcomes = new ArrayList<>();
        List<ModelState> selected = Migration.select(state, selection);
        for (ModelState m : state.models) {
            String model = m.fineTunedModel != null ? m.fineTunedModel : "-";
            if (!m.migratable) {
                outcomes.add(new ModelOutcome(m.sourceJob, model, OutcomeStatus.SKIPPED,
                        "not migrated: " + m.notMigratable));
            } else if (!selected.contains(m)) {
                outcomes.add(new ModelOutcome(m.sourceJob, model, OutcomeStatus.SKIPPED, "not selected"));
            } else if (!m.trainingFile.isDownloaded() && !"available".equals(m.trainingFile.availability)) {
                outcomes.add(new ModelOutcome(m.sourceJob, model, OutcomeStatus.BLOCKED, "training file "
                        + m.trainingFile.id + " can no longer be downloaded (" + m.trainingFile.detail
                        + "): it cannot be retrained from its data"));
            } else {
                outcomes.add(new ModelOutcome(m.sourceJob, model, OutcomeStatus.DONE, "base " + m.baseModel + ", "
                        + m.method + ", " + HyperparameterText.describe(m.hyperparameters)
                        + (m.validationFile != null ? ", with validation file" : ", no validation file")
                        + (m.shutdownDate != null ? ", shuts down " + m.shutdownDate : "")));
            }
        }
        return new StepResult(Step.INVENTORY, outcomes, List.of());
    }
}
