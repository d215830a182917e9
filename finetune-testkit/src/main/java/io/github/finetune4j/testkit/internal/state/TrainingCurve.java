package io.github.finetune4j.testkit.internal.state;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A plausible learning curve: losses that fall roughly exponentially with a little noise, accuracies that rise.
 * The same seed, number of steps and validation flag always give the same curve.
 */
public final class TrainingCurve {

    /**
     * Metrics at one step. Validation values are NaN when the job has no validation file.
     *
     * @param step the step, from 1
     * @param trainLoss the training loss
     * @param trainAccuracy the training mean token accuracy
     * @param validLoss the validation loss, or NaN
     * @param validAccuracy the validation mean token accuracy, or NaN
     * @param fullValidLoss the loss over the whole validation file, or NaN
     * @param fullValidAccuracy the accuracy over the whole validation file, or NaN
     */
    public record StepMetrics(int step, double trainLoss, double trainAccuracy, double validLoss,
                              double validAccuracy, double fullValidLoss, double fullValidAccuracy) {

        /**
         * Tells whether validation values are present.
         *
         * @return true when the job has a validation file
         */
        public boolean hasValidation() {
            return !Double.isNaN(validLoss);
        }
    }

    private final List<StepMetrics> steps;

    private TrainingCurve(List<StepMetrics> steps) {
        this.steps = List.copyOf(steps);
    }

    /**
     * Generates a curve.
     *
     * @param seed the job's seed
     * @param totalSteps the number of steps, at least 1
     * @param withValidation whether to fill in validation metrics
     * @return the curve
     */
    public static TrainingCurve generate(long seed, int totalSteps, boolean withValidation) {
        SplittableRandom random = new SplittableRandom(seed);
        double start = 1.6 + random.nextDouble() * 0.8;
        double floor = 0.08 + random.nextDouble() * 0.2;
        double rate = 3.0 + random.nextDouble() * 2.0;
        List<StepMetrics> out = new ArrayList<>(totalSteps);
        for (int step = 1; step <= totalSteps; step++) {
            double progress = (double) step / totalSteps;
            double decay = Math.exp(-rate * progress);
            double smooth = floor + (start - floor) * decay;
            double noise = (random.nextDouble() - 0.5) * 0.25 * smooth;
            double trainLoss = Math.max(0.001, smooth + noise);
            double trainAccuracy = clamp(0.55 + 0.42 * (1 - decay) + (random.nextDouble() - 0.5) * 0.04);
            double validLoss = Double.NaN;
            double validAccuracy = Double.NaN;
            double fullValidLoss = Double.NaN;
            double fullValidAccuracy = Double.NaN;
            if (withValidation) {
                double validSmooth = smooth * 1.12 + 0.02;
                validLoss = Math.max(0.001, validSmooth + (random.nextDouble() - 0.5) * 0.3 * smooth);
                validAccuracy = clamp(0.52 + 0.4 * (1 - decay) + (random.nextDouble() - 0.5) * 0.05);
                fullValidLoss = validSmooth;
                fullValidAccuracy = clamp(0.52 + 0.4 * (1 - decay));
            }
            out.add(new StepMetrics(step, round(trainLoss), round(trainAccuracy), round(validLoss),
                    round(validAccuracy), round(fullValidLoss), round(fullValidAccuracy)));
        }
        return new TrainingCurve(out);
    }

    /**
     * Returns the metrics of a step.
     *
     * @param step the step, from 1
     * @return the metrics
     */
    public StepMetrics at(int step) {
        return steps.get(step - 1);
    }

    /**
     * Returns the metrics of every step, in order.
     *
     * @return the steps
     */
    public List<StepMetrics> steps() {
        return steps;
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }

    private static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 100_000) / 100_000.0;
    }
}
