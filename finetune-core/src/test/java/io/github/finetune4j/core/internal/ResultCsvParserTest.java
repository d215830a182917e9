package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.error.ResponseFormatException;
import io.github.finetune4j.core.model.MetricPoint;
import io.github.finetune4j.core.model.TrainingHistory;
import io.github.finetune4j.core.model.TrainingMetrics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultCsvParserTest {

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ResultCsvParserTest.class.getResourceAsStream("/fixtures/openai/results/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void plainResultFileBecomesTrainingSeriesAndEmptyValidationColumnsAreLeftOut() throws IOException {
        TrainingHistory history = ResultCsvParser.parse(fixture("step-metrics-plain.csv"));

        assertThat(history.trainLoss()).extracting(MetricPoint::step).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(history.trainLoss()).extracting(MetricPoint::value)
                .containsExactly(1.52347, 0.57719, 3.63525, 1.72257, 1.52379);
        assertThat(history.trainAccuracy()).hasSize(5).allSatisfy(p -> assertThat(p.value()).isZero());
        assertThat(history.validLoss()).isEmpty();
        assertThat(history.validAccuracy()).isEmpty();
        assertThat(history.metricNames()).containsExactly(TrainingMetrics.TRAIN_LOSS, TrainingMetrics.TRAIN_ACCURACY);
        assertThat(history.totalSteps()).isEqualTo(5);
    }

    @Test
    void base64ResultFileIsDecodedBeforeParsing() throws IOException {
        TrainingHistory history = ResultCsvParser.parse(fixture("step-metrics-base64.txt"));

        assertThat(history.trainLoss()).hasSize(6);
        assertThat(history.validLoss()).extracting(MetricPoint::step).containsExactly(1L, 3L, 5L);
        assertThat(history.validLoss()).extracting(MetricPoint::value).containsExactly(2.31377, 1.40127, 0.79031);
        assertThat(history.last(TrainingMetrics.VALID_ACCURACY)).hasValue(0.8);
        assertThat(history.last(TrainingMetrics.TRAIN_LOSS)).hasValue(0.40457);
    }

    @Test
    void missingBlankAndNonNumericCellsAreMissingValuesAndBadRowsAreSkipped() throws IOException {
        TrainingHistory history = ResultCsvParser.parse(fixture("step-metrics-missing-values.csv"));

        assertThat(history.trainLoss()).extracting(MetricPoint::step).containsExactly(1L, 3L, 4L, 5L);
        assertThat(history.trainAccuracy()).extracting(MetricPoint::step).containsExactly(1L, 2L, 5L);
        assertThat(history.validLoss()).extracting(MetricPoint::step).containsExactly(2L, 4L);
        assertThat(history.validAccuracy()).extracting(MetricPoint::step).containsExactly(3L, 4L);
        assertThat(history.lastStep()).isEqualTo(5);
    }

    @Test
    void columnsAreFoundByNameAndExtraNumericColumnsBecomeTheirOwnSeries() throws IOException {
        TrainingHistory history = ResultCsvParser.parse(fixture("step-metrics-extra-columns.csv"));

        assertThat(history.metricNames()).containsExactlyInAnyOrder("train_loss", "train_mean_token_accuracy",
                "valid_loss", "valid_mean_token_accuracy", "full_valid_loss", "full_valid_mean_token_accuracy");
        assertThat(history.trainLoss()).extracting(MetricPoint::step).containsExactly(10L, 20L, 30L);
        assertThat(history.trainLoss()).extracting(MetricPoint::value).containsExactly(1.25, 0.83, 0.51);
        assertThat(history.series("full_valid_loss")).extracting(MetricPoint::value).containsExactly(1.35, 0.95, 0.69);
        assertThat(history.series("note")).isEmpty();
    }

    @Test
    void byteOrderMarkAndLeadingBlankLinesAreTolerated() {
        byte[] csv = "\uFEFF\nstep,train_loss\n1,0.5\n".getBytes(StandardCharsets.UTF_8);

        assertThat(ResultCsvParser.parse(csv).trainLoss()).containsExactly(new MetricPoint(1, 0.5));
    }

    @Test
    void emptyFileGivesEmptyHistory() {
        assertThat(ResultCsvParser.parse(new byte[0]).isEmpty()).isTrue();
    }

    @Test
    void fileWithoutStepColumnIsAFormatError() {
        byte[] csv = "epoch,train_loss\n1,0.5\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ResultCsvParser.parse(csv)).isInstanceOf(ResponseFormatException.class)
                .hasMessageContaining("step");
    }
}
