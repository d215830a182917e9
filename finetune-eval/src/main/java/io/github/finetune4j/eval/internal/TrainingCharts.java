package io.github.finetune4j.eval.internal;

import io.github.finetune4j.core.model.TrainingHistory;
import io.github.finetune4j.core.model.TrainingMetrics;

import java.util.List;

/** The loss and accuracy charts of a training history. */
public final class TrainingCharts {
    /** Metric name of the loss over the whole validation file. */
    public static final String FULL_VALID_LOSS = "full_valid_loss";
    /** Metric name of the token accuracy over the whole validation file. */
    public static final String FULL_VALID_ACCURACY = "full_valid_mean_token_accuracy";

    private TrainingCharts() {
    }

    /**
     * Training, validation and full validation loss over the steps.
     *
     * @param history the metrics
     * @return the chart
     */
    public static LineChart loss(TrainingHistory history) {
        boolean validated = !history.validLoss().isEmpty() || !history.series(FULL_VALID_LOSS).isEmpty();
        return new LineChart(validated ? "Training and validation loss" : "Training loss", "training step",
                "loss (mean cross-entropy per token, nats)", LineChart.YScale.FROM_ZERO, List.of(
                new LineChart.Series("training loss", history.trainLoss(), false),
                new LineChart.Series("validation loss", history.validLoss(), true),
                new LineChart.Series("full validation loss", history.series(FULL_VALID_LOSS), true)));
    }

    /**
     * Training, validation and full validation token accuracy over the steps.
     *
     * @param history the metrics
     * @return the chart
     */
    public static LineChart accuracy(TrainingHistory history) {
        boolean validated = !history.series(TrainingMetrics.VALID_ACCURACY).isEmpty()
                || !history.series(FULL_VALID_ACCURACY).isEmpty();
        return new LineChart(validated ? "Training and validation token accuracy" : "Training token accuracy",
                "training step",
                "mean token accuracy (%)", LineChart.YScale.FRACTION_AS_PERCENT, List.of(
                new LineChart.Series("training accuracy", history.series(TrainingMetrics.TRAIN_ACCURACY), false),
                new LineChart.Series("validation accuracy", history.series(TrainingMetrics.VALID_ACCURACY), true),
                new LineChart.Series("full validation accuracy", history.series(FULL_VALID_ACCURACY), true)));
    }
}
