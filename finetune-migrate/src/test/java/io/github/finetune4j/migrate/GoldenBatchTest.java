package io.github.finetune4j.migrate;

import io.github.finetune4j.core.BatchChat;
import io.github.finetune4j.core.BatchChatRequest;
import io.github.finetune4j.core.BatchChatResult;
import io.github.finetune4j.core.BatchChatRow;
import io.github.finetune4j.core.BatchOptions;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.model.BatchId;
import io.github.finetune4j.core.model.BatchSnapshot;
import io.github.finetune4j.core.model.BatchStatus;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.migrate.internal.GoldenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Golden answers through the Batch API: the batch's id is in the manifest before it is awaited, so a process
 * started after a crash awaits that batch and never sends a second one. The batch is faked (the emulator has no
 * Batch API); its rows are answered by the emulator's models.
 */
class GoldenBatchTest {
    @TempDir
    Path folder;

    private final Accounts accounts = new Accounts();

    @AfterEach
    void close() {
        accounts.close();
    }

    /** A Batch API that answers through the real client, and can "crash" while awaiting. */
    private static final class FakeBatch implements BatchChat {
        final List<List<String>> submitted = new ArrayList<>();
        final List<String> awaited = new ArrayList<>();
        boolean crashOnAwait;
        private final FineTuneClient answering;

        FakeBatch(FineTuneClient answering) {
            this.answering = answering;
        }

        @Override
        public BatchSnapshot submit(List<BatchChatRequest> requests, BatchOptions options) {
            submitted.add(requests.stream().map(BatchChatRequest::customId).toList());
            return snapshot("batch_" + submitted.size(), BatchStatus.IN_PROGRESS);
        }

        @Override
        public BatchChatResult await(BatchId id, List<BatchChatRequest> requests, BatchOptions options) {
            awaited.add(id.value());
            if (crashOnAwait) {
                throw new IllegalArgumentException("simulated crash while waiting for " + id.value());
            }
            List<BatchChatRow> rows = requests.stream().map(r -> BatchChatRow.succeeded(r.customId(),
                    answering.model(r.request().model()).chat(r.request().messages()))).toList();
            return new BatchChatResult(snapshot(id.value(), BatchStatus.COMPLETED), rows);
        }

        @Override
        public BatchChatResult run(List<BatchChatRequest> requests, BatchOptions options) {
            throw new AssertionError("the migration submits and awaits separately");
        }

        @Override
        public BatchSnapshot get(BatchId id) {
            throw new AssertionError("not used");
        }

        @Override
        public BatchSnapshot cancel(BatchId id) {
            throw new AssertionError("not used");
        }

        private static BatchSnapshot snapshot(String id, BatchStatus status) {
            return BatchSnapshot.builder().id(BatchId.of(id)).status(status, status.name().toLowerCase())
                    .inputFileId(FileId.of("file-batch-input")).createdAt(Instant.EPOCH).build();
        }
    }

    private FineTuneClient withBatch(FakeBatch batch) {
        return new ForwardingClient(accounts.openAi) {
            @Override
            public <T> T extension(Class<T> type) {
                return type == BatchChat.class ? type.cast(batch) : super.extension(type);
            }
        };
    }

    private Migration migration(FakeBatch batch) {
        return accounts.migration(folder).source(withBatch(batch))
                .snapshotOptions(SnapshotOptions.builder().batchThreshold(2).build()).build();
    }

    @Test
    void aBatchSubmittedBeforeACrashIsAwaitedAfterItNotSentAgain() {
        accounts.seedSupport();
        FakeBatch batch = new FakeBatch(accounts.openAi);
        batch.crashOnAwait = true;
        assertThatThrownBy(() -> migration(batch).snapshot()).hasMessageContaining("simulated crash");
        int chatsBefore = chats();

        batch.crashOnAwait = false;
        StepResult result = migration(batch).snapshot();

        assertThat(result.outcomes().get(0).status()).isEqualTo(OutcomeStatus.DONE);
        assertThat(batch.submitted).containsExactly(List.of("val-0001", "val-0002", "val-0003", "val-0004"));
        assertThat(batch.awaited).containsExactly("batch_1", "batch_1");
        assertThat(chats() - chatsBefore).as("answers of the batch, no online request").isEqualTo(4);
        Map<String, GoldenStore.Row> golden = GoldenStore.read(folder.resolve("models")
                .resolve(accounts.openAi.listJobs(io.github.finetune4j.core.model.PageRequest.first()).stream()
                        .findFirst().orElseThrow().id().value()).resolve("golden.jsonl"));
        assertThat(golden.values()).extracting(GoldenStore.Row::via).containsOnly("batch");
    }

    @Test
    void fewMissingAnswersAreAskedOnlineNotThroughABatch() {
        accounts.seedSupport();
        FakeBatch batch = new FakeBatch(accounts.openAi);

        accounts.migration(folder).source(withBatch(batch)).snapshotOptions(SnapshotOptions.builder()
                .batchThreshold(5).build()).build().snapshot();

        assertThat(batch.submitted).isEmpty();
        assertThat(chats()).isEqualTo(4);
    }

    private int chats() {
        return (int) Accounts.count(accounts.requests(), "POST", p -> p.endsWith("/chat/completions"));
    }
}
