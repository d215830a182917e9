package io.github.finetune4j.core;

import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.TrainingHistory;
import io.github.finetune4j.core.model.TrainingMetrics;

import java.util.Objects;

/**
 * A {@link JobListener} that collects the metrics seen while a job is awaited (metrics events and checkpoints) into
 * a live {@link TrainingHistory}. Thread-safe: the poller adds while another thread reads {@link #history()}.
 *
 * <pre>{@code
 * TrainingHistoryRecorder recorder = new TrainingHistoryRecorder();
 * CompletableFuture<JobSnapshot> done = job.awaitCompletionAsync(
 *         WaitOptions.builder().timeout(Duration.ofHours(2)).listener(recorder).build());
 * // meanwhile, for a live chart:
 * List<MetricPoint> loss = recorder.history().trainLoss();
 * // afterwards, the full series from the result file take precedence:
 * TrainingHistory all = recorder.history().toBuilder().merge(job.metrics()).build();
 * }</pre>
 */
public final class TrainingHistoryRecorder implements JobListener {
    private final Object lock = new Object();
    private final TrainingHistory.Builder builder = TrainingHistory.builder();

    /** Creates an empty recorder. */
    public TrainingHistoryRecorder() {
    }

    @Override
    public void onMetrics(TrainingMetrics metrics) {
        Objects.requireNonNull(metrics, "metrics");
        synchronized (lock) {
            builder.add(metrics);
        }
    }

    @Override
    public void onCheckpoint(Checkpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        synchronized (lock) {
            builder.addCheckpoint(checkpoint);
        }
    }

    /**
     * The metrics recorded so far.
     *
     * @return an immutable copy; empty before the first metrics event
     */
    public TrainingHistory history() {
        synchronized (lock) {
            return builder.build();
        }
    }
}
