package io.github.finetune4j.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The training metrics of a job as typed series: for each metric name, its values by step, in step order. Built from
 * the job's result file (CSV), its checkpoints and its metrics events; see
 * {@link io.github.finetune4j.core.FineTuneJob#metrics()} and
 * {@link io.github.finetune4j.core.TrainingHistoryRecorder}. Immutable.
 *
 * <pre>{@code
 * TrainingHistory history = job.metrics();
 * for (MetricPoint p : history.trainLoss()) {
 *     System.out.println(p.step() + " " + p.value());
 * }
 * history.last(TrainingMetrics.VALID_LOSS).ifPresent(v -> System.out.println("final validation loss " + v));
 * }</pre>
 *
 * <p>Metric names are the provider's ({@code train_loss}, {@code valid_loss}, {@code full_valid_loss},
 * {@code train_mean_token_accuracy}, ...). The result file's {@code train_accuracy} column is the same quantity as
 * the events' {@code train_mean_token_accuracy} and is stored under that name
 * ({@link TrainingMetrics#TRAIN_ACCURACY}), so both sources feed one series. Any other metric keeps its name.
 *
 * @param series metric name to its points, ascending by step with one point per step; never null, iterated in
 *               name order
 * @param totalSteps the job's total number of steps when known, otherwise the highest step seen (0 when empty)
 */
public record TrainingHistory(Map<String, List<MetricPoint>> series, long totalSteps) {
    /** The result file's name of the training accuracy, stored as {@link TrainingMetrics#TRAIN_ACCURACY}. */
    public static final String CSV_TRAIN_ACCURACY = "train_accuracy";
    /**
     * Validates the components.
     *
     * @param series metric name to its points, ascending by step with one point per step; never null, iterated
     *               in name order
     * @param totalSteps the job's total number of steps when known, otherwise the highest step seen (0 when empty)
     */
    public TrainingHistory {
        Objects.requireNonNull(series, "series");
        if (totalSteps < 0) {
            throw new IllegalArgumentException("totalSteps must not be negative: " + totalSteps);
        }
        Map<String, List<MetricPoint>> copy = new TreeMap<>();
        series.forEach((name, points) -> {
            List<MetricPoint> sorted = new ArrayList<>(Objects.requireNonNull(points, name));
            sorted.sort((a, b) -> Long.compare(a.step(), b.step()));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).step() == sorted.get(i - 1).step()) {
                    throw new IllegalArgumentException(name + " has two points at step " + sorted.get(i).step());
                }
            }
            if (!sorted.isEmpty()) {
                copy.put(Objects.requireNonNull(name, "name"), List.copyOf(sorted));
            }
        });
        series = Collections.unmodifiableMap(copy);
    }

    /**
     * A history without any metric.
     *
     * @return the empty history
     */
    public static TrainingHistory empty() {
        return new TrainingHistory(Map.of(), 0);
    }

    /**
     * Starts an empty builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding this history, to add to it.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().merge(this);
    }

    /**
     * The points of one metric.
     *
     * @param metric the metric name, for example {@link TrainingMetrics#VALID_LOSS}
     * @return the points in step order; empty when the metric was never reported
     */
    public List<MetricPoint> series(String metric) {
        return series.getOrDefault(Objects.requireNonNull(metric, "metric"), List.of());
    }

    /**
     * The names of the metrics that have at least one point.
     *
     * @return the names, sorted
     */
    public List<String> metricNames() {
        return List.copyOf(series.keySet());
    }

    /**
     * Tells whether no metric has a point.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return series.isEmpty();
    }

    /**
     * The training loss.
     *
     * @return the points of {@link TrainingMetrics#TRAIN_LOSS}
     */
    public List<MetricPoint> trainLoss() {
        return series(TrainingMetrics.TRAIN_LOSS);
    }

    /**
     * The validation loss (on a sample of the validation file).
     *
     * @return the points of {@link TrainingMetrics#VALID_LOSS}
     */
    public List<MetricPoint> validLoss() {
        return series(TrainingMetrics.VALID_LOSS);
    }

    /**
     * The training mean token accuracy.
     *
     * @return the points of {@link TrainingMetrics#TRAIN_ACCURACY}
     */
    public List<MetricPoint> trainAccuracy() {
        return series(TrainingMetrics.TRAIN_ACCURACY);
    }

    /**
     * The validation mean token accuracy.
     *
     * @return the points of {@link TrainingMetrics#VALID_ACCURACY}
     */
    public List<MetricPoint> validAccuracy() {
        return series(TrainingMetrics.VALID_ACCURACY);
    }

    /**
     * The value of a metric at the highest step where it was reported.
     *
     * @param metric the metric name
     * @return the last value, or empty when never reported
     */
    public OptionalDouble last(String metric) {
        List<MetricPoint> points = series(metric);
        return points.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(points.get(points.size() - 1).value());
    }

    /**
     * The highest step any metric was reported at.
     *
     * @return the step, or 0 when empty
     */
    public long lastStep() {
        long max = 0;
        for (List<MetricPoint> points : series.values()) {
            max = Math.max(max, points.get(points.size() - 1).step());
        }
        return max;
    }

    /**
     * Collects metrics step by step. A later value for the same metric and step replaces the earlier one. Not
     * thread-safe.
     */
    public static final class Builder {
        private final Map<String, TreeMap<Long, Double>> values = new TreeMap<>();
        private long totalSteps;

        private Builder() {
        }

        /**
         * Adds one value; a NaN or infinite value is ignored (treated as missing).
         *
         * @param metric the metric name; {@value TrainingHistory#CSV_TRAIN_ACCURACY} is stored as
         *               {@link TrainingMetrics#TRAIN_ACCURACY}
         * @param step the step, not negative
         * @param value the value
         * @return this builder
         * @throws IllegalArgumentException if {@code step} is negative
         */
        public Builder add(String metric, long step, double value) {
            Objects.requireNonNull(metric, "metric");
            if (step < 0) {
                throw new IllegalArgumentException("step must not be negative: " + step);
            }
            if (Double.isFinite(value)) {
                String name = CSV_TRAIN_ACCURACY.equals(metric) ? TrainingMetrics.TRAIN_ACCURACY : metric;
                values.computeIfAbsent(name, n -> new TreeMap<>()).put(step, value);
            }
            return this;
        }

        /**
         * Adds the metrics of one step (from a metrics event), and raises the total steps if it reports more.
         *
         * @param metrics the metrics; their {@code step} is used
         * @return this builder
         */
        public Builder add(TrainingMetrics metrics) {
            Objects.requireNonNull(metrics, "metrics");
            metrics.values().forEach((name, value) -> {
                if (value != null) {
                    add(name, metrics.step(), value);
                }
            });
            totalSteps = Math.max(totalSteps, metrics.totalSteps());
            return this;
        }

        /**
         * Adds a checkpoint's metrics at the checkpoint's step (used when the metrics do not name a step).
         *
         * @param checkpoint the checkpoint
         * @return this builder
         */
        public Builder addCheckpoint(Checkpoint checkpoint) {
            Objects.requireNonNull(checkpoint, "checkpoint");
            TrainingMetrics m = checkpoint.metrics();
            long step = m.step() > 0 ? m.step() : checkpoint.stepNumber();
            return add(new TrainingMetrics(step, m.totalSteps(), m.values()));
        }

        /**
         * Adds every point of another history; its values replace this builder's at the same metric and step.
         *
         * @param other the history to add
         * @return this builder
         */
        public Builder merge(TrainingHistory other) {
            Objects.requireNonNull(other, "other");
            other.series().forEach((name, points) -> points.forEach(p -> add(name, p.step(), p.value())));
            totalSteps = Math.max(totalSteps, other.totalSteps());
            return this;
        }

        /**
         * Sets the job's total number of steps, when known. Default: the highest step added.
         *
         * @param steps the total, not negative
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder totalSteps(long steps) {
            if (steps < 0) {
                throw new IllegalArgumentException("totalSteps must not be negative: " + steps);
            }
            this.totalSteps = steps;
            return this;
        }

        /**
         * Builds the history.
         *
         * @return the history
         */
        public TrainingHistory build() {
            Map<String, List<MetricPoint>> series = new TreeMap<>();
            long maxStep = 0;
            for (Map.Entry<String, TreeMap<Long, Double>> e : values.entrySet()) {
                List<MetricPoint> points = new ArrayList<>(e.getValue().size());
                e.getValue().forEach((step, value) -> points.add(new MetricPoint(step, value)));
                series.put(e.getKey(), points);
                maxStep = Math.max(maxStep, e.getValue().lastKey());
            }
            return new TrainingHistory(series, Math.max(totalSteps, maxStep));
        }
    }
}
