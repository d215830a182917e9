package io.github.finetune4j.crashtest;

import io.github.finetune4j.testkit.Fault;
import io.github.finetune4j.testkit.FineTuningEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads in parts (the Uploads API) from a child JVM with a small heap while the emulator fails parts: a 503 on
 * one part and a server restart in the middle of another must cost a retry of that part, not the upload, and the
 * file must arrive byte for byte; a part that keeps failing must end with the upload cancelled and nothing left on
 * the account. The 300 MiB variant (64 MiB parts, the defaults) runs in the {@code crash} profile.
 */
class UploadFaultsTest {
    private static final Pattern UPLOADED = Pattern.compile("(?m)^UPLOADED (\\S+)$");
    private static final Pattern PART = Pattern.compile("/v1/uploads/([^/]+)/parts");
    private static final Duration BOUND = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    private final FineTuningEmulator emulator = Emulators.start();
    private final List<ChildJvm> children = new ArrayList<>();

    @AfterEach
    void stop() {
        children.stream().filter(ChildJvm::isAlive).forEach(ChildJvm::kill);
        emulator.close();
    }

    @Test
    void fourMegabytesInSmallPartsSurviveA503AndAServerRestartByteForByte() {
        Path data = TrainingData.write(dir.resolve("t1000-4mb.jsonl"), 4_000_000, "small parts");

        uploadThroughFaults(data, "-Xmx128m", "--large", "1000000:65536");
    }

    @Tag("crash-long")
    @Test
    void threeHundredMebibytesInDefaultPartsSurviveA503AndAServerRestartByteForByteIn128MegabytesOfHeap() {
        Path data = TrainingData.write(dir.resolve("t1000-300mib.jsonl"), 300L * 1024 * 1024, "300 MiB");

        uploadThroughFaults(data, "-Xmx128m");
    }

    @Test
    void anUploadWhosePartKeepsFailingIsCancelledAndLeavesNothing() {
        Path data = TrainingData.write(dir.resolve("t1000-4mb.jsonl"), 4_000_000, "cancelled");
        ChildJvm child = launch(data, "-Xmx128m", "--large", "1000000:262144");
        String partsPath = firstPartsPath(child);
        // More cuts than the client's three attempts.
        emulator.faults().inject(Fault.restartServer().onPath(partsPath).times(5));

        int exit = child.awaitExit(BOUND);

        assertThat(exit).as(child.describe()).isEqualTo(TrainingProgram.FAILED);
        assertThat(child.stdout()).as(child.describe()).contains("openai: POST http://127.0.0.1:")
                .contains("/parts");
        String uploadId = partsPath.split("/")[3];
        assertThat(emulator.recordedRequests()).as("the upload is cancelled")
                .anyMatch(r -> r.method().equals("POST") && r.path().equals("/v1/uploads/" + uploadId + "/cancel"));
        assertThat(emulator.openAi().fileIds()).as("files left").isEmpty();
        assertThat(stateFiles()).as("upload state left").isEmpty();
    }

    private void uploadThroughFaults(Path data, String heap, String... large) {
        ChildJvm child = launch(data, heap, large);
        String partsPath = firstPartsPath(child);
        emulator.faults().inject(Fault.status(503).onPath(partsPath));
        Waiting.until("a part answered 503", BOUND, () -> emulator.faults().pending() == 0 || !child.isAlive(),
                child::describe);
        emulator.faults().inject(Fault.restartServer().onPath(partsPath));
        Waiting.until("a part cut by a restart", BOUND, () -> emulator.faults().pending() == 0 || !child.isAlive(),
                child::describe);

        int exit = child.awaitExit(BOUND);

        assertThat(emulator.faults().pending()).as("both faults met a part\n%s", child.describe()).isZero();
        assertThat(exit).as(child.describe()).isEqualTo(TrainingProgram.OK);
        Matcher uploaded = UPLOADED.matcher(child.stdout());
        assertThat(uploaded.find()).as(child.describe()).isTrue();
        String fileId = uploaded.group(1);
        assertThat(emulator.openAi().fileIds()).as("files on the account").containsExactly(fileId);
        assertThat(emulator.openAi().fileSha256(fileId)).isEqualTo(TrainingData.sha256(data));
        assertThat(emulator.recordedRequests().stream().filter(r -> r.method().equals("POST")
                && r.path().equals("/v1/uploads"))).as("uploads created").hasSize(1);
        assertThat(stateFiles()).as("upload state left").isEmpty();
    }

    /** Waits for the first part of the child's upload and returns the path parts are posted to. */
    private String firstPartsPath(ChildJvm child) {
        Waiting.until("the first upload part", BOUND, () -> !partPaths().isEmpty() || !child.isAlive(),
                child::describe);
        assertThat(partPaths()).as(child.describe()).isNotEmpty();
        return partPaths().get(0);
    }

    private ChildJvm launch(Path data, String heap, String... extra) {
        List<String> args = new ArrayList<>(List.of("--upload-only", "--data", data.toString(), "--state",
                dir.resolve("upload-state").toString(), "--request-timeout-ms", "60000"));
        args.addAll(List.of(extra));
        ChildJvm child = ChildJvm.start("upload", TrainingProgram.class, List.of(heap, "-XX:TieredStopAtLevel=1"),
                args, Map.of("OPENAI_BASE_URL", emulator.baseUrl(), "OPENAI_API_KEY", emulator.apiKey()), dir);
        children.add(child);
        return child;
    }

    private List<String> partPaths() {
        return emulator.recordedRequests().stream()
                .filter(r -> r.method().equals("POST") && PART.matcher(r.path()).matches())
                .map(r -> r.path()).toList();
    }

    private List<Path> stateFiles() {
        Path state = dir.resolve("upload-state");
        if (!Files.isDirectory(state)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(state)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
