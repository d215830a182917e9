package io.github.finetune4j.cli;

import io.github.finetune4j.testkit.EmulatorClock;
import io.github.finetune4j.testkit.FineTuningEmulator;
import io.github.finetune4j.testkit.JobSeed;
import io.github.finetune4j.testkit.RecordedRequest;
import io.github.finetune4j.testkit.SeededJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code finetune migrate} against an emulator that holds an OpenAI account with fine-tunes (seeded) and an Azure
 * resource: the models move to Azure in one command, a killed run picks up where it stopped with exactly one job
 * per model, a run again sends nothing twice, and a model whose training file is gone is reported while the others
 * go on.
 */
class MigrateCommandTest {
    private static final Duration BUDGET = Duration.ofSeconds(120);

    @TempDir
    Path work;
    @TempDir
    Path home;

    private static String resource(String name) {
        try (InputStream in = MigrateCommandTest.class.getResourceAsStream("/migration/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A job with a validation file and one without, as users trained them on OpenAI. */
    private static List<SeededJob> seedTwo(FineTuningEmulator emulator) {
        return List.of(
                emulator.openAi().seedSucceededJob(JobSeed.builder().baseModel("gpt-4o-mini-2024-07-18")
                        .suffix("support").trainingData(resource("support-train.jsonl"))
                        .validationData(resource("support-valid.jsonl")).epochs(3).build()),
                emulator.openAi().seedSucceededJob(JobSeed.builder().baseModel("gpt-4.1-mini-2025-04-14")
                        .suffix("billing").trainingData(resource("billing-train.jsonl")).epochs(2).build()));
    }

    private CliRun cli(FineTuningEmulator emulator) {
        return new CliRun(work, home).env("FINETUNE_EMULATOR_PORT", Integer.toString(emulator.port()))
                .env("FINETUNE_PROVIDER", "emulator");
    }

    @Test
    void migrateAllMovesBothModelsToAzureAndARunAgainSendsNothingTwice() {
        try (FineTuningEmulator emulator = FineTuningEmulator.builder().clock(EmulatorClock.scaled(2000)).start()) {
            List<SeededJob> seeded = seedTwo(emulator);
            CliRun cli = cli(emulator);

            CliRun.Result all = assertTimeoutPreemptively(BUDGET, () -> cli.run("migrate", "all",
                    "--poll-interval", "20ms", "--price", "gpt-4o-mini=0.165,0.66"));
            int before = emulator.recordedRequests().size();
            List<CliRun.Result> again = new ArrayList<>();
            for (String step : List.of("snapshot", "retrain", "compare")) {
                again.add(cli.run("migrate", step, "--poll-interval", "20ms"));
            }
            List<RecordedRequest> sent = emulator.recordedRequests().subList(before,
                    emulator.recordedRequests().size());

            assertThat(all.exit()).as(all.toString()).isZero();
            assertThat(all.out()).contains("Fine-tuning jobs on openai: 2 jobs").contains("Snapshot:")
                    .contains("golden answers 4/4 (validation set)").contains("Retrain:")
                    .contains("retrained as gpt-4o-mini-2024-07-18.ft-").contains("Compare:")
                    .contains("wrote " + work.resolve("migration").resolve("summary.html"));
            assertThat(emulator.azure().jobIds()).hasSize(2);
            assertThat(work.resolve("migration/summary.txt")).content(StandardCharsets.UTF_8)
                    .contains("2 of 2 models compared").contains(seeded.get(0).jobId())
                    .contains(seeded.get(1).jobId());
            again.forEach(r -> assertThat(r.exit()).as(r.toString()).isZero());
            assertThat(again).allSatisfy(r -> assertThat(r.out()).contains("already done"));
            // The local emulator is probed once per command (GET /v1/models); nothing else goes out.
            assertThat(sent).as("requests of the second run").allMatch(r -> r.method().equals("GET")
                    && r.path().equals("/v1/models"));
        }
    }

    @Test
    void aModelWhoseTrainingFileIsGoneIsReportedAndTheOthersGoOn() {
        try (FineTuningEmulator emulator = FineTuningEmulator.builder().clock(EmulatorClock.scaled(2000)).start()) {
            SeededJob gone = emulator.openAi().seedSucceededJob(JobSeed.builder().baseModel("gpt-4o-mini-2024-07-18")
                    .suffix("gone").trainingData(resource("billing-train.jsonl")).deleteTrainingFile().build());
            List<SeededJob> kept = seedTwo(emulator);

            CliRun.Result all = assertTimeoutPreemptively(BUDGET, () -> cli(emulator).run("migrate", "all",
                    "--poll-interval", "20ms"));

            assertThat(all.exit()).as(all.toString()).isEqualTo(1);
            assertThat(all.out()).contains(gone.jobId() + ": training file " + gone.trainingFileId()
                    + " can no longer be downloaded (404 No such File object")
                    .contains("1 model needs attention (see above); the others went on");
            assertThat(emulator.azure().jobIds()).hasSize(2);
            assertThat(work.resolve("migration/summary.txt")).content(StandardCharsets.UTF_8)
                    .contains(kept.get(0).jobId()).contains(kept.get(1).jobId()).contains("2 of 3 models compared");
        }
    }

    @Test
    void dryRunPrintsThePlanAndItsCostAndChangesNothing() {
        try (FineTuningEmulator emulator = FineTuningEmulator.builder().clock(EmulatorClock.scaled(2000)).start()) {
            seedTwo(emulator);

            CliRun.Result plan = cli(emulator).run("migrate", "all", "--dry-run", "--training-price",
                    "gpt-4o-mini=3.30", "--training-price", "gpt-4.1-mini=5.50");

            assertThat(plan.exit()).as(plan.toString()).isZero();
            assertThat(plan.out()).contains("Plan (dry run: nothing is downloaded, started or asked): openai -> "
                    + "azure-openai, 2 models").contains("start one job on azure-openai: gpt-4o-mini-2024-07-18")
                    .contains("Estimated cost: training $0.");
            assertThat(work.resolve("migration")).doesNotExist();
            assertThat(emulator.recordedRequests()).allMatch(r -> r.method().equals("GET"));
        }
    }

    @Test
    void inventoryPrintsTheJobsAsATableOrJson() {
        try (FineTuningEmulator emulator = FineTuningEmulator.builder().clock(EmulatorClock.scaled(2000)).start()) {
            List<SeededJob> seeded = seedTwo(emulator);

            CliRun.Result table = cli(emulator).run("migrate", "inventory");
            CliRun.Result json = cli(emulator).run("migrate", "inventory", "--json");

            assertThat(table.exit()).as(table.toString()).isZero();
            assertThat(table.out()).contains(seeded.get(0).fineTunedModel()).contains("2027-01-14")
                    .contains("Next: finetune migrate snapshot");
            assertThat(json.out()).startsWith("{").contains("\"days_left\"")
                    .contains("\"id\" : \"" + seeded.get(1).jobId() + "\"");
            assertThat(work.resolve("migration/manifest.json")).exists();
        }
    }

    @Test
    void theReadmesOfflineMigrationRunsOnTheLocalEmulator() {
        try (FineTuningEmulator emulator = Projects.fastEmulator()) {
            CliRun cli = Projects.emulatorProject(work, home, emulator);

            CliRun.Result train = assertTimeoutPreemptively(BUDGET, () -> cli.run("train", "--wait"));
            CliRun.Result migrate = assertTimeoutPreemptively(BUDGET, () -> cli.run("migrate", "all"));

            assertThat(train.exit()).as(train.toString()).isZero();
            assertThat(migrate.exit()).as(migrate.toString()).isZero();
            assertThat(migrate.out()).contains("1 of 1 models compared")
                    .contains("golden answers 12/12 (sample of training prompts)");
            assertThat(emulator.azure().jobIds()).hasSize(1);
        }
    }

    /**
     * The command in a child JVM, killed with {@code destroyForcibly} as soon as its first new job exists, then run
     * again: it attaches to what the first run started and finishes, with exactly one job per model.
     */
    @Test
    void migrateAllKilledWhileRetrainingFinishesWhenRunAgainWithExactlyOneJobPerModel() throws Exception {
        // Slow enough (a job takes about a second) that the kill lands while the jobs train.
        try (FineTuningEmulator emulator = FineTuningEmulator.builder().clock(EmulatorClock.scaled(100)).start()) {
            seedTwo(emulator);

            Process first = child(emulator, "first.log");
            Instant deadline = Instant.now().plus(BUDGET);
            while (emulator.azure().jobIds().isEmpty() && Instant.now().isBefore(deadline)) {
                if (first.waitFor(10, TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).as("killed, not finished: " + log("first.log")).isNotZero();
            assertThat(emulator.azure().jobIds()).isNotEmpty();

            Process second = child(emulator, "second.log");
            assertThat(second.waitFor(BUDGET.toSeconds(), TimeUnit.SECONDS)).isTrue();

            assertThat(second.exitValue()).as(log("second.log")).isZero();
            assertThat(emulator.azure().jobIds()).as("one job per model").hasSize(2);
            assertThat(log("second.log")).contains("2 of 2").doesNotContain("Exception");
            assertThat(work.resolve("migration/summary.html")).exists();
        }
    }

    private Process child(FineTuningEmulator emulator, String log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Duser.home=" + home, "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "migrate", "all",
                "--poll-interval", "20ms", "--progress", "plain")
                .directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve(log).toFile());
        pb.environment().put("FINETUNE_EMULATOR_PORT", Integer.toString(emulator.port()));
        pb.environment().put("FINETUNE_PROVIDER", "emulator");
        pb.environment().remove("OPENAI_API_KEY");
        pb.environment().remove("AZURE_OPENAI_API_KEY");
        return pb.start();
    }

    private String log(String name) throws IOException {
        Path file = work.resolve(name);
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no output)";
    }
}
