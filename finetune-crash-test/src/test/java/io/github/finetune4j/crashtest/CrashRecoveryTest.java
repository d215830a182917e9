package io.github.finetune4j.crashtest;

import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.testkit.Fault;
import io.github.finetune4j.testkit.FineTuningEmulator;
import io.github.finetune4j.testkit.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a program that trains a model (a child JVM running {@link TrainingProgram}) at each point where a crash
 * could cost a second job or leave a file behind, then runs the same program again, as a user would. Whatever the
 * point, the account must end with exactly one job, trained, and every file on it used by that job (training file
 * or result file).
 *
 * <p>Each kill point runs {@code crash.runs} times (1 in the default build, 5 in the {@code crash} profile), each
 * time against a fresh emulator.
 */
class CrashRecoveryTest {
    private static final int RUNS = Integer.getInteger("crash.runs", 1);
    private static final Duration CHILD_BOUND = Duration.ofSeconds(90);
    /** How long a delayed create request takes to land: less than the child's landing window (2 s + 5 s). */
    private static final int LATE_SECONDS = 5;
    private static final Duration KILL_POINT_BOUND = Duration.ofSeconds(60);
    private static final Pattern SUCCEEDED = Pattern.compile("(?m)^SUCCEEDED (\\S+)$");
    private static final Pattern REUSED = Pattern.compile("(?m)^JOB (\\S+) reused$");
    private static final Pattern JOB_POLL = Pattern.compile("/v1/fine_tuning/jobs/ftjob-[^/]+");
    private static final Pattern PART = Pattern.compile("/v1/uploads/([^/]+)/parts");

    @TempDir
    Path dir;

    private final FineTuningEmulator emulator = Emulators.start();
    private final List<ChildJvm> children = new ArrayList<>();

    @AfterEach
    void stop() {
        children.stream().filter(ChildJvm::isAlive).forEach(ChildJvm::kill);
        emulator.close();
    }

    static Stream<Integer> runs() {
        return IntStream.rangeClosed(1, RUNS).boxed();
    }

    /** The job exists on the provider, its id is on its way back: the program dies before it learns it. */
    @ParameterizedTest(name = "run {0}")
    @MethodSource("runs")
    void crashWhileTheCreateResponseIsInFlight(int run) {
        Path data = TrainingData.write(dir.resolve("t1000.jsonl"), 0, "create-in-flight " + run);
        emulator.faults().inject(Fault.lateResponse(Duration.ofSeconds(60)).onMethod("POST")
                .onPath("/fine_tuning/jobs"));
        ChildJvm first = launch("first", data);

        Waiting.until("the job is created", KILL_POINT_BOUND, () -> !emulator.openAi().jobIds().isEmpty(),
                first::describe);
        first.kill();

        assertRerunTrainsOneJobAndLeavesNoOrphan(data, first);
    }

    /** The program learnt the job's id but died before it could write it anywhere. */
    @ParameterizedTest(name = "run {0}")
    @MethodSource("runs")
    void crashAtTheJobCreatedCallback(int run) {
        Path data = TrainingData.write(dir.resolve("t1000.jsonl"), 0, "job-created " + run);
        ChildJvm first = launch("first", data, "--halt-at", "job-created");

        assertThat(first.awaitExit(CHILD_BOUND)).as(first.describe()).isEqualTo(TrainingProgram.HALTED);

        assertRerunTrainsOneJobAndLeavesNoOrphan(data, first);
    }

    /** The file is uploaded and processed, no job exists yet: the rerun must use that file, not upload another. */
    @ParameterizedTest(name = "run {0}")
    @MethodSource("runs")
    void crashBetweenUploadAndCreate(int run) {
        Path data = TrainingData.write(dir.resolve("t1000.jsonl"), 0, "upload-create " + run);
        ChildJvm first = launch("first", data, "--halt-at", "file-processed");

        assertThat(first.awaitExit(CHILD_BOUND)).as(first.describe()).isEqualTo(TrainingProgram.HALTED);
        assertThat(emulator.openAi().jobIds()).isEmpty();
        assertThat(emulator.openAi().fileIds()).hasSize(1);

        assertRerunTrainsOneJobAndLeavesNoOrphan(data, first);
    }

