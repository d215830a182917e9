package io.github.finetune4j.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping `finetune train --wait` the ways users do (Ctrl-C in a terminal, kill -9) and running it again: the job
 * keeps running, the command says how to re-attach, and a re-run leaves exactly one job. Slow (a slow emulator, so
 * that the job is still running when it is stopped): profile cli-it.
 */
@Tag("cli-it")
class InterruptAndKillTest {
    private static final Pattern JOB = Pattern.compile("job (ftjob-\\w+) created");

    @TempDir
    Path sandbox;

    @Test
    void ctrlCStopsWaitingSaysTheJobKeepsRunningAndWatchPicksItUp() throws Exception {
        Assumptions.assumeTrue(Tmux.available(), "tmux is not installed: pseudo-terminal test skipped");
        Map<String, String> env = Dist.environment(sandbox, Dist.freePort());
        Path raw = sandbox.resolve("raw.txt");
        Path fifo = sandbox.resolve("progress.fifo");
        try (Tmux terminal = new Tmux(sandbox, env)) {
            slowProject(env);
            new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(10, TimeUnit.SECONDS);
            CompletableFuture<String> barShown = CompletableFuture.supplyAsync(() -> readUntil(fifo, "\r  ["));
            terminal.pipeRawOutputTo(fifo);

            terminal.type("finetune train --wait; echo \"exit=$?\"; " + terminal.signal("stopped"));
            String before = barShown.get(60, TimeUnit.SECONDS);
            terminal.key("C-c");
            terminal.await("stopped", Duration.ofSeconds(30));

            String screen = terminal.screen();
            Matcher job = JOB.matcher(before);
            assertThat(job.find()).as(before).isTrue();
            String id = job.group(1);
            assertThat(screen).contains("Stopped waiting. Job " + id + " keeps running on emulator:")
                    .contains("nothing was cancelled.").contains("Re-attach with: finetune watch " + id)
                    .contains("exit=130");

            Dist.Output watch = Dist.run(sandbox, env, Duration.ofSeconds(120), "watch", "--progress", "plain");
            assertThat(watch.exit()).as(watch.text()).isZero();
            assertThat(watch.text()).contains("Watching job " + id).contains("Fine-tuned model: ft:");
            assertThat(jobs(env)).hasSize(1);
        } finally {
            Dist.stopEmulator(sandbox, env);
        }
    }

    @Test
    void trainKilledWhileWaitingAndRunAgainLeavesExactlyOneJob() throws Exception {
        Map<String, String> env = Dist.environment(sandbox, Dist.freePort());
        try {
            slowProject(env);
            ProcessBuilder pb = new ProcessBuilder(Dist.script().toString(), "train", "--wait")
                    .directory(sandbox.toFile()).redirectErrorStream(true);
            pb.environment().clear();
            pb.environment().putAll(env);
            Process first = pb.start();
            CompletableFuture<String> created = CompletableFuture.supplyAsync(() -> {
                StringBuilder seen = new StringBuilder();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(first.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        seen.append(line).append('\n');
                        if (line.contains("status queued -> running") || line.startsWith("  Step ")) {
                            return seen.toString();
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return seen.toString();
            });
            String before = created.get(60, TimeUnit.SECONDS);
            first.destroyForcibly();                                   // kill -9 while waiting
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

            Dist.Output again = Dist.run(sandbox, env, Duration.ofSeconds(120), "train", "--wait");

            Matcher job = JOB.matcher(before);
            assertThat(job.find()).as(before).isTrue();
            assertThat(again.exit()).as(again.text()).isZero();
            assertThat(again.text()).contains("Re-attaching to job " + job.group(1)).doesNotContain("uploaded ");
            assertThat(jobs(env)).hasSize(1);
        } finally {
            Dist.stopEmulator(sandbox, env);
        }
    }

    /** A project whose emulator runs at 4x real time: a job takes about 20 s. */
    private void slowProject(Map<String, String> env) throws Exception {
        assertThat(Dist.run(sandbox, env, Duration.ofSeconds(30), "init").exit()).isZero();
        Path config = sandbox.resolve("finetune.yaml");
        Files.writeString(config, Files.readString(config).replace("  speed: 50", "  speed: 4"));
    }

    private List<String> jobs(Map<String, String> env) {
        Dist.Output list = Dist.run(sandbox, env, Duration.ofSeconds(30), "list", "--json");
        assertThat(list.exit()).as(list.text()).isZero();
        return list.text().lines().filter(l -> l.startsWith("{")).toList();
    }

    private static String readUntil(Path fifo, String marker) {
        StringBuilder seen = new StringBuilder();
        try {
            java.io.Reader r = new InputStreamReader(Files.newInputStream(fifo), StandardCharsets.UTF_8);
            int c;
            while ((c = r.read()) >= 0) {
                seen.append((char) c);
                if (seen.indexOf(marker) >= 0) {
                    break;
                }
            }
            // Keep draining in the background so that the pane never blocks on a full pipe.
            Thread drain = new Thread(() -> {
                try (r) {
                    while (r.read() >= 0) {
                        continue;
                    }
                } catch (java.io.IOException e) {
                    // the pane closed
                }
            });
            drain.setDaemon(true);
            drain.start();
            return seen.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
