package io.github.finetune4j.eval.internal;

import io.github.finetune4j.core.model.TrainingHistory;
import io.github.finetune4j.core.model.TrainingMetrics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingChartsTest {
    @Test
    void aJobWithoutValidationDataHasATrainingLossChartNotAValidationOne() {
        TrainingHistory trainingOnly = TrainingHistory.builder().add(TrainingMetrics.TRAIN_LOSS, 1, 1.2)
                .add(TrainingMetrics.TRAIN_LOSS, 2, 0.9).build();
        TrainingHistory validated = trainingOnly.toBuilder().add(TrainingMetrics.VALID_LOSS, 2, 1.0).build();

        assertThat(TrainingCharts.loss(trainingOnly).title()).isEqualTo("Training loss");
        assertThat(TrainingCharts.loss(validated).title()).isEqualTo("Training and validation loss");
    }
}
