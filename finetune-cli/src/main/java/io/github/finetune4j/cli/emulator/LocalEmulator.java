package io.github.finetune4j.cli.emulator;

import io.github.finetune4j.cli.CliContext;
import io.github.finetune4j.cli.CliException;
import io.github.finetune4j.testkit.FineTuningEmulator;

import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The emulator that {@code provider: emulator} talks to: a {@link FineTuningEmulator} in a background process on a
 * fixed loopback port, shared by every {@code finetune} command on this machine, so that the model
 * {@code finetune train} produced is still there for {@code finetune chat}. Started on first use, stopped with
 * {@code finetune emulator stop}; its pid and log live in {@code $XDG_STATE_HOME/finetune} (default
 * {@code ~/.local/state/finetune}). It keeps everything in memory: once stopped, its jobs and models are gone.
 */
public final class LocalEmulator {
    /** The API key the emulator accepts; not a secret (loopback only). */
    public static final String API_KEY = FineTuningEmulator.DEFAULT_API_KEY;
    private static final Duration START_BUDGET = Duration.ofSeconds(20);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    /** What answers on a port. */
    public enum Probe {
        /** A finetune4j emulator. */
        EMULATOR,
        /** Nothing: the port is free. */
        FREE,
        /** Something else. */
        OTHER
    }

    private LocalEmulator() {
    }

    /**
     * The OpenAI base URL of the emulator on a port.
     *
     * @param port the port
     * @return {@code http://127.0.0.1:<port>/v1}
     */
    public static String baseUrl(int port) {
        return "http://127.0.0.1:" + port + "/v1";
    }

    /**
     * Asks what answers on a loopback port.
     *
     * @param port the port
     * @return what answered
     */
    public static Probe probe(int port) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl(port) + "/models"))
                .header("Authorization", "Bearer " + API_KEY).timeout(PROBE_TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"object\"")
                    && response.body().contains(FineTuningEmulator.DEFAULT_BASE_MODELS.get(0))
                    ? Probe.EMULATOR : Probe.OTHER;
        } catch (ConnectException | HttpConnectTimeoutException e) {
            return Probe.FREE;
        } catch (IOException e) {
            return Probe.OTHER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while looking for the emulator on port " + port, e);
        }
    }

    /**
     * Makes sure the emulator runs on a port, starting it in the background when nothing answers there.
     *
     * @param ctx the context (home directory for pid and log, error stream for the notice)
     * @param port the port
     * @param speed the clock speed for a newly started emulator
     * @return the pid of a newly started emulator, or empty when one was running already
     * @throws CliException if the port is used by something else or the emulator does not come up
     */
    public static Optional<Long> ensureRunning(CliContext ctx, int port, double speed) {
        Probe probe = probe(port);
        if (probe == Probe.EMULATOR) {
            return Optional.empty();
        }
        if (probe == Probe.OTHER) {
            throw new CliException("port " + port + " is used by another program, not the finetune emulator; "
                    + "choose another with emulator.port in finetune.yaml or " + "FINETUNE_EMULATOR_PORT");
        }
        return Optional.of(start(ctx, port, speed));
    }

    /**
     * Starts the background emulator.
     *
     * @param ctx the context
     * @param port the port
     * @param speed the clock speed
     * @return its pid
     * @throws CliException if it does not answer within 20 s
     */
    public static long start(CliContext ctx, int port, double speed) {
        Path dir = stateDir(ctx);
        Path log = dir.resolve("emulator-" + port + ".log");
        Path pidFile = pidFile(ctx, port);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(javaFromHome()));
        command.add("-Xshare:auto");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(EmulatorDaemon.class.getName());
        command.add("--port");
        command.add(Integer.toString(port));
        command.add("--speed");
        command.add(Double.toString(speed));
        command.add("--pid-file");
        command.add(pidFile.toString());
        Process process;
        try {
            Files.createDirectories(dir);
            process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new CliException("cannot start the emulator: " + e.getMessage(), e);
        }
        Instant deadline = Instant.now().plus(START_BUDGET);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new CliException("the emulator stopped right after starting (exit " + process.exitValue()
                        + "); see " + log);
            }
            if (probe(port) == Probe.EMULATOR) {
                return process.pid();
            }
            try {
                process.waitFor(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException("interrupted while starting the emulator", e);
            }
        }
        process.destroy();
        throw new CliException("the emulator did not answer on port " + port + " within " + START_BUDGET.toSeconds()
                + " s; see " + log);
    }

    /**
     * Stops the background emulator on a port, if this machine's {@code finetune} started one.
     *
     * @param ctx the context
     * @param port the port
     * @return the pid that was stopped, or empty when none was running
     */
    public static Optional<Long> stop(CliContext ctx, int port) {
        Optional<ProcessHandle> handle = runningDaemon(ctx, port);
        if (handle.isEmpty()) {
            return Optional.empty();
        }
        ProcessHandle process = handle.get();
        process.destroy();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
        } catch (ExecutionException e) {
            throw new CliException("cannot stop the emulator (pid " + process.pid() + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while stopping the emulator", e);
        }
        try {
            Files.deleteIfExists(pidFile(ctx, port));
        } catch (IOException e) {
            // the daemon removes it itself on a normal stop
        }
        return Optional.of(process.pid());
    }

    /**
     * The background emulator process on a port, found through its pid file.
     *
     * @param ctx the context
     * @param port the port
     * @return the live process, or empty
     */
    public static Optional<ProcessHandle> runningDaemon(CliContext ctx, int port) {
        Path pidFile = pidFile(ctx, port);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(EmulatorDaemon.class.getName()))
                            .orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Where the pid file of the emulator on a port is.
     *
     * @param ctx the context
     * @param port the port
     * @return the path
     */
    public static Path pidFile(CliContext ctx, int port) {
        return stateDir(ctx).resolve("emulator-" + port + ".pid");
    }

    /**
     * Where pid and log files go: {@code $XDG_STATE_HOME/finetune}, default {@code ~/.local/state/finetune}.
     *
     * @param ctx the context
     * @return the directory
     */
    public static Path stateDir(CliContext ctx) {
        return ctx.getenv("XDG_STATE_HOME").map(Path::of).orElse(ctx.home().resolve(".local").resolve("state"))
                .resolve("finetune");
    }

    private static String javaFromHome() {
        return Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java").toString();
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
