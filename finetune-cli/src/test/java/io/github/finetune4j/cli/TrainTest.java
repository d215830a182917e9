package io.github.finetune4j.cli;

import io.github.finetune4j.testkit.FineTuningEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class TrainTest {
    private static final Pattern STEP = Pattern.compile("^  Step (\\d+)/(\\d+): training loss=\\d\\.\\d{3}.*\\((\\d+)%");

    @TempDir
    Path work;
    @TempDir
    Path home;

    private FineTuningEmulator emulator;
    private CliRun cli;

    @BeforeEach
    void project() {
        emulator = Projects.fastEmulator();
        cli = Projects.openAiProject(work, home, emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void trainWithoutWaitStartsTheJobAndSaysHowToFollowIt() {
        CliRun.Result r = cli.run("train");

        assertThat(r.exit()).as(r.toString()).isZero();
        Golden.check("train", Golden.normalize(r.out(), work));
        assertThat(cli.read("finetune.state.json")).contains("\"job\" : \"ftjob-");
    }

    @Test
    void trainWaitFollowsTheJobToTheFineTunedModel() {
        CliRun.Result r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> cli.run("train", "--wait"));

        assertThat(r.exit()).as(r.toString()).isZero();
        List<String> lines = r.outLines();
        List<String> steps = lines.stream().filter(l -> l.startsWith("  Step ")).collect(Collectors.toList());
        assertThat(steps).isNotEmpty().hasSizeLessThanOrEqualTo(11);
        int lastStep = 0;
        for (String step : steps) {
            Matcher m = STEP.matcher(step);
            assertThat(m.find()).as(step).isTrue();
            assertThat(Integer.parseInt(m.group(1))).isGreaterThan(lastStep);
            lastStep = Integer.parseInt(m.group(1));
        }
        assertThat(steps.get(steps.size() - 1)).startsWith("  Step 36/36: training loss=").contains("(100%");
        // Which statuses a poll sees depends on timing (a fast job may go from validating_files to succeeded).
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  status ").endsWith(" -> succeeded"));
        assertThat(lines.get(lines.size() - 2)).startsWith("Fine-tuned model: ft:gpt-4o-mini-2024-07-18:emulator:t1000:");
        assertThat(r.out().chars().filter(c -> c < 0x20 && c != '\n')).as("control characters").isEmpty();
        // Everything but the lines whose position depends on the timing of the polls:
        String stable = lines.stream().filter(l -> !l.startsWith("  Step ") && !l.startsWith("  status ")
                        && !l.startsWith("  checkpoint at step "))
                .collect(Collectors.joining("\n", "", "\n"));
        Golden.check("train-wait", Golden.normalize(stable, work));
    }

    @Test
    void onATerminalTheProgressIsOneLineRedrawnInPlace() {
        CliRun.Result r = cli.terminal(true).run("train", "--wait");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("\r  [").containsPattern("\\[=+] 36/36  100%").contains("loss 0.")
                .doesNotContain("  Step ");
    }

    @Test
    void runningTrainAgainReattachesToTheSameJob() {
        CliRun.Result first = cli.run("train", "--wait");
        CliRun.Result second = cli.run("train", "--wait");
        CliRun.Result third = cli.run("train");

        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(second.exit()).as(second.toString()).isZero();
        assertThat(second.out()).contains("Re-attaching to job " + jobIds().get(0))
                .doesNotContain("uploaded").contains("Fine-tuned model: ");
        assertThat(third.out()).contains("has finished. Fine-tuned model: ft:");
        assertThat(jobIds()).hasSize(1);
        assertThat(emulatorFiles()).hasSize(2);                       // the training file and the result file
    }

    @Test
    void aLostStateFileStillFindsTheJobByItsKeyInTheMetadata() throws IOException {
        cli.run("train");
        Files.delete(work.resolve("finetune.state.json"));

        CliRun.Result again = cli.run("train", "--wait");

        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Found job " + jobIds().get(0) + ", created by an earlier run");
        assertThat(jobIds()).hasSize(1);
    }

    @Test
    void newStartsASecondJobAndLaterRunsFollowThatOne() {
        cli.run("train", "--wait");
        CliRun.Result fresh = cli.run("train", "--new");
        CliRun.Result after = cli.run("train");

        assertThat(jobIds()).hasSize(2);
        String newest = jobIds().get(0);
        assertThat(fresh.out()).contains("created on openai");
        assertThat(after.out()).contains("Re-attaching to job " + newest);
    }

    @Test
    void changedDataIsANewRun() {
        cli.run("train");
        cli.write("data/train.jsonl", cli.read("data/train.jsonl").replace("zwei Jahre", "drei Jahre"));

        CliRun.Result r = cli.run("train");

        assertThat(r.out()).contains("uploaded train-");
        assertThat(jobIds()).hasSize(2);
    }

    @Test
    void aFailedJobEndsWithItsReasonAndARerunDoesNotStartAnother() {
        emulator.faults().failNextJob(5, "server_error", "The job failed due to an internal error.");

        CliRun.Result r = cli.run("train", "--wait");
        CliRun.Result again = cli.run("train", "--wait");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).matches("finetune: job ftjob-\\w+ failed: server_error: The job failed due to an "
                + "internal error\\.\n");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("failed: server_error").contains("run `finetune train --new`");
        assertThat(jobIds()).hasSize(1);
    }

    @Test
    void piiFailStopsTheRunBeforeAnythingIsUploaded() {
        cli.write("data/train.jsonl", cli.read("data/train.jsonl").replace("Online-Shop",
                "Online-Shop oder bei max.mustermann@example.com"));

        CliRun.Result r = cli.run("train", "--pii", "fail");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("nothing was uploaded").doesNotContain("max.mustermann@example.com");
        assertThat(emulatorFiles()).isEmpty();
    }

    @Test
    void interruptingTheWaitSaysTheJobKeepsRunningAndHowToReattach() throws Exception {
        io.github.finetune4j.testkit.EmulatorClock clock = io.github.finetune4j.testkit.EmulatorClock.manual();
        try (FineTuningEmulator still = Projects.manualEmulator(clock)) {
            CliRun project = Projects.openAiProject(work.resolve("p"), home, still);
            PipedInputStream pipe = new PipedInputStream(64 * 1024);
            PrintStream out = new PrintStream(new PipedOutputStream(pipe), true, StandardCharsets.UTF_8);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CliContext ctx = new CliContext(Map.of("OPENAI_API_KEY", still.apiKey(), "OPENAI_BASE_URL",
                    still.baseUrl()), out, new PrintStream(err, true, StandardCharsets.UTF_8),
                    new ByteArrayInputStream(new byte[0]), project.workDir(), home, Optional.of(false),
                    Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC));
            Thread[] runner = new Thread[1];
            CompletableFuture<Integer> exit = new CompletableFuture<>();
            runner[0] = new Thread(() -> {
                exit.complete(Cli.run(ctx, "train", "--wait"));
                out.close();
            });
            runner[0].start();
            BufferedReader lines = new BufferedReader(new InputStreamReader(pipe, StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                String line;
                while ((line = lines.readLine()) != null) {
                    seen.append(line).append('\n');
                    if (line.contains(" created on openai")) {
                        runner[0].interrupt();                   // what Ctrl-C does to a waiting program
                        break;
                    }
                }
                while ((line = lines.readLine()) != null) {
                    seen.append(line).append('\n');
                }
            });

            assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(Cli.INTERRUPTED);
            String id = still.recordedRequests().isEmpty() ? "" : jobIdsOf(project).get(0);
            assertThat(seen.toString()).contains("Stopped waiting. Job " + id + " keeps running on openai; "
                    + "nothing was cancelled.").contains("Re-attach with: finetune watch " + id);
            assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("finetune: interrupted\n");
            assertThat(jobIdsOf(project)).hasSize(1);
        }
    }

    private List<String> jobIds() {
        return jobIdsOf(cli);
    }

    private static List<String> jobIdsOf(CliRun project) {
        CliRun.Result list = project.run("list", "--json");
        assertThat(list.exit()).as(list.toString()).isZero();
        return list.outLines().stream().map(l -> l.replaceAll(".*\"id\":\"(ftjob-[^\"]+)\".*", "$1"))
                .collect(Collectors.toList());
    }

    private List<String> emulatorFiles() {
        return cli.run("files", "--json").outLines();
    }
}
