package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.spi.JobControl;
import io.github.finetune4j.core.spi.LazyPagedIterable;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.JobListener;
import io.github.finetune4j.core.PagedIterable;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.TrainingHistory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/** A handle to one remote job. Thread-safe: the latest snapshot is kept in an atomic reference. */
final class DefaultFineTuneJob implements FineTuneJob {
    private final DefaultFineTuneClient client;
    private final AtomicReference<JobSnapshot> latest;
    private final List<JobListener> startListeners;

    DefaultFineTuneJob(DefaultFineTuneClient client, JobSnapshot snapshot) {
        this(client, snapshot, List.of());
    }

    /** A job started with listeners: they keep listening while the job is awaited. */
    DefaultFineTuneJob(DefaultFineTuneClient client, JobSnapshot snapshot, List<JobListener> startListeners) {
        this.client = client;
        this.latest = new AtomicReference<>(snapshot);
        this.startListeners = List.copyOf(startListeners);
    }

    @Override
    public JobId id() {
        return latest.get().id();
    }

    @Override
    public JobSnapshot latest() {
        return latest.get();
    }

    @Override
    public JobSnapshot refresh() {
        return remember(client.provider().getJob(id()));
    }

    @Override
    public JobSnapshot awaitCompletion() {
        return awaitCompletion(client.config().defaultWaitOptions());
    }

    @Override
    public JobSnapshot awaitCompletion(WaitOptions options) {
        WaitOptions effective = java.util.Objects.requireNonNull(options, "options")
                .withDefaultsFrom(client.config().defaultWaitOptions()).withListeners(startListeners);
        return client.newPoller(effective, this::remember).await(latest.get());
    }

    @Override
    public CompletableFuture<JobSnapshot> awaitCompletionAsync(WaitOptions options) {
        return client.runAsync(() -> awaitCompletion(options));
    }

    @Override
    public JobSnapshot cancel() {
        return remember(client.provider().cancelJob(id()));
    }

    @Override
    public JobSnapshot pause() {
        return remember(client.require(JobControl.class).pauseJob(id()));
    }

    @Override
    public JobSnapshot resume() {
        return remember(client.require(JobControl.class).resumeJob(id()));
    }

    @Override
    public PagedIterable<JobEvent> events() {
        return LazyPagedIterable.fromFirstPage(page -> client.provider().listEvents(id(), page));
    }

    @Override
    public PagedIterable<Checkpoint> checkpoints() {
        return LazyPagedIterable.fromFirstPage(page -> client.provider().listCheckpoints(id(), page));
    }

    @Override
    public byte[] resultFile() {
        JobSnapshot snapshot = latest.get();
        if (snapshot.resultFiles().isEmpty()) {
            snapshot = refresh();
        }
        if (snapshot.resultFiles().isEmpty()) {
            throw new IllegalStateException("job " + id() + " has no result file yet (status " + snapshot.rawStatus() + ")");
        }
        return ResultFiles.decode(client.provider().fileContent(snapshot.resultFiles().get(0)));
    }

    @Override
    public TrainingHistory metrics() {
        JobSnapshot snapshot = latest.get();
        if (snapshot.resultFiles().isEmpty()) {
            snapshot = refresh();
        }
        TrainingHistory.Builder history = TrainingHistory.builder();
        if (snapshot.resultFiles().isEmpty()) {
            events().forEach(event -> event.metrics().ifPresent(history::add));
        }
        checkpoints().forEach(history::addCheckpoint);
        if (!snapshot.resultFiles().isEmpty()) {
            history.merge(ResultCsvParser.parse(client.provider().fileContent(snapshot.resultFiles().get(0))));
        }
        return history.build();
    }

    private JobSnapshot remember(JobSnapshot snapshot) {
        latest.set(snapshot);
        return snapshot;
    }

    @Override
    public String toString() {
        return "FineTuneJob[" + id() + ", " + latest.get().rawStatus() + "]";
    }
}
