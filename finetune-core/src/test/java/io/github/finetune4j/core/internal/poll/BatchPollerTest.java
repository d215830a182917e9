package io.github.finetune4j.core.internal.poll;

import io.github.finetune4j.core.BatchChatRow;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.error.WaitTimeoutException;
import io.github.finetune4j.core.model.BatchId;
import io.github.finetune4j.core.model.BatchSnapshot;
import io.github.finetune4j.core.model.BatchStatus;
import io.github.finetune4j.core.model.ChatRequest;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.spi.BatchCreation;
import io.github.finetune4j.core.spi.BatchSupport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchPollerTest {
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final ScriptedBatches batches = new ScriptedBatches();
    private final BatchPoller poller = new BatchPoller(batches, "scripted", sleeper.clock(), sleeper, () -> 0.5);

    private static BatchSnapshot batch(BatchStatus status) {
        return BatchSnapshot.builder().id(BatchId.of("batch_1")).status(status, status.name().toLowerCase())
                .inputFileId(FileId.of("file-in")).createdAt(Instant.EPOCH).build();
    }

    @Test
    void waitsFromValidatingToCompletedWithTheJobCadence() {
        batches.answers.add(batch(BatchStatus.IN_PROGRESS));
        batches.answers.add(batch(BatchStatus.IN_PROGRESS));
        batches.answers.add(batch(BatchStatus.COMPLETED));

        BatchSnapshot done = poller.await(batch(BatchStatus.VALIDATING), WaitOptions.defaults());

        assertThat(done.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(5000), Duration.ofMillis(5000),
                Duration.ofMillis(7500));
    }

    @Test
    void aBatchThatIsAlreadyTerminalIsNotPolled() {
        BatchSnapshot done = poller.await(batch(BatchStatus.COMPLETED), WaitOptions.defaults());

        assertThat(done.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(batches.polls).isZero();
    }

    @Test
    void budgetRunsOutWithTheLastStateAndTheBatchIsNeverCancelled() {
        for (int i = 0; i < 10; i++) {
            batches.answers.add(batch(BatchStatus.IN_PROGRESS));
        }

        assertThatThrownBy(() -> poller.await(batch(BatchStatus.VALIDATING),
                WaitOptions.builder().timeout(Duration.ofSeconds(20)).build()))
                .isInstanceOfSatisfying(WaitTimeoutException.class, e -> assertThat(e.lastState(BatchSnapshot.class))
                        .map(BatchSnapshot::status).contains(BatchStatus.IN_PROGRESS));
        assertThat(batches.cancels).isZero();
    }

    @Test
    void interruptStopsWaitingAndKeepsTheFlag() {
        sleeper.beforeEachSleep(() -> Thread.currentThread().interrupt());
        try {
            assertThatThrownBy(() -> poller.await(batch(BatchStatus.VALIDATING), WaitOptions.defaults()))
                    .isInstanceOf(FineTuneInterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(batches.cancels).isZero();
    }

    /** Answers getBatch from a queue; counts polls and cancels. */
    private static final class ScriptedBatches implements BatchSupport {
        final Deque<BatchSnapshot> answers = new ArrayDeque<>();
        int polls;
        int cancels;

        @Override
        public String batchInputLine(String customId, ChatRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BatchChatRow batchOutputLine(String line) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BatchSnapshot createBatch(BatchCreation creation) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BatchSnapshot getBatch(BatchId id) {
            polls++;
            return answers.size() == 1 ? answers.peek() : answers.poll();
        }

        @Override
        public BatchSnapshot cancelBatch(BatchId id) {
            cancels++;
            throw new UnsupportedOperationException();
        }
    }
}