    /** The job trains and the program polls it: the rerun must wait for that job, not start another. */
    @ParameterizedTest(name = "run {0}")
    @MethodSource("runs")
    void crashWhileAwaiting(int run) {
        Path data = TrainingData.write(dir.resolve("t1000.jsonl"), 0, "await " + run);
        ChildJvm first = launch("first", data);

        Waiting.until("three polls of the job", KILL_POINT_BOUND, () -> polls() >= 3 || !first.isAlive(),
                first::describe);
        first.kill();
        assertThat(first.stdout()).as("killed while awaiting, not after\n%s", first.describe())
                .contains(" created").doesNotContain("SUCCEEDED");
        assertThat(emulator.openAi().jobIds()).hasSize(1);

        assertRerunTrainsOneJobAndLeavesNoOrphan(data, first);
    }

    /**
     * A large file goes up in parts; the program dies with a part in flight (the emulator holds it). The rerun, with
     * the same upload state directory, must resume that upload (not create another), and the file must arrive byte
     * for byte.
     */
    @ParameterizedTest(name = "run {0}")
    @MethodSource("runs")
    void crashDuringAnUploadPart(int run) throws java.io.IOException {
        Path data = TrainingData.write(dir.resolve("t1000-large.jsonl"), 3_000_000, "upload-part " + run);
        String[] large = {"--large", "1000000:65536"};
        ChildJvm first = launch("first", data, large);

        Waiting.until("two upload parts", KILL_POINT_BOUND, () -> partPaths().size() >= 2, first::describe);
        String partsPath = partPaths().get(0);
        emulator.faults().inject(Fault.hang(Duration.ofSeconds(60)).onPath(partsPath));
        Waiting.until("a part is held", KILL_POINT_BOUND,
                () -> emulator.faults().pending() == 0 || !first.isAlive(), first::describe);
        assertThat(emulator.faults().pending()).as("the upload ended before a part could be held\n%s",
                first.describe()).isZero();
        first.kill();
        assertThat(emulator.openAi().fileIds()).isEmpty();

        String jobId = assertRerunTrainsOneJobAndLeavesNoOrphan(data, first, large);

        assertThat(requests("POST", "/v1/uploads")).as("uploads created: the rerun resumes the first").isEqualTo(1);
        long parts = (Files.size(data) + 65_535) / 65_536;
        assertThat(partPaths()).as("parts sent by both runs: each once, the one in flight at the kill twice")
                .hasSizeBetween((int) parts, (int) parts + 1);
        JobSnapshot job = Ledger.of(emulator).jobs().get(0);
        assertThat(job.id().value()).isEqualTo(jobId);
        assertThat(emulator.openAi().fileSha256(job.trainingFile().value())).isEqualTo(TrainingData.sha256(data));
        assertThat(stateFiles()).as("upload state left behind").isEmpty();
    }

    /** The file is stored, its id is on its way back: the rerun must find it instead of uploading it again. */
    @ParameterizedTest(name = "run {0}")
    @MethodSource("runs")
    void crashWhileTheUploadResponseIsInFlight(int run) {
        Path data = TrainingData.write(dir.resolve("t1000.jsonl"), 0, "upload-in-flight " + run);
        emulator.faults().inject(Fault.lateResponse(Duration.ofSeconds(60)).onMethod("POST").onPath("/files"));
        ChildJvm first = launch("first", data);

        Waiting.until("the file is stored", KILL_POINT_BOUND, () -> !emulator.openAi().fileIds().isEmpty(),
                first::describe);
        first.kill();

        assertRerunTrainsOneJobAndLeavesNoOrphan(data, first);
    }

