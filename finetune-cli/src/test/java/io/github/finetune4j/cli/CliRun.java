package io.github.finetune4j.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs the command in-process, as a user would type it, with its own environment, directories and streams. */
final class CliRun {
    private final Path workDir;
    private final Path home;
    private final Map<String, String> env = new HashMap<>();
    private String stdin = "";
    private Optional<Boolean> terminal = Optional.of(false);
    /** A fixed day, far from every provider's lifecycle dates, so that no run depends on today's date. */
    private Clock clock = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);

    CliRun(Path workDir, Path home) {
        this.workDir = workDir;
        this.home = home;
    }

    CliRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    CliRun stdin(String text) {
        this.stdin = text;
        return this;
    }

    CliRun terminal(boolean terminal) {
        this.terminal = Optional.of(terminal);
        return this;
    }

    CliRun clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    Path workDir() {
        return workDir;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), workDir, home, terminal, clock);
        int exit = Cli.run(ctx, args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    String read(String relative) {
        try {
            return Files.readString(workDir.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + relative, e);
        }
    }

    void write(String relative, String content) {
        try {
            Path file = workDir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot write " + relative, e);
        }
    }

    /**
     * What a run printed and returned.
     *
     * @param exit the exit code
     * @param out standard output
     * @param err standard error
     */
    record Result(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }
}
