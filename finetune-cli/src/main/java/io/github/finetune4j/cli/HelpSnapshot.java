package io.github.finetune4j.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The top-level help, rendered by picocli when the command is built and shipped as a resource, so that
 * {@code finetune --help} prints it without loading picocli (which takes a quarter of a second to initialise).
 * The build runs {@link #main(String[])}; without the resource (tests, an IDE) the help is rendered as usual.
 */
public final class HelpSnapshot {
    /** The resource holding the rendered help. */
    static final String RESOURCE = "/io/github/finetune4j/cli/help.txt";

    private HelpSnapshot() {
    }

    /**
     * Renders the top-level help into a file.
     *
     * @param args the target file
     * @throws IOException if it cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.writeString(target, render(), StandardCharsets.UTF_8);
    }

    /**
     * Renders the top-level help as {@code finetune --help} prints it.
     *
     * @return the help text
     */
    static String render() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        CliContext ctx = new CliContext(Map.of(), out, out, new ByteArrayInputStream(new byte[0]), Path.of("."),
                Path.of("."), Optional.of(false), Clock.systemUTC());
        Cli.run(ctx, "--help");
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Prints the shipped help, if the jar has it.
     *
     * @param out where to print
     * @return true if it was printed
     */
    static boolean print(PrintStream out) {
        try (InputStream in = HelpSnapshot.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return false;
            }
            out.write(in.readAllBytes());
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
