package io.github.finetune4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden output: what a command prints, with the parts that change from run to run (ids, ports, times, temporary
 * directories) replaced by placeholders, compared with {@code src/test/resources/golden/NAME.txt}. Run with
 * {@code -Dgolden.update=true} to rewrite the files after an intended change, and review the diff.
 */
final class Golden {
    private static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {
    }

    static String normalize(String text, Path workDir) {
        String t = text.replace(workDir.toString(), "<dir>");
        t = t.replaceAll("ftjob-[A-Za-z0-9]+", "ftjob-<id>");
        t = t.replaceAll("file-[A-Za-z0-9]+", "file-<id>");
        t = t.replaceAll("ftckpt[-_][A-Za-z0-9]+", "ftckpt-<id>");
        t = t.replaceAll("(ft:[a-z0-9.-]+:[a-z0-9-]+:[A-Za-z0-9_-]+:)[A-Za-z0-9]+", "$1<id>");
        t = t.replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:<port>");
        t = t.replaceAll("emulator:\\d+", "emulator:<port>");
        t = t.replaceAll("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}", "<time>");
        t = t.replaceAll("\\[\\d{2}:\\d{2}:\\d{2}]", "[<time>]");
        t = t.replaceAll("\\(pid \\d+", "(pid <pid>");
        return t.replace("\r\n", "\n");
    }

    static void check(String name, String actual) {
        Path file = DIR.resolve(name + ".txt");
        try {
            if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
                Files.createDirectories(DIR);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                if (!Boolean.getBoolean("golden.update")) {
                    throw new AssertionError("wrote the missing golden file " + file + "; review it and run again");
                }
                return;
            }
            assertThat(actual).as("output of %s (update with -Dgolden.update=true)", name)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static boolean matches(String text, String regex) {
        return Pattern.compile(regex, Pattern.MULTILINE).matcher(text).find();
    }
}
