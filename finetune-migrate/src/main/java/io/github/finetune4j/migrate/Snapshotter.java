package io.github.finetune4j.migrate;

import io.github.finetune4j.core.error.ApiException;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.error.NotFoundException;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.spi.AtomicFile;
import io.github.finetune4j.eval.EvalExample;
import io.github.finetune4j.migrate.internal.FileState;
import io.github.finetune4j.migrate.internal.GoldenState;
import io.github.finetune4j.migrate.internal.ManifestStore;
import io.github.finetune4j.migrate.internal.ModelState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The snapshot step for each model: its files downloaded (streamed to disk, SHA-256 recorded, verified again
 * before being trusted on a later run) and its golden answers recorded.
 */
final class Snapshotter {
    private static final System.Logger LOG = System.getLogger(Snapshotter.class.getName());

    private final Migration migration;
    private final ManifestStore store;

    Snapshotter(Migration migration, ManifestStore store) {
        this.migration = migration;
        this.store = store;
    }

    StepResult run(List<ModelState> models) {
        List<ModelOutcome> outcomes = new ArrayList<>();
        for (ModelState m : models) {
            try {
                outcomes.add(snapshot(m));
            } catch (FineTuneInterruptedException e) {
                throw e;                   // an interrupt ends the step; what is done is recorded
            } catch (FineTuneException | UncheckedIOException | IllegalStateException e) {
                LOG.log(System.Logger.Level.WARNING, "snapshot of {0} failed: {1}", m.sourceJob, e.getMessage());
                outcomes.add(new ModelOutcome(m.sourceJob, m.fineTunedModel, OutcomeStatus.FAILED,
                        e.getMessage() + " (run snapshot again to continue)"));
            }
        }
        return new StepResult(Step.SNAPSHOT, outcomes, List.of());
    }

    private ModelOutcome snapshot(ModelState m) {
        Path dir = modelDir(store, m);
        migration.listener().onModel(Step.SNAPSHOT, m.sourceJob, "snapshot of " + m.fineTunedModel);
        Download training = download(m, m.trainingFile, dir.resolve("training.jsonl"));
        Download validation = m.validationFile == null ? Download.NONE
                : download(m, m.validationFile, dir.resolve("validation.jsonl"));
        String from = validation.isLocal() ? GoldenExamples.VALIDATION
                : training.isLocal() ? GoldenExamples.TRAINING : null;
        if (from == null) {
            return new ModelOutcome(m.sourceJob, m.fineTunedModel, OutcomeStatus.BLOCKED, gone(m.trainingFile)
                    + (m.validationFile == null ? " and the job had no validation file"
                    : "; nor can its validation file (" + m.validationFile.detail + ")")
                    + ": nothing to retrain from or to record golden answers on");
        }
        GoldenRecorder.Outcome golden = recordGolden(m, from);
        boolean didWork = training == Download.DOWNLOADED || validation == Download.DOWNLOADED || golden.askedNow() > 0;
        String goldenText = "golden answers " + golden.answered() + "/" + golden.total() + " ("
                + (from.equals(GoldenExamples.VALIDATION) ? "validation set" : "sample of training prompts") + ")";
        if (!golden.complete()) {
            return new ModelOutcome(m.sourceJob, m.fineTunedModel, OutcomeStatus.FAILED, goldenText + "; "
                    + golden.failures().size() + " failed" + (golden.failures().isEmpty() ? ""
                    : " (first: " + golden.failures().get(0) + ")") + "; run snapshot again to ask only those");
        }
        if (!training.isLocal()) {
            return new ModelOutcome(m.sourceJob, m.fineTunedModel, OutcomeStatus.BLOCKED, gone(m.trainingFile)
                    + ": it cannot be retrained from its data; " + goldenText + " recorded");
        }
        String files = "training " + m.trainingFile.localBytes + " bytes sha256 " + m.trainingFile.sha256.substring(0, 12)
                + (validation.isLocal() ? ", validation " + m.validationFile.localBytes + " bytes sha256 "
                + m.validationFile.sha256.substring(0, 12) : "");
        return new ModelOutcome(m.sourceJob, m.fineTunedModel, didWork ? OutcomeStatus.DONE
                : OutcomeStatus.ALREADY_DONE, files + "; " + goldenText);
    }

