package io.github.finetune4j.core;

import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.EventLevel;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.core.model.Severity;
import io.github.finetune4j.core.model.TrainingMetrics;
import io.github.finetune4j.core.preflight.ValidationOptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleProgressTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final JobId JOB = JobId.of("ftjob-progress");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final TickingClock clock = new TickingClock(T0);

    @Test
    void twoCheckpointsOfOneStepUnderOneModelNamePrintOneLine() {
        ConsoleProgress progress = ConsoleProgress.builder().out(out).terminal(false).clock(clock).build();
        TrainingMetrics m = metrics(3, 3);

        progress.onCheckpoint(new Checkpoint("org/m-t1000 (adapter)", JOB, T0, "org/m-t1000", 3, m));
        progress.onCheckpoint(new Checkpoint("org/m-t1000 (merged)", JOB, T0, "org/m-t1000", 3, m));
        progress.onCheckpoint(new Checkpoint("org/m-t1000-step-2", JOB, T0, "org/m-t1000-step-2", 2, m));

        assertThat(printed().lines()).containsExactly("  checkpoint at step 3: org/m-t1000",
                "  checkpoint at step 2: org/m-t1000-step-2");
    }

    @Test
    void plainModePrintsAtMostThirtyLinesForAThreeThousandStepJob() {
        ConsoleProgress progress = ConsoleProgress.builder().out(out).terminal(false).clock(clock).build();

        runScriptedJob(progress, 3000);

        String text = printed();
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSizeLessThanOrEqualTo(30);
        assertThat(lines.stream().filter(l -> l.startsWith("  Step "))).hasSize(11);   // first step, then every 10 %
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  Step 3000/3000: training loss=")
                .contains("validation loss=").contains("100%").contains("ETA 0:00"));
        assertThat(lines).contains("  status running -> succeeded");
        assertThat(text.chars().filter(c -> c < 0x20 && c != '\n')).isEmpty();
    }

    @Test
    void plainModeHonoursAnotherPercentStep() {
        ConsoleProgress progress = ConsoleProgress.builder().out(out).terminal(false).plainStepPercent(25)
                .clock(clock).build();

        runScriptedJob(progress, 3000);

        assertThat(printed().lines().filter(l -> l.startsWith("  Step "))).hasSize(5);   // 0, 25, 50, 75, 100 %
    }

    @Test
    void terminalModeRedrawsOneLineThatReachesOneHundredPercentWithLosses() {
        ConsoleProgress progress = ConsoleProgress.builder().out(out).terminal(true).width(100).clock(clock).build();

        runScriptedJob(progress, 3000);

        String text = printed();
        assertThat(text).contains("\r");
        String[] frames = text.split("\r");
        assertThat(frames.length).isGreaterThan(100);                  // redrawn in place, not one line per step
        assertThat(text.split("[\r\n]")).allSatisfy(f -> assertThat(f.length()).isLessThan(100));
        assertThat(text.split("\n")).hasSizeLessThan(20);             // only status and event lines end a line
        String last = Arrays.stream(frames).filter(f -> f.contains("[")).filter(f -> f.contains("/3000"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(last).contains("3000/3000").contains("100%").containsPattern("\\[=+\\] 3000")
                .contains("loss ").contains("val ").contains("ETA 0:00");
        assertThat(text).endsWith("  status running -> succeeded" + System.lineSeparator());
    }

    @Test
    void terminalModePrintsEventsAndStatusChangesAboveTheBarAndRedrawsIt() {
        ConsoleProgress progress = ConsoleProgress.builder().out(out).terminal(true).width(80).clock(clock).build();
        progress.onMetrics(metrics(10, 100));

        progress.onEvent(event("Checkpoint created at step 10", Optional.empty()));

        String text = printed();
        int eventAt = text.indexOf("info: Checkpoint created at step 10");
        assertThat(eventAt).isPositive();
        assertThat(text.substring(0, eventAt)).contains("10/100").endsWith("\r  [10:00:00] ");
        String afterEvent = text.substring(eventAt);
        assertThat(afterEvent).contains(System.lineSeparator() + "\r  [");    // the bar comes back below the line
        assertThat(afterEvent.substring(afterEvent.indexOf(System.lineSeparator()))).contains("10/100");
    }

    @Test
    void elapsedAndEstimateFollowTheObservedStepRate() {
        MutableClock fixed = new MutableClock(T0);
        ConsoleProgress progress = ConsoleProgress.builder().out(out).terminal(false).plainStepPercent(50)
                .clock(fixed).build();
        progress.onJobCreated(snapshot(JobStatus.RUNNING, "running"));   // created at T0
        progress.onMetrics(metrics(1, 100));
        fixed.now = T0.plusSeconds(50);
        progress.onMetrics(metrics(50, 100));

        assertThat(printed()).contains("  Step 50/100: training loss=").contains("(50%, elapsed 0:50, ETA 0:51)");
    }

    @Test
    void eventsAreShownInTheClockZoneAndMetricsEventsOnlyThroughTheProgress() {
        ConsoleProgress progress = ConsoleProgress.builder().out(out).terminal(false)
                .clock(Clock.fixed(T0, ZoneId.of("Europe/Berlin"))).build();

        progress.onEvent(event("Fine-tuning job started", Optional.empty()));
        progress.onEvent(event("Step 1/10: training loss=1.00", Optional.of(metrics(1, 10))));

        assertThat(printed()).isEqualTo("  [11:00:00] info: Fine-tuning job started" + System.lineSeparator());
    }

    @Test
    void controlCharactersFromTheProviderNeverReachTheOutput() {
        ConsoleProgress progress = ConsoleProgress.builder().out(out).terminal(false).clock(clock).build();

        progress.onEvent(event("bad\u001b[2Jtext\rwith\ncontrols", Optional.empty()));
        progress.println("mine\u0007");

        assertThat(printed()).contains("bad [2Jtext with controls").contains("mine ")
                .doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u0007");
    }

    @Test
    void withoutATotalPlainProgressLinesComeAtMostOncePerMinute() {
        MutableClock fixed = new MutableClock(T0);
        ConsoleProgress progress = ConsoleProgress.builder().out(out).terminal(false).clock(fixed).build();

        for (int step = 1; step <= 300; step++) {
            fixed.now = T0.plusSeconds(step);
            progress.onMetrics(new TrainingMetrics(step, 0, Map.of(TrainingMetrics.TRAIN_LOSS, 1.0 / step)));
        }

        assertThat(printed().lines()).hasSize(5).allSatisfy(l -> assertThat(l).startsWith("  Step ")
                .doesNotContain("%"));
    }

    @Test
    void aDatasetWarningAlreadyInThePreflightReportIsNotPrintedTwice() {
        ConsoleProgress progress = ConsoleProgress.builder().out(out).terminal(false).clock(clock).build();
        DatasetIssue few = new DatasetIssue("train.jsonl", 0, "", "few_examples", Severity.WARNING, "only 12");
        DatasetIssue other = new DatasetIssue("validation.jsonl", 3, "", "long_example", Severity.WARNING, "long");
        progress.onPreflight(Dataset.builder().example("q", "a").build().validate(ValidationOptions.builder()
                .baseModel("gpt-4o-mini-2024-07-18").build()).toBuilder().issues(List.of(few)).build());

        progress.onDatasetIssue(few);
        progress.onDatasetIssue(other);

        assertThat(printed()).doesNotContain("dataset train.jsonl").contains("dataset validation.jsonl:3");
    }

    @Test
    void aStreamOtherThanStandardOutputGetsPlainLines() {
        assertThat(new ConsoleProgress(out).isTerminal()).isFalse();
    }

    @Test
    void finishEndsTheBarLineSoTheNextOutputStartsOnAFreshLine() {
        ConsoleProgress progress = ConsoleProgress.builder().out(out).terminal(true).clock(clock).build();
        progress.onMetrics(metrics(3, 10));

        progress.finish();
        progress.finish();

        assertThat(printed()).endsWith(System.lineSeparator()).doesNotEndWith(System.lineSeparator().repeat(2));
    }

    /** A job as the emulator scripts it: created, validated, queued, steps with metrics, checkpoints, done. */
    private void runScriptedJob(ConsoleProgress progress, int steps) {
        JobSnapshot validating = snapshot(JobStatus.VALIDATING_FILES, "validating_files");
        JobSnapshot queued = snapshot(JobStatus.QUEUED, "queued");
        JobSnapshot running = snapshot(JobStatus.RUNNING, "running");
        progress.onJobCreated(validating);
        progress.onEvent(event("Created fine-tuning job: " + JOB, Optional.empty()));
        progress.onEvent(event("Validating training file: file-abc", Optional.empty()));
        progress.onEvent(event("Files validated, moving job to queued state", Optional.empty()));
        progress.onStatusChanged(validating, queued);
        progress.onEvent(event("Fine-tuning job started", Optional.empty()));
        progress.onStatusChanged(queued, running);
        for (int step = 1; step <= steps; step++) {
            TrainingMetrics m = metrics(step, steps);
            JobEvent e = event(String.format(Locale.ROOT, "Step %d/%d: training loss=%.2f", step, steps,
                    m.trainLoss().getAsDouble()), Optional.of(m));
            progress.onEvent(e);
            progress.onMetrics(m);
            if (step % (steps / 3) == 0) {
                progress.onEvent(event("Checkpoint created at step " + step, Optional.empty()));
                progress.onCheckpoint(new Checkpoint("ckpt-" + step, JOB, T0, "ft:m:ckpt-step-" + step, step, m));
            }
        }
        progress.onEvent(event("New fine-tuned model created: ft:m", Optional.empty()));
        progress.onEvent(event("The job has successfully completed", Optional.empty()));
        progress.onStatusChanged(running, snapshot(JobStatus.SUCCEEDED, "succeeded"));
    }

    private static TrainingMetrics metrics(long step, long total) {
        Map<String, Double> values = new HashMap<>();
        values.put(TrainingMetrics.TRAIN_LOSS, 2.0 / (1 + step / 100.0));
        if (step % 10 == 0) {
            values.put(TrainingMetrics.VALID_LOSS, 2.2 / (1 + step / 100.0));
        }
        return new TrainingMetrics(step, total, values);
    }

    private JobEvent event(String message, Optional<TrainingMetrics> metrics) {
        return new JobEvent("ev-" + message.hashCode(), T0, EventLevel.INFO, message, metrics);
    }

    private static JobSnapshot snapshot(JobStatus status, String raw) {
        return JobSnapshot.builder().id(JOB).status(status).rawStatus(raw).provider("openai")
                .baseModel("gpt-4o-mini-2024-07-18").createdAt(T0).trainingFile(FileId.of("file-abc")).build();
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Advances one second on every reading, like a job whose steps take a second each. */
    private static final class TickingClock extends Clock {
        private Instant now;

        TickingClock(Instant start) {
            this.now = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            now = now.plus(Duration.ofSeconds(1));
            return now;
        }
    }

    /** Shows whatever instant the test sets. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
