package io.github.finetune4j.core;

import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.MetricPoint;
import io.github.finetune4j.core.model.TrainingMetrics;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingHistoryRecorderTest {

    @Test
    void metricsEventsAndCheckpointsFeedTheLiveHistory() {
        TrainingHistoryRecorder recorder = new TrainingHistoryRecorder();
        JobListener listener = recorder;

        listener.onMetrics(new TrainingMetrics(1, 3, Map.of("train_loss", 1.5)));
        listener.onMetrics(new TrainingMetrics(2, 3, Map.of("train_loss", 1.1, "valid_loss", 1.3)));
        listener.onCheckpoint(new Checkpoint("ftckpt-1", JobId.of("ftjob-1"), Instant.EPOCH, "ft:m:ckpt-step-3", 3,
                new TrainingMetrics(3, 3, Map.of("train_loss", 0.9, "full_valid_loss", 1.0))));

        assertThat(recorder.history().trainLoss()).extracting(MetricPoint::value).containsExactly(1.5, 1.1, 0.9);
        assertThat(recorder.history().validLoss()).containsExactly(new MetricPoint(2, 1.3));
        assertThat(recorder.history().series("full_valid_loss")).containsExactly(new MetricPoint(3, 1.0));
        assertThat(recorder.history().totalSteps()).isEqualTo(3);
    }

    @Test
    void historyIsASnapshotThatLaterMetricsDoNotChange() {
        TrainingHistoryRecorder recorder = new TrainingHistoryRecorder();
        recorder.onMetrics(new TrainingMetrics(1, 2, Map.of("train_loss", 1.5)));

        var before = recorder.history();
        recorder.onMetrics(new TrainingMetrics(2, 2, Map.of("train_loss", 1.0)));

        assertThat(before.trainLoss()).hasSize(1);
        assertThat(recorder.history().trainLoss()).hasSize(2);
    }
}
