package com.example.vacuum;

import io.github.finetune4j.testkit.FineTuningEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts the application as a user would, in a new JVM whose only environment is OPENAI_API_KEY and OPENAI_BASE_URL
 * pointing at the emulator (and a UTF-8 locale): once with everything on the class path, once with everything on the module path. Both
 * run at the same time (each spends most of its time waiting for the next poll).
 */
class StoryTest {
    private static final List<String> PUBLISHED_MODULES = List.of("io.github.finetune4j.azure",
            "io.github.finetune4j.cli", "io.github.finetune4j.core", "io.github.finetune4j.eval",
            "io.github.finetune4j.migrate", "io.github.finetune4j.openai", "io.github.finetune4j.testkit",
            "io.github.finetune4j.together");

    private static FineTuningEmulator emulator;
    private static Run classPath;
    private static Run modulePath;

    @BeforeAll
    static void startBoth() throws IOException {
        emulator = FineTuningEmulator.builder().start();
        classPath = Run.start("-cp", path(), "com.example.vacuum.Story");
        modulePath = Run.start("--module-path", path(), "--module", "com.example.vacuum/com.example.vacuum.Story");
    }

    @AfterAll
    static void stop() {
        Stream.of(classPath, modulePath).filter(Objects::nonNull).forEach(Run::kill);
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void theStoryRunsOnTheClassPath() throws Exception {
        String out = classPath.output();

        assertTrue(out.contains("finetune4j loaded from: unnamed module"), out);
        assertStoryRanOnTheEmulator(out);
    }

    @Test
    void theStoryRunsOnTheModulePath() throws Exception {
        String out = modulePath.output();

        assertTrue(out.contains("finetune4j loaded from: module io.github.finetune4j.core"), out);
        assertTrue(out.contains("finetune4j modules: " + String.join(",", PUBLISHED_MODULES)), out);
        assertStoryRanOnTheEmulator(out);
    }

    @Test
    void jtokkitTravelsInsideFinetuneCoreNotBesideIt() throws IOException {
        String path = path();
        assertFalse(path.contains("jtokkit"), path);
        String core = List.of(path.split(java.io.File.pathSeparator)).stream()
                .filter(p -> p.contains("finetune-core")).findFirst().orElseThrow();
        try (JarFile jar = new JarFile(core)) {
            assertTrue(jar.stream().anyMatch(e -> e.getName()
                    .equals("io/github/finetune4j/core/internal/jtokkit/o200k_base.tiktoken")), core);
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("com/knuddels/")), core);
            assertTrue(jar.getEntry("META-INF/LICENSE-jtokkit.txt") != null, core);
        }
    }

    private static void assertStoryRanOnTheEmulator(String out) {
        assertTrue(out.contains("answer: Wir empfehlen spezielle Reinigungsmittel"), out);
        assertTrue(emulator.recordedRequests().stream().anyMatch(r -> r.method().equals("POST")
                && r.path().equals("/v1/fine_tuning/jobs")), "no job was created on the emulator");
    }

    /** The application in its own JVM, its output in a file under target/. */
    private record Run(Process process, Path log) {
        static Run start(String... args) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(System.getProperty("consumer.java"));
            command.addAll(List.of(args));
            Path log = Files.createTempFile(Path.of(System.getProperty("consumer.classes")).getParent(), "story",
                    ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            environment.clear();
            environment.put("LC_ALL", "C.UTF-8");                           // the answer has umlauts
            environment.put("OPENAI_API_KEY", emulator.apiKey());
            environment.put("OPENAI_BASE_URL", emulator.baseUrl());
            return new Run(builder.start(), log);
        }

        String output() throws IOException, InterruptedException {
            boolean finished = process.waitFor(3, TimeUnit.MINUTES);
            if (!finished) {
                kill();
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(finished, "the story did not end within 3 minutes:\n" + out);
            assertEquals(0, process.exitValue(), out);
            return out;
        }

        void kill() {
            process.destroyForcibly();
        }
    }

    private static String path() throws IOException {
        String dependencies = Files.readString(Path.of(System.getProperty("consumer.runtime-path")),
                StandardCharsets.UTF_8).trim();
        return System.getProperty("consumer.classes") + java.io.File.pathSeparator + dependencies;
    }
}
