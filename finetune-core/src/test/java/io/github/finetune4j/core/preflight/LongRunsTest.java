package io.github.finetune4j.core.preflight;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pathological lines (one string holding a run of millions of one character) are validated with exact counts in a
 * small heap, and the lines after them too. Each case runs {@link LongRunsProbe} in a child JVM with a fixed
 * {@code -Xmx}. The expected counts are the golden numbers of {@code long-runs.md} (tiktoken, and jtokkit with a
 * 12 GB heap beyond 100,000 characters); the 2,000,000-character variants follow from them: o200k_base and
 * cl100k_base both encode {@code x} runs in tokens of 8 and space runs in tokens of 128. The small variants run in
 * 96 MB: about 45 MB of it are fixed (jtokkit's o200k_base tables 31 MB, the long-piece ranks 6 MB), and 64 MB left
 * too little room for a 2 MB line's buffers, so that the line was reported as {@code line_check_failed} instead.
 *
 * <p>The full acceptance cases (15,000,000 characters, 20 lines of 1,000,000 {@code =}, at most 10 s each under
 * {@code -Xmx256m}) are tagged {@code long} and run with {@code mvn -Plong -pl finetune-core test}.
 */
class LongRunsTest {
    private static final String ANSWER = "Bitte prüfen Sie den Filter.";
    private static final int NORMAL_AFTER = 11;
    /** A G1 log line's heap before and after a collection, for example {@code 45M->12M(64M)}. */
    private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\(\\d+M\\)");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{1} x {2} in {0} lines, {4}, -Xmx{5}")
    @CsvSource({
        "1, x, 2000000, 250000, gpt-4o-mini-2024-07-18, 96m",
        "1, ' ', 2000000, 15625, gpt-4o-mini-2024-07-18, 96m",
        "2, =, 1000000, 15625, gpt-4o-mini-2024-07-18, 96m",
        "1, ' ', 2000000, 15625, gpt-3.5-turbo-0125, 96m"})
    void smallHeapCountsLongRunsExactly(int lines, String ch, int length, long tokens, String model, String heap)
            throws Exception {
        check(lines, ch, length, tokens, model, heap, Double.MAX_VALUE);
    }

    @Tag("long")
    @ParameterizedTest(name = "{1} x {2} in {0} lines, {4}, -Xmx{5}")
    @CsvSource({
        "1, x, 15000000, 1875000, gpt-4o-mini-2024-07-18, 256m",
        "1, ' ', 15000000, 117188, gpt-4o-mini-2024-07-18, 256m",
        "20, =, 1000000, 15625, gpt-4o-mini-2024-07-18, 256m",
        "1, x, 15000000, 1875000, gpt-3.5-turbo-0125, 256m",
        "1, ' ', 15000000, 117188, gpt-3.5-turbo-0125, 256m",
        "20, =, 1000000, 15625, gpt-3.5-turbo-0125, 256m"})
    void acceptanceRunsValidateExactlyInTenSecondsUnder256Megabytes(int lines, String ch, int length, long tokens,
                                                                   String model, String heap) throws Exception {
        check(lines, ch, length, tokens, model, heap, 10.0);
    }

    private void check(int lines, String ch, int length, long tokens, String model, String heap, double maxSeconds)
            throws Exception {
        Path file = write(lines, ch, length);
        long normal = Encodings.newLazyEncodingRegistry().getEncoding(model.startsWith("gpt-3.5")
                ? EncodingType.CL100K_BASE : EncodingType.O200K_BASE).countTokensOrdinary(ANSWER);

        Map<String, String> r = runChild(file, model, heap);

        System.out.printf("%s x %d in %d lines (%s, -Xmx%s, %d MB file): validate %s s, peak heap %s MB before GC,"
                        + " %s MB live after GC%n", ch.equals(" ") ? "space" : ch, length, lines, model, heap,
                Files.size(file) >> 20, r.get("seconds"), r.get("peakHeapMb"), r.get("peakLiveMb"));
        assertThat(Long.parseLong(r.get("examples"))).as(r.toString()).isEqualTo(lines + NORMAL_AFTER);
        assertThat(Long.parseLong(r.get("counted"))).as("every line is counted: %s", r)
                .isEqualTo(lines + NORMAL_AFTER);
        assertThat(Long.parseLong(r.get("assistantMax"))).isEqualTo(tokens);
        assertThat(Long.parseLong(r.get("assistantSum"))).isEqualTo(lines * tokens + NORMAL_AFTER * normal);
        assertThat(r.get("errors")).isEqualTo("-");
        assertThat(Double.parseDouble(r.get("seconds"))).isLessThanOrEqualTo(maxSeconds);
    }

    private Path write(int lines, String ch, int length) throws IOException {
        Path file = dir.resolve("runs.jsonl");
        String run = ch.repeat(length);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < lines; i++) {
                out.write("{\"messages\":[{\"role\":\"user\",\"content\":\"Zeig mir eine lange Zeile " + i
                        + ".\"},{\"role\":\"assistant\",\"content\":\"");
                out.write(run);
                out.write("\"}]}\n");
            }
            for (int i = 0; i < NORMAL_AFTER; i++) {
                out.write("{\"messages\":[{\"role\":\"user\",\"content\":\"Frage " + i + ": Warum saugt er nicht?\"},"
                        + "{\"role\":\"assistant\",\"content\":\"" + ANSWER + "\"}]}\n");
            }
        }
        return file;
    }

    private static Map<String, String> runChild(Path file, String model, String heap) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx" + heap, "-XX:+UseG1GC", "-Xlog:gc:stdout", "-cp",
                System.getProperty("java.class.path"), LongRunsProbe.class.getName(), file.toString(), model))
                .redirectErrorStream(true).start();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        String result = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow(
                () -> new AssertionError("no RESULT line from the child JVM:\n" + output));
        Map<String, String> values = new HashMap<>();
        long peakBefore = 0;
        long peakAfter = 0;
        for (Matcher m = GC.matcher(output); m.find(); ) {
            peakBefore = Math.max(peakBefore, Long.parseLong(m.group(1)));
            peakAfter = Math.max(peakAfter, Long.parseLong(m.group(2)));
        }
        values.put("peakHeapMb", Long.toString(peakBefore));
        values.put("peakLiveMb", Long.toString(peakAfter));
        for (String part : result.substring(7).split(" ")) {
            int eq = part.indexOf('=');
            values.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return values;
    }
}
