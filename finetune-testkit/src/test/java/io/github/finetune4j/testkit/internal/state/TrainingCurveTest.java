package io.github.finetune4j.testkit.internal.state;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingCurveTest {

    @Test
    void sameSeedGivesTheSameCurve() {
        assertThat(TrainingCurve.generate(7, 50, true).steps()).isEqualTo(TrainingCurve.generate(7, 50, true).steps());
        assertThat(TrainingCurve.generate(7, 50, false).steps())
                .isNotEqualTo(TrainingCurve.generate(8, 50, false).steps());
    }

    @Test
    void lossFallsAndAccuracyRises() {
        List<TrainingCurve.StepMetrics> steps = TrainingCurve.generate(3, 100, false).steps();

        double earlyLoss = steps.subList(0, 10).stream().mapToDouble(TrainingCurve.StepMetrics::trainLoss).average()
                .orElseThrow();
        double lateLoss = steps.subList(90, 100).stream().mapToDouble(TrainingCurve.StepMetrics::trainLoss).average()
                .orElseThrow();
        assertThat(lateLoss).isLessThan(earlyLoss / 2);
        assertThat(steps.get(99).trainAccuracy()).isGreaterThan(steps.get(0).trainAccuracy());
        assertThat(steps).allSatisfy(m -> assertThat(m.trainAccuracy()).isBetween(0.0, 1.0));
    }

    @Test
    void validationValuesOnlyWithAValidationFile() {
        assertThat(TrainingCurve.generate(1, 5, false).at(5).hasValidation()).isFalse();
        assertThat(TrainingCurve.generate(1, 5, true).at(5).hasValidation()).isTrue();
    }

    @Test
    void csvHasTheDocumentedColumnsAndEmptyValidationCells() {
        String csv = ResultCsv.render(TrainingCurve.generate(1, 2, false).steps());

        assertThat(csv.lines()).hasSize(3);
        assertThat(csv.lines().findFirst()).contains(ResultCsv.HEADER);
        assertThat(csv.lines().skip(1)).allMatch(line -> line.endsWith(",,") && line.split(",", -1).length == 5);
    }

    @Test
    void autoHyperparametersFollowTheDocumentedHeuristic() {
        assertThat(Hyperparameters.AUTO.resolve(10, FineTuneMethodType.SUPERVISED).nEpochs()).isEqualTo(10);
        assertThat(Hyperparameters.AUTO.resolve(100, FineTuneMethodType.SUPERVISED).nEpochs()).isEqualTo(3);
        assertThat(Hyperparameters.AUTO.resolve(20_000, FineTuneMethodType.SUPERVISED).nEpochs()).isEqualTo(1);
        assertThat(Hyperparameters.AUTO.resolve(10, FineTuneMethodType.DPO).beta()).isEqualTo(0.1);
    }
}
