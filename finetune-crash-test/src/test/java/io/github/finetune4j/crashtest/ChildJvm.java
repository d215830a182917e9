package io.github.finetune4j.crashtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Java program run in a child JVM on the test class path, with its own environment, its output in files (so a
 * full pipe never blocks it), and the means to kill it as a crash would: {@link Process#destroyForcibly()}, which is
 * SIGKILL on Linux and macOS. The child gets no chance to run finally blocks, shutdown hooks or listeners.
 */
final class ChildJvm {
    /** Environment variables of every provider, removed so that the child sees only what the test sets. */
    private static final List<String> PROVIDER_ENV_PREFIXES = List.of("OPENAI_", "AZURE_", "TOGETHER_");

    private final String name;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildJvm(String name, Process process, Path stdout, Path stderr) {
        this.name = name;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts {@code mainClass} in a new JVM.
     *
     * @param name a name for messages and the output files
     * @param mainClass the class with {@code main}, on the test class path
     * @param jvmOptions options before the class name, e.g. {@code -Xmx128m}
     * @param args the program's arguments
     * @param env variables set in the child's environment (provider variables of this JVM are removed)
     * @param dir where the output files go
     * @return the running child
     */
    static ChildJvm start(String name, Class<?> mainClass, List<String> jvmOptions, List<String> args,
                          Map<String, String> env, Path dir) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(testClassPath());
        command.add("-Djava.util.logging.config.file=" + childLogging());
        command.add(mainClass.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> PROVIDER_ENV_PREFIXES.stream().anyMatch(k::startsWith));
        builder.environment().putAll(env);
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        try {
            return new ChildJvm(name, builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start child JVM " + name, e);
        }
    }

    /**
     * The class path of the tests: surefire's real class path (its own {@code java.class.path} may be a manifest-only
     * jar, which works as well).
     */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** The child's logging configuration: the SDK's INFO decisions on stderr. */
    private static String childLogging() {
        try {
            return Path.of(ChildJvm.class.getResource("/child-logging.properties").toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the child is still running. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the child with SIGKILL and waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /**
     * Waits for the child to end; kills it and fails when it takes longer.
     *
     * @param timeout how long to wait
     * @return the exit code
     */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
                throw new AssertionError(name + " did not end within " + timeout + "\n" + describe());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted while waiting for " + name, e);
        }
    }

    /** What the child printed on standard output so far. */
    String stdout() {
        return read(stdout);
    }

    /** The child's output and log, for assertion messages. */
    String describe() {
        return "--- " + name + " stdout ---\n" + read(stdout) + "--- " + name + " stderr ---\n" + read(stderr);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")\n";
        }
    }
}
