package io.github.finetune4j.core;

import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.core.model.LifecycleWarning;
import io.github.finetune4j.core.model.TrainingMetrics;
import io.github.finetune4j.core.preflight.ValidationReport;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link JobListener} that shows a job's progress to a person. Thread-safe: all methods synchronize on this
 * instance.
 *
 * <p>On a terminal it keeps <b>one updating line</b> at the bottom: a bar with step/total, percent, elapsed time,
 * the estimated time left and the latest training and validation loss, redrawn in place with a carriage return.
 * Status changes, events, warnings and the pre-flight report are printed as lines above it.
 * <pre>
 *   status queued -&gt; running
 *   [13:02:11] info: Fine-tuning job started
 *   [========&gt;           ] 1234/3000  41%  elapsed 2:13  ETA 3:10  loss 0.842  val 0.901
 * </pre>
 * <p>Elsewhere (a CI log, a file, a pipe) it prints plain lines without any control character: one per status
 * change and event, and at most one progress line per {@link Builder#plainStepPercent(int) N percent} of the steps
 * (10 % by default), so a job of 3,000 steps prints about a dozen progress lines:
 * <pre>
 *   Step 1234/3000: training loss=0.842, validation loss=0.901 (41%, elapsed 2:13, ETA 3:10)
 * </pre>
 * <p>Which of the two it does is decided once, when it is built: by default a terminal is assumed when
 * {@link System#console()} reports one, the output is {@link System#out} and {@code TERM} is not {@code dumb};
 * {@link Builder#terminal(boolean)} decides explicitly. Elapsed time counts from the job's creation when the
 * provider's clock agrees with ours, otherwise from when this listener was built; the estimate comes from the step
 * rate observed by this listener.
 * <pre>{@code
 * job.awaitCompletion(WaitOptions.builder().listener(new ConsoleProgress()).build());
 * ConsoleProgress log = ConsoleProgress.builder().out(System.err).terminal(false).plainStepPercent(5).build();
 * }</pre>
 */
public final class ConsoleProgress implements JobListener {
    /** Default share of the steps between two plain progress lines: 10 percent. */
    public static final int DEFAULT_PLAIN_STEP_PERCENT = 10;
    /** Default width of the terminal line when {@code COLUMNS} is not set: 80 characters. */
    public static final int DEFAULT_WIDTH = 80;
    /** Without a known total, plain progress lines come at most this often. */
    private static final Duration PLAIN_INTERVAL_WITHOUT_TOTAL = Duration.ofMinutes(1);
    /** Redraws of the terminal line closer together than this are skipped (the last step is always drawn). */
    private static final Duration MIN_REDRAW_INTERVAL = Duration.ofMillis(100);
    private static final int MIN_BAR = 10;
    private static final int MAX_BAR = 30;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintStream out;
    private final boolean terminal;
    private final int width;
    private final int plainStepPercent;
    private final Clock clock;
    private final ProgressState state;
    private final Set<DatasetIssue> reported = new HashSet<>();
    private final Set<String> checkpointLines = new HashSet<>();
    private boolean barShown;
    private int barLength;
    private Instant lastRedraw;
    private long plainBucket = -1;
    private long plainPrintedStep;
    private Instant plainLastLine;

    /** Prints to {@link System#out}, as a terminal line when standard output is a terminal. */
    public ConsoleProgress() {
        this(builder());
    }

    /**
     * Prints to a stream: as a terminal line only when the stream is {@link System#out} and that is a terminal,
     * otherwise as plain lines.
     *
     * @param out the stream
     */
    public ConsoleProgress(PrintStream out) {
        this(builder().out(out));
    }

    private ConsoleProgress(Builder b) {
        this.out = b.out;
        this.terminal = b.terminal != null ? b.terminal : b.out == System.out && ConsoleDetection.isTerminal();
        this.width = b.width > 0 ? b.width : ConsoleDetection.columns(DEFAULT_WIDTH);
        this.plainStepPercent = b.plainStepPercent;
        this.clock = b.clock;
        this.state = new ProgressState(clock.instant());
    }

    /**
     * Starts a builder: {@link System#out}, terminal detected, width from {@code COLUMNS} (else 80), a plain line
     * every 10 %, the system clock.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Tells whether this listener draws an updating line (terminal) or prints plain lines.
     *
     * @return true for the terminal display
     */
    public boolean isTerminal() {
        return terminal;
    }

    /**
     * Prints a line of the caller's own above the progress line (or as a plain line), for example a message that
     * waiting stopped. Control characters in the text are replaced by spaces.
     *
     * @param text the line
     */
    public synchronized void println(String text) {
        line(Objects.requireNonNull(text, "text"));
    }

    /**
     * Ends the progress line on a terminal, so that whatever is printed next starts on a fresh line. Does nothing
     * in plain mode or when no progress line is shown.
     */
    public synchronized void finish() {
        if (barShown) {
            out.print(System.lineSeparator());
            out.flush();
            barShown = false;
            barLength = 0;
        }
    }

    @Override
    public synchronized void onPreflight(ValidationReport report) {
        report.toText().lines().forEach(l -> line("  " + l));
        reported.addAll(report.issues());
    }

    @Override
    public synchronized void onDatasetIssue(DatasetIssue issue) {
        if (!reported.contains(issue)) {              // the pre-flight report above already lists it
            line("  dataset " + issue);
        }
    }

    @Override
    public synchronized void onLifecycleWarning(LifecycleWarning warning) {
        line("  WARNING: " + warning.message());
    }

    @Override
    public synchronized void onProviderEstimate(io.github.finetune4j.core.preflight.ProviderEstimate estimate) {
        line("  " + estimate.toText());
    }

    @Override
    public synchronized void onFileUploaded(FileInfo file) {
        line("  uploaded " + file.filename() + " (" + file.bytes() + " bytes) as " + file.id());
    }

    @Override
    public synchronized void onFileReused(FileInfo file) {
        line("  " + file.filename() + " is already uploaded as " + file.id() + ": not sent again");
    }

    @Override
    public synchronized void onFileProcessed(FileInfo file) {
        line("  " + file.id() + " processed");
    }

    @Override
    public synchronized void onJobCreated(JobSnapshot job) {
        state.jobCreatedAt(job.createdAt());
        line("  job " + job.id() + " created on " + job.provider() + " (" + job.rawStatus() + ")");
    }

    @Override
    public synchronized void onJobReused(JobSnapshot job) {
        state.jobCreatedAt(job.createdAt());
        line("  job " + job.id() + " of an earlier run found again on " + job.provider() + " (" + job.rawStatus()
                + "): nothing uploaded or created twice");
    }

    @Override
    public synchronized void onDuplicateJobCancelled(JobSnapshot cancelled, JobSnapshot kept) {
        line("  WARNING: job " + cancelled.id() + " was created twice by a late request; cancelled it, keeping "
                + kept.id());
    }

    @Override
    public synchronized void onStatusChanged(JobSnapshot previous, JobSnapshot current) {
        state.jobCreatedAt(current.createdAt());
        if (current.status() == JobStatus.SUCCEEDED && state.hasTotal()) {
            state.completed();
            progressChanged(true);
        }
        if (current.isTerminal()) {
            if (!terminal && state.step() > plainPrintedStep && state.step() > 0) {
                plainLine();
            }
            finish();
        }
        line("  status " + previous.rawStatus() + " -> " + current.rawStatus());
    }

    @Override
    public synchronized void onEvent(JobEvent event) {
        if (event.metrics().isPresent()) {
            return;                        // shown by the progress line (onMetrics), not as a line of its own
        }
        line("  [" + TIME.format(event.createdAt().atZone(clock.getZone())) + "] "
                + event.level().name().toLowerCase(Locale.ROOT) + ": " + event.message());
    }

    @Override
    public synchronized void onMetrics(TrainingMetrics metrics) {
        state.update(metrics, clock.instant());
        progressChanged(false);
    }

    @Override
    public synchronized void onCheckpoint(Checkpoint checkpoint) {
        String text = "  checkpoint at step " + checkpoint.stepNumber() + ": " + checkpoint.modelName();
        // Two checkpoints of one step under one model name (Together's adapter and merged weights) read as one.
        if (checkpointLines.add(text)) {
            line(text);
        }
    }

    @Override
    public synchronized void onPollFailed(int consecutiveFailures, FineTuneException error, Duration nextPollIn) {
        line("  poll failed (" + consecutiveFailures + " in a row, next in " + ProgressText.duration(nextPollIn) + "): "
                + error.getMessage());
    }

    private void progressChanged(boolean force) {
        if (terminal) {
            Instant now = clock.instant();
            boolean last = state.hasTotal() && state.step() >= state.totalSteps();
            if (force || last || lastRedraw == null || !now.isBefore(lastRedraw.plus(MIN_REDRAW_INTERVAL))) {
                lastRedraw = now;
                drawBar();
            }
            return;
        }
        if (state.hasTotal()) {
            long bucket = state.percent() / plainStepPercent;
            if (bucket > plainBucket) {
                plainBucket = bucket;
                plainLine();
            }
        } else {
            Instant now = clock.instant();
            if (plainLastLine == null || !now.isBefore(plainLastLine.plus(PLAIN_INTERVAL_WITHOUT_TOTAL))) {
                plainLine();
            }
        }
    }

    private void plainLine() {
        Instant now = clock.instant();
        plainPrintedStep = state.step();
        plainLastLine = now;
        StringBuilder s = new StringBuilder("  Step ").append(state.step());
        if (state.hasTotal()) {
            s.append('/').append(state.totalSteps());
        }
        s.append(':');
        state.trainLoss().ifPresent(v -> s.append(" training loss=").append(ProgressText.loss(v)));
        state.validLoss().ifPresent(v -> s.append(state.trainLoss().isPresent() ? ", " : " ")
                .append("validation loss=").append(ProgressText.loss(v)));
        s.append(" (");
        if (state.hasTotal()) {
            s.append(state.percent()).append("%, ");
        }
        s.append("elapsed ").append(ProgressText.duration(state.elapsed(now)));
        if (state.hasTotal()) {
            s.append(", ETA ").append(state.eta());
        }
        s.append(')');
        out.println(ProgressText.clean(s.toString()));
        out.flush();
    }

    private void drawBar() {
        String counts = state.hasTotal() ? state.step() + "/" + state.totalSteps() + "  "
                + String.format(Locale.ROOT, "%3d%%", state.percent()) : "step " + state.step();
        StringBuilder tail = new StringBuilder(" ").append(counts).append("  elapsed ")
                .append(ProgressText.duration(state.elapsed(clock.instant())));
        if (state.hasTotal()) {
            tail.append("  ETA ").append(state.eta());
        }
        state.trainLoss().ifPresent(v -> tail.append("  loss ").append(ProgressText.loss(v)));
        state.validLoss().ifPresent(v -> tail.append("  val ").append(ProgressText.loss(v)));
        int room = width - 1 - 2 - 2 - tail.length();          // indent, brackets, one column spare
        String text;
        if (state.hasTotal() && room >= MIN_BAR) {
            text = "  [" + bar(Math.min(MAX_BAR, room)) + "]" + tail;
        } else {
            text = " " + tail;
        }
        if (text.length() > width - 1) {
            text = text.substring(0, Math.max(0, width - 1));
        }
        StringBuilder s = new StringBuilder("\r").append(text);
        for (int i = text.length(); i < barLength; i++) {
            s.append(' ');
        }
        out.print(s);
        out.flush();
        barShown = true;
        barLength = text.length();
    }

    private String bar(int cells) {
        int filled = (int) Math.min(cells, state.step() * cells / state.totalSteps());
        StringBuilder b = new StringBuilder(cells);
        for (int i = 0; i < cells; i++) {
            b.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        return b.toString();
    }

    private void line(String text) {
        String clean = ProgressText.clean(text);
        if (barShown) {
            StringBuilder s = new StringBuilder("\r").append(clean);
            for (int i = clean.length(); i < barLength; i++) {
                s.append(' ');
            }
            out.print(s);
            out.print(System.lineSeparator());
            barShown = false;
            barLength = 0;
            drawBar();
        } else {
            out.println(clean);
            out.flush();
        }
    }

    /** Builds a {@link ConsoleProgress}. Not thread-safe. */
    public static final class Builder {
        private PrintStream out = System.out;
        private Boolean terminal;
        private int width;
        private int plainStepPercent = DEFAULT_PLAIN_STEP_PERCENT;
        private Clock clock = Clock.systemDefaultZone();

        private Builder() {
        }

        /**
         * Sets where to print. Default {@link System#out}.
         *
         * @param out the stream
         * @return this builder
         */
        public Builder out(PrintStream out) {
            this.out = Objects.requireNonNull(out, "out");
            return this;
        }

        /**
         * Decides between the updating terminal line and plain lines. Default: a terminal when the output is
         * {@link System#out}, {@link System#console()} reports a terminal and {@code TERM} is not {@code dumb}.
         *
         * @param terminal true for the terminal line, false for plain lines
         * @return this builder
         */
        public Builder terminal(boolean terminal) {
            this.terminal = terminal;
            return this;
        }

        /**
         * Sets the width of the terminal line. Default: the {@code COLUMNS} environment variable, else 80.
         *
         * @param columns at least 20
         * @return this builder
         * @throws IllegalArgumentException if less than 20
         */
        public Builder width(int columns) {
            if (columns < 20) {
                throw new IllegalArgumentException("width must be at least 20: " + columns);
            }
            this.width = columns;
            return this;
        }

        /**
         * Sets how much progress (in percent of the steps) lies between two plain progress lines. Default 10.
         *
         * @param percent 1 to 100
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder plainStepPercent(int percent) {
            if (percent < 1 || percent > 100) {
                throw new IllegalArgumentException("plainStepPercent must be 1 to 100: " + percent);
            }
            this.plainStepPercent = percent;
            return this;
        }

        /**
         * Sets the clock for elapsed time, the estimate, redraw pacing and the zone of event times. Default: the
         * system clock in the default time zone.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the listener.
         *
         * @return the listener
         */
        public ConsoleProgress build() {
            return new ConsoleProgress(this);
        }
    }
}
