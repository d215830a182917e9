package io.github.finetune4j.core.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingHistoryTest {

    @Test
    void builderKeepsOnePointPerStepAndLaterValuesWin() {
        TrainingHistory history = TrainingHistory.builder()
                .add("train_loss", 2, 0.9).add("train_loss", 1, 1.2).add("train_loss", 2, 0.8)
                .build();

        assertThat(history.trainLoss()).containsExactly(new MetricPoint(1, 1.2), new MetricPoint(2, 0.8));
        assertThat(history.totalSteps()).isEqualTo(2);
    }

    @Test
    void csvTrainAccuracyAndEventTrainMeanTokenAccuracyFeedOneSeries() {
        TrainingHistory history = TrainingHistory.builder()
                .add(TrainingHistory.CSV_TRAIN_ACCURACY, 1, 0.5)
                .add(new TrainingMetrics(2, 10, Map.of(TrainingMetrics.TRAIN_ACCURACY, 0.6)))
                .build();

        assertThat(history.trainAccuracy()).extracting(MetricPoint::step).containsExactly(1L, 2L);
        assertThat(history.metricNames()).containsExactly(TrainingMetrics.TRAIN_ACCURACY);
        assertThat(history.totalSteps()).isEqualTo(10);
    }

    @Test
    void nonFiniteValuesAreMissingValues() {
        TrainingHistory history = TrainingHistory.builder().add("valid_loss", 1, Double.NaN).build();

        assertThat(history.isEmpty()).isTrue();
        assertThat(history.last("valid_loss")).isEmpty();
    }

    @Test
    void checkpointMetricsWithoutStepUseTheCheckpointStep() {
        Checkpoint checkpoint = new Checkpoint("ftckpt-1", JobId.of("ftjob-1"), Instant.EPOCH, "ft:x:ckpt-step-7", 7,
                new TrainingMetrics(0, 0, Map.of("full_valid_loss", 0.4)));

        TrainingHistory history = TrainingHistory.builder().addCheckpoint(checkpoint).build();

        assertThat(history.series("full_valid_loss")).containsExactly(new MetricPoint(7, 0.4));
    }

    @Test
    void mergeLetsTheOtherHistoryWin() {
        TrainingHistory live = TrainingHistory.builder().add("train_loss", 1, 2.0).add("train_loss", 2, 1.5).build();
        TrainingHistory file = TrainingHistory.builder().add("train_loss", 2, 1.4).add("train_loss", 3, 1.1).build();

        TrainingHistory merged = live.toBuilder().merge(file).build();

        assertThat(merged.trainLoss()).extracting(MetricPoint::value).containsExactly(2.0, 1.4, 1.1);
    }

    @Test
    void constructorSortsAndCopiesAndRejectsDuplicateSteps() {
        TrainingHistory history = new TrainingHistory(
                Map.of("train_loss", List.of(new MetricPoint(3, 1), new MetricPoint(1, 2))), 3);

        assertThat(history.trainLoss()).extracting(MetricPoint::step).containsExactly(1L, 3L);
        assertThatThrownBy(() -> new TrainingHistory(
                Map.of("x", List.of(new MetricPoint(1, 1), new MetricPoint(1, 2))), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
