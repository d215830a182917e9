package io.github.finetune4j.testkit.internal.state;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The result file of a succeeded job: {@code step_metrics.csv} with the columns
 * {@code step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy}; the validation columns are empty
 * when the job has no validation file. The service stores it base64-encoded, and so does the emulator.
 */
public final class ResultCsv {

    /** The file name of result files. */
    public static final String FILENAME = "step_metrics.csv";

    /** The header line. */
    public static final String HEADER = "step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy";

    private ResultCsv() {
    }

    /**
     * Renders the CSV text.
     *
     * @param steps the metrics of every step
     * @return the CSV, one line per step, ending with a line break
     */
    public static String render(List<TrainingCurve.StepMetrics> steps) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (TrainingCurve.StepMetrics m : steps) {
            out.append(m.step()).append(',').append(m.trainLoss()).append(',').append(m.trainAccuracy()).append(',');
            if (m.hasValidation()) {
                out.append(m.validLoss()).append(',').append(m.validAccuracy());
            } else {
                out.append(',');
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * Renders the CSV and encodes it as the service stores it.
     *
     * @param steps the metrics of every step
     * @return the base64 text of the CSV, as bytes
     */
    public static byte[] encoded(List<TrainingCurve.StepMetrics> steps) {
        return Base64.getEncoder().encode(render(steps).getBytes(StandardCharsets.UTF_8));
    }
}
