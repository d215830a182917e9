package io.github.finetune4j.examples;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's main program stopped during the wait, as a user stops it, and run again: offline, each run owns an
 * emulator, so the stopped run says that the next one starts over, and the next runs complete. The child JVMs have
 * no logging configuration, as in a user's program: no java.util.logging record may reach their console.
 */
class T1000StoryStopTest {
    private static final long RUN_LIMIT_SECONDS = 120;
    /** How the JDK's default logging configuration prints a record: a date line, then "LEVEL: message". */
    private static final Pattern JUL_LINE = Pattern.compile(
            "^(SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST): |^[A-Z][a-z]{2} \\d{1,2}, \\d{4} .*(AM|PM) ");

    @Test
    void aStoryStoppedWhileWaitingSaysWhatTheNextRunDoesAndTheNextTwoRunsComplete() throws Exception {
        Run first = Run.start();
        first.awaitLine("-> running");
        first.process.toHandle().destroy();    // SIGTERM: shutdown hooks run, as on Ctrl-C (keeps the pipe open)
        assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).as("the stopped run ends").isTrue();

        assertThat(first.output()).contains("Provider: embedded emulator").contains("each run trains a new job")
                .contains("Stopped waiting for job ftjob-").contains(ExampleClients.NEXT_RUN_STARTS_OVER)
                .doesNotContain("Antwort:");

        for (int run = 2; run <= 3; run++) {
            Run next = Run.start();
            assertThat(next.process.waitFor(RUN_LIMIT_SECONDS, TimeUnit.SECONDS)).as("run %d ends", run).isTrue();
            next.pump.join(5_000);
            assertThat(next.process.exitValue()).as("run %d exits normally:%n%s", run, next.output()).isZero();
            assertThat(next.output()).as("run %d", run).contains("Antwort: Wir empfehlen spezielle Reinigungsmittel")
                    .doesNotContain("Stopped waiting").doesNotContain("Exception");
            assertThat(next.output().lines()).as("java.util.logging records on the console of run %d", run)
                    .noneMatch(line -> JUL_LINE.matcher(line).find());
        }
    }

    /** The story in a JVM of its own, offline whatever the machine has set, its output collected as it comes. */
    private static final class Run {
        private final Process process;
        private final StringBuffer output = new StringBuffer();
        private final Thread pump;

        private Run(Process process) {
            this.process = process;
            this.pump = new Thread(() -> {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        synchronized (output) {
                            output.append(line).append('\n');
                            output.notifyAll();
                        }
                    }
                } catch (IOException ended) {
                    // the process is gone
                }
            }, "story-output");
            pump.start();
        }

        static Run start() throws IOException {
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // English, so that a java.util.logging record would read as JUL_LINE expects
                    "-Duser.language=en", "-Duser.country=US",
                    "-cp", System.getProperty("java.class.path"), T1000Story.class.getName()))
                    .redirectErrorStream(true);
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.startsWith("OPENAI_") || name.startsWith("AZURE_")
                    || name.startsWith("FINETUNE_"));
            return new Run(builder.start());
        }

        void awaitLine(String marker) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RUN_LIMIT_SECONDS);
            synchronized (output) {
                while (output.indexOf(marker) < 0) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        process.destroyForcibly();
                        throw new AssertionError("the story did not print '" + marker + "':\n" + output);
                    }
                    output.wait(200);    // woken by each line; the timeout notices a process that died silently
                }
            }
        }

        String output() throws InterruptedException {
            pump.join(5_000);
            return output.toString();
        }
    }
}