    private static String gone(FileState f) {
        return "training file " + f.id + " can no longer be downloaded (" + (f.detail != null ? f.detail
                : f.availability) + ")";
    }

    static Path modelDir(ManifestStore store, ModelState m) {
        return store.folder().resolve("models").resolve(m.sourceJob.replaceAll("[^A-Za-z0-9_.-]", "_"));
    }

    /** What became of a file. */
    private enum Download {
        NONE, ALREADY_THERE, DOWNLOADED, UNAVAILABLE;

        boolean isLocal() {
            return this == ALREADY_THERE || this == DOWNLOADED;
        }
    }

    private Download download(ModelState m, FileState f, Path target) {
        if (f.isDownloaded()) {
            Path local = store.resolve(f.path);
            if (intact(local, f.sha256)) {
                return Download.ALREADY_THERE;
            }
            LOG.log(System.Logger.Level.WARNING, "{0} is missing or changed since it was downloaded; downloading it "
                    + "again", local);
            f.path = null;
            f.sha256 = null;
        }
        if (!"available".equals(f.availability) && f.availability != null) {
            return Download.UNAVAILABLE;       // the inventory saw a 404; asking again would only repeat it
        }
        migration.listener().onModel(Step.SNAPSHOT, m.sourceJob, "downloading " + f.id
                + (f.bytes != null ? " (" + f.bytes + " bytes)" : ""));
        AtomicFile.Written written;
        try {
            // Streamed to a temporary file by the client, checksummed, then moved into place.
            written = AtomicFile.fill(target, temp -> migration.source().downloadFile(FileId.of(f.id), temp));
        } catch (NotFoundException e) {
            f.availability = FileAvailability.GONE.wireName();
            f.detail = "404 " + e.errorMessage().orElse("not found");
            store.save();
            return Download.UNAVAILABLE;
        } catch (ApiException e) {
            if (e.statusCode() != 400 && e.statusCode() != 403) {
                throw e;
            }
            f.availability = FileAvailability.NOT_DOWNLOADABLE.wireName();
            f.detail = e.statusCode() + " " + e.errorMessage().orElse(e.getMessage());
            store.save();
            return Download.UNAVAILABLE;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + f.id + " to " + target, e);
        }
        if (f.bytes != null && f.bytes != written.bytes()) {
            throw new FineTuneException("downloaded " + written.bytes() + " bytes of " + f.id + " but "
                    + migration.source().providerId() + " reports " + f.bytes + "; not trusted, download again", null);
        }
        f.path = store.relative(target);
        f.sha256 = written.sha256();
        f.localBytes = written.bytes();
        f.downloadedAt = migration.clock().instant().toString();
        store.save();
        return Download.DOWNLOADED;
    }

    private static boolean intact(Path file, String sha256) {
        try {
            return Files.isRegularFile(file) && AtomicFile.describe(file).sha256().equals(sha256);
        } catch (IOException e) {
            return false;
        }
    }

    private GoldenRecorder.Outcome recordGolden(ModelState m, String from) {
        Path file = store.resolve((from.equals(GoldenExamples.VALIDATION) ? m.validationFile : m.trainingFile).path);
        GoldenState golden = m.golden;
        if (golden == null || !from.equals(golden.from)) {
            golden = new GoldenState();
            golden.from = from;
            golden.model = m.fineTunedModel;
            golden.path = store.relative(modelDir(store, m).resolve("golden.jsonl"));
            golden.indices = GoldenExamples.choose(file, from, migration.snapshotOptions().sampleSize(),
                    migration.snapshotOptions().sampleSeed());
            m.golden = golden;
            store.save();
        }
        List<EvalExample> examples = GoldenExamples.load(file, from, golden.indices);
        if (golden.complete && Files.isRegularFile(store.resolve(golden.path))) {
            return new GoldenRecorder.Outcome(examples.size(), golden.answered, 0, List.of());
        }
        return new GoldenRecorder(migration, store).record(m, examples);
    }
}
