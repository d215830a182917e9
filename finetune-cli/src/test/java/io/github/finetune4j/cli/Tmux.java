package io.github.finetune4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real pseudo-terminal: a tmux server of its own (its socket in the test's directory), one 120x40 pane running
 * sh, keys typed into it, its screen captured, and its raw output (with every carriage return) piped to a file.
 * Closing kills only this server.
 */
final class Tmux implements AutoCloseable {
    private final String socket;
    private final Map<String, String> env;

    Tmux(Path dir, Map<String, String> env) {
        this.env = env;
        this.socket = dir.resolve("tmux-" + UUID.randomUUID().toString().substring(0, 8) + ".sock").toString();
        tmux(Duration.ofSeconds(10), "new-session", "-d", "-s", "t", "-x", "120", "-y", "40", "-c", dir.toString(),
                "sh");
    }

    /** Whether tmux can be run here (CI machines may not have it). */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The tmux command that signals {@code channel} from inside the pane. */
    String signal(String channel) {
        return "tmux -S '" + socket + "' wait-for -S " + channel;
    }

    void pipeRawOutputTo(Path file) {
        tmux(Duration.ofSeconds(10), "pipe-pane", "-o", "-t", "t", "cat >> '" + file + "'");
    }

    void type(String line) {
        tmux(Duration.ofSeconds(10), "send-keys", "-t", "t", "-l", line);
        tmux(Duration.ofSeconds(10), "send-keys", "-t", "t", "Enter");
    }

    void key(String key) {
        tmux(Duration.ofSeconds(10), "send-keys", "-t", "t", key);
    }

    /** Blocks until the pane signals the channel. */
    void await(String channel, Duration timeout) {
        tmux(timeout, "wait-for", channel);
    }

    /** The visible screen, wrapped lines joined. */
    String screen() {
        return tmux(Duration.ofSeconds(10), "capture-pane", "-p", "-J", "-t", "t");
    }

    @Override
    public void close() {
        try {
            tmux(Duration.ofSeconds(10), "kill-server");
        } catch (AssertionError e) {
            // already gone
        }
    }

    private String tmux(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", socket));
        command.addAll(List.of(args));
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().clear();
            pb.environment().putAll(env);
            pb.environment().remove("TMUX");
            Process p = pb.start();
            byte[] out;
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("tmux " + String.join(" ", args) + " did not end within " + timeout
                        + "; screen:\n" + (args[0].equals("capture-pane") ? "" : screen()));
            }
            out = p.getInputStream().readAllBytes();
            if (p.exitValue() != 0) {
                throw new AssertionError("tmux " + String.join(" ", args) + " failed: "
                        + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
