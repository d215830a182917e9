package io.github.finetune4j.cli.config;

import io.github.finetune4j.cli.CliContext;
import io.github.finetune4j.cli.CliException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The credentials file: {@code NAME=value} lines (for example {@code OPENAI_API_KEY=sk-...}) that stand in for
 * environment variables the process does not have. Its values are never printed; only the names are.
 *
 * <p>Where: {@code $FINETUNE_CREDENTIALS}, else {@code $XDG_CONFIG_HOME/finetune/credentials}, else
 * {@code ~/.config/finetune/credentials}. Blank lines and lines starting with {@code #} are skipped; a value may be
 * quoted. A file others can read is refused on POSIX systems, as ssh does with keys.
 */
public final class Credentials {
    /** Environment variable naming the credentials file. */
    public static final String FILE_ENV = "FINETUNE_CREDENTIALS";

    private final Path file;
    private final Map<String, String> values;

    private Credentials(Path file, Map<String, String> values) {
        this.file = file;
        this.values = Map.copyOf(values);
    }

    /**
     * Reads the credentials file of this context, if there is one.
     *
     * @param ctx the context (environment and home directory)
     * @return the credentials; empty when the file does not exist
     * @throws CliException if the file is readable by others or has a malformed line
     */
    public static Credentials load(CliContext ctx) {
        Path file = location(ctx);
        if (!Files.isRegularFile(file)) {
            return new Credentials(file, Map.of());
        }
        checkPermissions(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException("cannot read the credentials file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || !line.substring(0, eq).strip().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                // Never echo the line: it may hold a secret.
                throw new CliException(file + ":" + (i + 1) + ": expected NAME=value");
            }
            values.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
        }
        return new Credentials(file, values);
    }

    /**
     * Where the credentials file of this context is (whether it exists or not).
     *
     * @param ctx the context
     * @return the path
     */
    public static Path location(CliContext ctx) {
        Optional<String> explicit = ctx.getenv(FILE_ENV);
        if (explicit.isPresent()) {
            return ctx.resolve(explicit.get());
        }
        Path configHome = ctx.getenv("XDG_CONFIG_HOME").map(Path::of).orElse(ctx.home().resolve(".config"));
        return configHome.resolve("finetune").resolve("credentials");
    }

    /**
     * One value.
     *
     * @param name the variable name
     * @return the value, or empty
     */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
    }

    /**
     * The file these came from.
     *
     * @return the path
     */
    public Path file() {
        return file;
    }

    @Override
    public String toString() {
        return "Credentials[" + file + ", names=" + new java.util.TreeSet<>(values.keySet()) + "]";
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static void checkPermissions(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                throw new CliException("the credentials file " + file + " can be read by other users; "
                        + "run: chmod 600 " + file);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): nothing to check
        } catch (IOException e) {
            throw new CliException("cannot read the credentials file " + file + ": " + e.getMessage(), e);
        }
    }
}
