package io.github.finetune4j.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged command as a user runs it: the script from target/finetune, in a real pseudo-terminal (tmux) and
 * piped to a file. Runs after `package` (`mvn verify`); the pseudo-terminal test skips only where tmux is missing.
 */
@Tag("dist")
class PackagedCommandTest {
    private static final String PRIL = "Ich will meinen T-1000 mit Pril reinigen. Geht das?";
    private static final Pattern FRAME = Pattern.compile("\\[[= >]+] (\\d+)/(\\d+) +(\\d+)%");

    @TempDir
    Path sandbox;

    @Test
    void theDistributionCanBeCopiedForOtherUsersAndHoldsEachLibraryOnce() throws Exception {
        List<String> jars = new ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.walk(Dist.home())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.getPosixFilePermissions(file)).as("readable by others: " + file)
                        .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
                jars.add(file.getFileName().toString());
            }
        }
        assertThat(jars).as("jtokkit is inside finetune-core's jar").noneMatch(n -> n.startsWith("jtokkit"))
                .anyMatch(n -> n.startsWith("finetune-together-")).anyMatch(n -> n.startsWith("finetune-core-"));
    }

    @Test
    void helpComesFromTheScriptAsPicocliRendersIt() {
        Dist.Output help = Dist.run(sandbox, Dist.environment(sandbox, Dist.freePort()), Duration.ofSeconds(30),
                "--help");

        assertThat(help.exit()).isZero();
        assertThat(help.text()).isEqualTo(HelpSnapshot.render());
    }

    @Test
    void theReadmeOneLinerTrainsAndAnswersOfflineInATerminalWithALiveProgressBar() throws Exception {
        Assumptions.assumeTrue(Tmux.available(), "tmux is not installed: pseudo-terminal test skipped");
        Map<String, String> env = Dist.environment(sandbox, Dist.freePort());
        Path raw = sandbox.resolve("raw-terminal-output.txt");
        try (Tmux terminal = new Tmux(sandbox, env)) {
            terminal.pipeRawOutputTo(raw);

            String oneLiner = readmeOneLiner();
            assertThat(oneLiner).isEqualTo("finetune init && finetune train --wait && finetune chat --prompt \""
                    + PRIL + "\"");

            terminal.type(oneLiner + "; echo \"exit=$?\"; " + terminal.signal("done"));
            terminal.await("done", Duration.ofSeconds(90));

            String screen = terminal.screen();
            assertThat(screen).contains("Fine-tuned model: ft:gpt-4o-mini-2024-07-18:emulator:t1000:")
                    .contains("Wir empfehlen spezielle Reinigungsmittel").contains("exit=0");
            List<String> bars = screen.lines().filter(l -> FRAME.matcher(l).find()).toList();
            assertThat(bars).as("one progress line on the screen").hasSize(1);
            assertThat(bars.get(0)).containsPattern("\\[=+] 36/36  100%").contains("loss 0.").contains("ETA 0:00");
            assertThat(screen).doesNotContain("  Step ");

            String stream = Files.readString(raw, StandardCharsets.UTF_8);
            List<Integer> percents = new ArrayList<>();
            Matcher m = FRAME.matcher(stream);
            while (m.find()) {
                percents.add(Integer.parseInt(m.group(3)));
            }
            assertThat(stream).contains("\r  [");
            assertThat(percents).as("the bar is redrawn in place as training advances").isSorted()
                    .contains(100);
            assertThat(percents.stream().distinct().count()).isGreaterThanOrEqualTo(2);
        } finally {
            Dist.stopEmulator(sandbox, env);
        }
    }

    @Test
    void theForegroundEmulatorServesAnyOpenAiClientUntilItIsStopped() throws Exception {
        int port = Dist.freePort();
        Map<String, String> env = Dist.environment(sandbox, port);
        ProcessBuilder pb = new ProcessBuilder(Dist.script().toString(), "emulator", "--port", Integer.toString(port))
                .directory(sandbox.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process emulator = pb.start();
        try {
            java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                    emulator.getInputStream(), StandardCharsets.UTF_8));
            String first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return lines.readLine();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(first).startsWith("Emulator listening on http://127.0.0.1:" + port + "/v1");
            Map<String, String> client = new java.util.HashMap<>(env);
            client.put("OPENAI_BASE_URL", "http://127.0.0.1:" + port + "/v1");
            client.put("OPENAI_API_KEY", "emulator-key");

            Dist.Output list = Dist.run(sandbox, client, Duration.ofSeconds(30), "list", "--provider", "openai");

            assertThat(list.exit()).as(list.text()).isZero();
            assertThat(list.text()).isEqualTo("No jobs.\n");
        } finally {
            emulator.destroy();                                   // SIGTERM, as Ctrl-C or a service manager
            assertThat(emulator.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
    }

    /** The command of the README's "Without Java code" section, exactly as printed there. */
    private static String readmeOneLiner() throws java.io.IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String block = readme.substring(readme.indexOf("<!-- cli-command -->"));
        block = block.substring(block.indexOf("```bash"), block.indexOf("```", block.indexOf("```bash") + 7));
        return block.lines().filter(l -> l.startsWith("finetune init")).findFirst().orElseThrow();
    }

    @Test
    void pipedToAFileTheProgressIsPlainLinesWithoutControlCharacters() throws Exception {
        Map<String, String> env = Dist.environment(sandbox, Dist.freePort());
        try {
            assertThat(Dist.run(sandbox, env, Duration.ofSeconds(30), "init").exit()).isZero();

            Dist.Output train = Dist.run(sandbox, env, Duration.ofSeconds(90), "train", "--wait");

            assertThat(train.exit()).as(train.text()).isZero();
            assertThat(train.text()).contains("  Step 36/36: training loss=").contains("(100%")
                    .contains("Fine-tuned model: ft:");
            assertThat(train.text().chars().filter(c -> c < 0x20 && c != '\n')).as("control characters").isEmpty();
        } finally {
            Dist.stopEmulator(sandbox, env);
        }
    }
}
