package io.github.finetune4j.migrate;

import io.github.finetune4j.core.BatchChat;
import io.github.finetune4j.core.BatchChatRequest;
import io.github.finetune4j.core.BatchChatResult;
import io.github.finetune4j.core.BatchChatRow;
import io.github.finetune4j.core.BatchOptions;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.model.BatchId;
import io.github.finetune4j.core.model.BatchSnapshot;
import io.github.finetune4j.core.model.ChatRequest;
import io.github.finetune4j.eval.Candidate;
import io.github.finetune4j.eval.EvalExample;
import io.github.finetune4j.eval.EvalListener;
import io.github.finetune4j.eval.EvalRow;
import io.github.finetune4j.eval.Evaluation;
import io.github.finetune4j.eval.Scorers;
import io.github.finetune4j.migrate.internal.GoldenState;
import io.github.finetune4j.migrate.internal.GoldenStore;
import io.github.finetune4j.migrate.internal.ManifestStore;
import io.github.finetune4j.migrate.internal.ModelState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records the golden answers of one model: every example without a recorded answer is asked once, through the
 * provider's Batch API when there are many (the batch's id is in the manifest the moment it exists, so a process
 * started after a crash awaits that batch instead of sending a second one), else online through an
 * {@link Evaluation} (bounded concurrency, the client's retries, a deadline). Each answer is appended to the
 * golden store as it arrives.
 */
final class GoldenRecorder {
    private static final System.Logger LOG = System.getLogger(GoldenRecorder.class.getName());
    private static final String CANDIDATE = "golden";

    private final Migration migration;
    private final ManifestStore store;

    GoldenRecorder(Migration migration, ManifestStore store) {
        this.migration = migration;
        this.store = store;
    }

    /** What a recording did. */
    record Outcome(int total, int answered, int askedNow, List<String> failures) {
        boolean complete() {
            return answered == total;
        }
    }

    Outcome record(ModelState m, List<EvalExample> examples) {
        GoldenState golden = m.golden;
        SnapshotOptions options = migration.snapshotOptions();
        int askedNow = 0;
        List<String> failures = new ArrayList<>();
        try (GoldenStore answers = GoldenStore.open(store.resolve(golden.path))) {
            Map<String, EvalExample> byId = new HashMap<>();
            examples.forEach(e -> byId.put(e.id(), e));
            if (golden.batchId != null) {
                askedNow += awaitBatch(m, answers, byId, failures);
            }
            List<EvalExample> pending = pending(examples, answers);
            Optional<BatchChat> batch = pending.size() >= options.batchThreshold() ? batchChat() : Optional.empty();
            if (batch.isPresent()) {
                submitBatch(m, batch.get(), pending);
                askedNow += awaitBatch(m, answers, byId, failures);
                pending = pending(examples, answers);
            }
            if (!pending.isEmpty()) {
                askedNow += online(m, answers, pending, failures);
            }
            golden.answered = (int) examples.stream().filter(e -> answers.has(e.id())).count();
            golden.complete = golden.answered == examples.size();
            golden.requestsSent += askedNow;
            if (golden.complete) {
                golden.sha256 = answers.finish();
            }
            golden.recordedAt = migration.clock().instant().toString();
            store.save();
            return new Outcome(examples.size(), golden.answered, askedNow, failures);
        }
    }

    private static List<EvalExample> pending(List<EvalExample> examples, GoldenStore answers) {
        return examples.stream().filter(e -> !answers.has(e.id())).toList();
    }

    private Optional<BatchChat> batchChat() {
        try {
            return Optional.of(BatchChat.of(migration.source()));
        } catch (UnsupportedOperationException e) {
            LOG.log(System.Logger.Level.INFO, "no Batch API on {0}, asking online: {1}",
                    migration.source().providerId(), e.getMessage());
            return Optional.empty();
        }
    }

    private void submitBatch(ModelState m, BatchChat batch, List<EvalExample> pending) {
        List<BatchChatRequest> requests = requests(m, pending);
        BatchOptions options = batchOptions(m);
        migration.listener().onModel(Step.SNAPSHOT, m.sourceJob, "asking " + pending.size()
                + " golden questions through the Batch API");
        BatchSnapshot created = batch.submit(requests, options);
        // Recorded before waiting: a process started after a crash awaits this batch instead of sending another.
        m.golden.batchId = created.id().value();
        m.golden.batchExamples = pending.stream().map(EvalExample::id).toList();
        store.save();
    }

    private int awaitBatch(ModelState m, GoldenStore answers, Map<String, EvalExample> byId, List<String> failures) {
        List<EvalExample> asked = new ArrayList<>();
        for (String id : m.golden.batchExamples) {
            EvalExample e = byId.get(id);
            if (e == null) {
                throw new IllegalStateException("batch " + m.golden.batchId + " asked " + id
                        + ", which is not among the examples chosen for " + m.sourceJob);
            }
            asked.add(e);
        }
        BatchChatResult result = BatchChat.of(migration.source()).await(BatchId.of(m.golden.batchId),
                requests(m, asked), batchOptions(m));
        String now = migration.clock().instant().toString();
        for (BatchChatRow row : result.rows()) {
            if (row.isSuccess() && !answers.has(row.customId())) {
                answers.append(new GoldenStore.Row(row.customId(), GoldenExamples.index(row.customId()),
                        row.response().orElseThrow().text(), row.response().orElseThrow().model(), "batch", now));
            } else if (!row.isSuccess()) {
                failures.add(row.customId() + ": " + row.error().map(Object::toString).orElse("failed"));
            }
        }
        m.golden.batchId = null;
        m.golden.batchExamples = new ArrayList<>();
        store.save();
        migration.listener().onProgress(Step.SNAPSHOT, m.sourceJob, answers.rows().size(), byId.size());
        return asked.size();
    }

    private int online(ModelState m, GoldenStore answers, List<EvalExample> pending, List<String> failures) {
        SnapshotOptions options = migration.snapshotOptions();
        FineTuneClient source = migration.source();
        int total = m.golden.indices.size();
        int already = total - pending.size();
        migration.listener().onModel(Step.SNAPSHOT, m.sourceJob, "asking " + pending.size() + " golden questions to "
                + m.fineTunedModel + (already > 0 ? " (" + already + " recorded earlier)" : ""));
        Evaluation.builder()
                .examples(pending)
                .addCandidate(Candidate.of(CANDIDATE, source.model(m.fineTunedModel)
                        .withTemperature(options.temperature())))
                .addScorer(Scorers.tokenF1())
                .concurrency(options.concurrency())
                .deadline(options.deadline())
                .listener(new EvalListener() {
                    @Override
                    public void onRow(EvalRow row, int done, int all) {
                        if (row.isError()) {
                            synchronized (failures) {
                                failures.add(row.exampleId() + ": " + row.error().orElse("failed"));
                            }
                        } else {
                            answers.append(new GoldenStore.Row(row.exampleId(), GoldenExamples.index(row.exampleId()),
                                    row.answer(), row.model(), "online", migration.clock().instant().toString()));
                        }
                        migration.listener().onProgress(Step.SNAPSHOT, m.sourceJob, already + done, total);
                    }
                })
                .build()
                .run();
        return pending.size();
    }

    private List<BatchChatRequest> requests(ModelState m, List<EvalExample> examples) {
        double temperature = migration.snapshotOptions().temperature();
        return examples.stream().map(e -> BatchChatRequest.of(e.id(), ChatRequest.builder().model(m.fineTunedModel)
                .messages(e.prompt()).temperature(temperature).build())).toList();
    }

    private BatchOptions batchOptions(ModelState m) {
        return migration.snapshotOptions().batchOptions().toBuilder()
                .putMetadata("finetune4j_migration", "golden answers of " + m.sourceJob).build();
    }
}