    /**
     * The create request is on its way (held in the network, it lands {@value #LATE_SECONDS} s later, within the
     * client's landing window of request timeout + 5 s) when the program dies; the rerun starts at once. Whatever
     * the rerun does, once the late request has landed at most one job may train.
     */
    @ParameterizedTest(name = "run {0}")
    @MethodSource("runs")
    void crashWhileTheCreateRequestIsDelayedInTheNetwork(int run) {
        Path data = TrainingData.write(dir.resolve("t1000.jsonl"), 0, "create-delayed " + run);
        emulator.faults().inject(Fault.lateArrival(Duration.ofSeconds(LATE_SECONDS)).onMethod("POST")
                .onPath("/fine_tuning/jobs"));
        ChildJvm first = launch("first", data);

        // Held with its body received: the request is in the network and will land, whatever happens to the client.
        Waiting.until("the create request is held", KILL_POINT_BOUND, () -> emulator.faults().held() == 1,
                first::describe);
        first.kill();
        assertThat(emulator.openAi().jobIds()).isEmpty();

        ChildJvm second = launch("second", data);
        int exit = second.awaitExit(CHILD_BOUND);
        String both = first.describe() + second.describe();
        assertThat(exit).as(both).isEqualTo(TrainingProgram.OK);
        // The held request lands in any case: a job of its own, or the one the rerun found and reused.
        Waiting.until("the delayed create has landed", KILL_POINT_BOUND,
                () -> REUSED.matcher(second.stdout()).find() || emulator.openAi().jobIds().size() >= 2, () -> both);
        Ledger ledger = Ledger.of(emulator);
        assertThat(ledger.billable()).as("jobs that train: %s\n%s", ledger.describe(), both).hasSize(1);
        assertThat(ledger.orphans()).as("files no job uses: %s\n%s", ledger.describe(), both).isEmpty();
    }

    private String assertRerunTrainsOneJobAndLeavesNoOrphan(Path data, ChildJvm first, String... extra) {
        List<String> jobsBefore = emulator.openAi().jobIds();
        ChildJvm second = launch("second", data, extra);
        int exit = second.awaitExit(CHILD_BOUND);
        String both = first.describe() + second.describe();
        assertThat(exit).as(both).isEqualTo(TrainingProgram.OK);
        Matcher succeeded = SUCCEEDED.matcher(second.stdout());
        assertThat(succeeded.find()).as(both).isTrue();
        String jobId = succeeded.group(1);
        if (!jobsBefore.isEmpty()) {
            assertThat(second.stdout()).as("the first run's job is reused\n%s", both)
                    .contains("JOB " + jobsBefore.get(0) + " reused");
        }

        Ledger ledger = Ledger.of(emulator);
        assertThat(ledger.jobs()).as("exactly one job: %s\n%s", ledger.describe(), both).hasSize(1);
        assertThat(ledger.jobs().get(0).id().value()).isEqualTo(jobId);
        assertThat(ledger.jobs().get(0).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(ledger.orphans()).as("files no job uses: %s\n%s", ledger.describe(), both).isEmpty();
        return jobId;
    }

    private ChildJvm launch(String name, Path data, String... extra) {
        List<String> args = new ArrayList<>(List.of("--data", data.toString(), "--state",
                dir.resolve("upload-state").toString()));
        args.addAll(List.of(extra));
        ChildJvm child = ChildJvm.start(name, TrainingProgram.class, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"),
                args, Map.of("OPENAI_BASE_URL", emulator.baseUrl(), "OPENAI_API_KEY", emulator.apiKey()), dir);
        children.add(child);
        return child;
    }

    private long polls() {
        return emulator.recordedRequests().stream()
                .filter(r -> r.method().equals("GET") && JOB_POLL.matcher(r.path()).matches()).count();
    }

    private List<String> partPaths() {
        return emulator.recordedRequests().stream()
                .filter(r -> r.method().equals("POST") && PART.matcher(r.path()).matches())
                .map(RecordedRequest::path).toList();
    }

    private long requests(String method, String path) {
        return emulator.recordedRequests().stream().filter(r -> r.method().equals(method) && r.path().equals(path))
                .count();
    }

    private List<Path> stateFiles() {
        Path state = dir.resolve("upload-state");
        if (!Files.isDirectory(state)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(state)) {
            return files.toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
