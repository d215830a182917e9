package io.github.finetune4j.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged command (target/finetune, built by `package`), run as a user runs it: the script, a process. */
final class Dist {
    private Dist() {
    }

    static Path home() {
        Path home = Path.of(System.getProperty("finetune.dist", "target/finetune")).toAbsolutePath();
        assertThat(home.resolve("bin/finetune")).as("the packaged command; run `mvn package` first").exists();
        return home;
    }

    static Path script() {
        return home().resolve("bin/finetune");
    }

    /**
     * An environment without provider settings, with private state and config directories and the command on the
     * PATH, the local emulator on its own port.
     */
    static Map<String, String> environment(Path sandbox, int emulatorPort) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("OPENAI_") || k.startsWith("AZURE_") || k.startsWith("FINETUNE_"));
        env.put("HOME", sandbox.toString());
        env.put("XDG_STATE_HOME", sandbox.resolve("state").toString());
        env.put("XDG_CONFIG_HOME", sandbox.resolve("config").toString());
        env.put("FINETUNE_EMULATOR_PORT", Integer.toString(emulatorPort));
        env.put("PATH", home().resolve("bin") + java.io.File.pathSeparator + System.getenv("PATH"));
        return env;
    }

    /** Runs the command to the end and returns what it printed (stdout and stderr together). */
    static Output run(Path dir, Map<String, String> env, Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        command.add(script().toString());
        command.addAll(List.of(args));
        try {
            Path log = Files.createTempFile(dir, "out", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                            new java.io.File("/dev/null")));
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("finetune " + String.join(" ", args) + " did not end within " + timeout
                        + ":\n" + Files.readString(log));
            }
            return new Output(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Stops the background emulator a test started (by its pid file, through the command). */
    static void stopEmulator(Path dir, Map<String, String> env) {
        run(dir, env, Duration.ofSeconds(30), "emulator", "stop");
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * What a process printed.
     *
     * @param exit the exit code
     * @param text standard output and error
     */
    record Output(int exit, String text) {
    }
}
