package io.github.finetune4j.core;

import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.LifecycleWarning;
import io.github.finetune4j.core.preflight.ValidationReport;

import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A {@link JobListener} that prints progress lines for a person watching a console. Thread-safe as far as the
 * underlying stream is.
 *
 * <pre>{@code
 * job.awaitCompletion(WaitOptions.builder().listener(new ConsoleProgress()).build());
 * }</pre>
 */
public final class ConsoleProgress implements JobListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final PrintStream out;

    /** Prints to {@link System#out}. */
    public ConsoleProgress() {
        this(System.out);
    }

    /**
     * Prints to a stream.
     *
     * @param out the stream
     */
    public ConsoleProgress(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void onPreflight(ValidationReport report) {
        report.toText().lines().forEach(line -> out.println("  " + line));
    }

    @Override
    public void onDatasetIssue(DatasetIssue issue) {
        out.println("  dataset " + issue);
    }

    @Override
    public void onLifecycleWarning(LifecycleWarning warning) {
        out.println("  WARNING: " + warning.message());
    }

    @Override
    public void onFileUploaded(FileInfo file) {
        out.println("  uploaded " + file.filename() + " (" + file.bytes() + " bytes) as " + file.id());
    }

    @Override
    public void onFileProcessed(FileInfo file) {
        out.println("  " + file.id() + " processed");
    }

    @Override
    public void onJobCreated(JobSnapshot job) {
        out.println("  job " + job.id() + " created on " + job.provider() + " (" + job.rawStatus() + ")");
    }

    @Override
    public void onStatusChanged(JobSnapshot previous, JobSnapshot current) {
        out.println("  status " + previous.rawStatus() + " -> " + current.rawStatus());
    }

    @Override
    public void onEvent(JobEvent event) {
        out.println("  [" + TIME.format(event.createdAt()) + "] " + event.level().name().toLowerCase(java.util.Locale.ROOT)
                + ": " + event.message());
    }

    @Override
    public void onCheckpoint(Checkpoint checkpoint) {
        out.println("  checkpoint at step " + checkpoint.stepNumber() + ": " + checkpoint.modelName());
    }

    @Override
    public void onPollFailed(int consecutiveFailures, FineTuneException error, Duration nextPollIn) {
        out.println("  poll failed (" + consecutiveFailures + " in a row): " + error.getMessage());
    }
}
