package io.github.finetune4j.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one run of the command reads from or writes to the outside world, so that tests can run the command
 * in-process with their own environment, streams and directories.
 *
 * @param env the process environment
 * @param out standard output
 * @param err standard error
 * @param in standard input
 * @param workDir the working directory relative paths are resolved against
 * @param home the user's home directory (credentials file, emulator state)
 * @param terminal whether standard output is a terminal, or empty to let the progress display decide
 * @param clock the clock
 */
public record CliContext(Map<String, String> env, PrintStream out, PrintStream err, InputStream in, Path workDir,
                         Path home, Optional<Boolean> terminal, Clock clock) {
    /**
     * Validates the components.
     *
     * @param env the process environment
     * @param out standard output
     * @param err standard error
     * @param in standard input
     * @param workDir the working directory
     * @param home the user's home directory
     * @param terminal whether standard output is a terminal, or empty to detect it
     * @param clock the clock
     */
    public CliContext {
        env = Map.copyOf(Objects.requireNonNull(env, "env"));
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(in, "in");
        workDir = workDir.toAbsolutePath().normalize();
        home = home.toAbsolutePath().normalize();
        terminal = terminal == null ? Optional.empty() : terminal;
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * The real process: {@link System#getenv()}, the standard streams, {@code user.dir} and {@code user.home}.
     *
     * @return the context
     */
    public static CliContext system() {
        return new CliContext(System.getenv(), System.out, System.err, System.in,
                Path.of(System.getProperty("user.dir")), Path.of(System.getProperty("user.home")), Optional.empty(),
                Clock.systemDefaultZone());
    }

    /**
     * One environment variable, blank counting as unset.
     *
     * @param name the variable
     * @return its value
     */
    public Optional<String> getenv(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    /**
     * Resolves a path given on the command line against the working directory.
     *
     * @param path the path as given
     * @return the absolute path
     */
    public Path resolve(String path) {
        return workDir.resolve(path).normalize();
    }
}
