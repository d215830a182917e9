package io.github.finetune4j.core.internal.preflight;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.internal.tokenizer.TiktokenCounter;
import io.github.finetune4j.core.internal.tokenizer.TokenCounter;
import io.github.finetune4j.core.internal.tokenizer.WorkBudget;
import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.core.model.Severity;
import io.github.finetune4j.core.preflight.TokenEncoding;
import io.github.finetune4j.core.preflight.ValidationOptions;
import io.github.finetune4j.core.preflight.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One bad line never stops the pre-flight: whatever goes wrong becomes an issue on that line. */
class LineIsolationTest {
    @TempDir
    Path dir;

    private static String example(int i, String answer) {
        return "{\"messages\":[{\"role\":\"user\",\"content\":\"Frage " + i + "\"},"
                + "{\"role\":\"assistant\",\"content\":\"" + answer + "\"}]}";
    }

    @Test
    void runningOutOfMemoryOnOneLineIsAnIssueOnThatLine() {
        TokenCounter exhausting = new TokenCounter() {
            @Override
            public int count(String text, WorkBudget budget) {
                if (text.startsWith("BOOM")) {
                    throw new OutOfMemoryError("Java heap space");
                }
                return TiktokenCounter.of(TokenEncoding.O200K_BASE).count(text, budget);
            }

            @Override
            public String name() {
                return "o200k_base";
            }
        };
        LineChecker checker = new LineChecker("t", FineTuneMethod.SUPERVISED, new TextAnalyzer(exhausting, false),
                new JsonReaders(64, 1 << 20), Severity.ERROR, Severity.WARNING, false, 1 << 20);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        LineBuilder lines = new LineBuilder();
        for (String line : List.of(example(1, "Ja."), example(2, "BOOM"), example(3, "Nein."))) {
            int start = data.size();
            data.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            lines.add(start, data.size());
        }

        LineResult[] results = checker.check(lines.build(data.toByteArray(), 1));

        assertThat(results[1].issues).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo("line_check_failed");
            assertThat(i.line()).isEqualTo(2);
            assertThat(i.message()).contains("not enough memory");
        });
        assertThat(results[0].counted).isTrue();
        assertThat(results[2].counted).isTrue();
        assertThat(results[2].tokens).isPositive();
    }

    @Test
    void aLineThatCouldNotBeCheckedNeverGoesIntoTheRedactedCopy() throws Exception {
        Path copy = dir.resolve("copy.jsonl");
        RedactedWriter writer = new RedactedWriter(copy);
        Aggregator aggregator = new Aggregator("t", new IssueCollector(10), null, "m", writer);
        byte[] data = "{\"a\":1}\n{\"secret\":\"erika@example.de\"}".getBytes(StandardCharsets.UTF_8);
        LineBuilder lines = new LineBuilder();
        lines.add(0, 7);
        lines.add(8, data.length);
        LineResult ok = new LineResult(false, false, 0, 0, 0, 1, List.of(), List.of(), null);
        LineResult unchecked = new LineResult(false, false, 0, 0, 0, 0, List.of(), List.of(), null, true);

        aggregator.accept(lines.build(data, 1), new LineResult[] {ok, unchecked});
        writer.commit();
        writer.close();

        assertThat(Files.readAllLines(copy)).containsExactly("{\"a\":1}");
    }

    @Test
    void aLineOverItsTimeLimitIsReportedAndTheFileGoesOn() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            lines.add(example(i, i == 1 ? " ".repeat(1_000_000) + "!" : "Antwort " + i));
        }
        Path file = Files.write(dir.resolve("slow.jsonl"), lines, StandardCharsets.UTF_8);

        ValidationReport report = Dataset.fromJsonl(file).validate(ValidationOptions.builder().baseModel("gpt-4o-mini")
                .lineTimeLimit(Duration.ofNanos(1)).build());

        assertThat(report.errors()).extracting(DatasetIssue::code, DatasetIssue::line, DatasetIssue::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("line_too_expensive", 2L,
                        "messages[1].content"));
        assertThat(report.examples()).isEqualTo(12);
        assertThat(report.tokens().perExample().count()).as("every other line is counted").isEqualTo(11);
    }

    @Test
    void aLineOfMoreThanTwoGibibytesIsReportedWithItsTrueLength() throws Exception {
        long length = (1L << 31) + 5;
        byte[] first = (example(1, "Ja.") + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] last = ("\n" + example(3, "Nein.") + "\n").getBytes(StandardCharsets.UTF_8);
        FileBatchSource source = new FileBatchSource(() -> new SequenceInputStream(
                new SequenceInputStream(new java.io.ByteArrayInputStream(first), new Repeated('x', length)),
                new java.io.ByteArrayInputStream(last)), 1 << 20, 1 << 20);
        List<Batch> batches = new ArrayList<>();

        long bytes = source.read(batches::add);

        assertThat(bytes).isEqualTo(first.length + length + last.length);
        Batch skipped = batches.stream().filter(b -> b.skippedBytes != null).findFirst().orElseThrow();
        int at = 0;
        while (!skipped.isSkipped(at)) {
            at++;
        }
        assertThat(skipped.firstLine + at).isEqualTo(2);
        assertThat(skipped.skippedBytes[at]).isEqualTo(length);
        LineChecker checker = new LineChecker("t", FineTuneMethod.SUPERVISED,
                new TextAnalyzer(TiktokenCounter.of(TokenEncoding.O200K_BASE), false), new JsonReaders(64, 1 << 20),
                Severity.ERROR, Severity.WARNING, false, 1 << 20);
        assertThat(checker.check(skipped)[at].issues).singleElement().satisfies(i -> assertThat(i.message())
                .isEqualTo("line has 2147483653 bytes, more than the limit of 1048576; it was skipped"));
    }

    @Test
    void anUnpairedSurrogateInAnInMemoryDatasetIsReported() {
        Dataset.Builder b = Dataset.builder();
        for (int i = 0; i < 10; i++) {
            b.conversation(Message.user(i == 4 ? "\ud800 kaputt" : "Frage " + i), Message.assistant("Antwort"));
        }

        ValidationReport report = b.build().validate(ValidationOptions.builder().baseModel("gpt-4o-mini").build());

        assertThat(report.errors()).extracting(DatasetIssue::code, DatasetIssue::line, DatasetIssue::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("unpaired_surrogate", 5L,
                        "messages[0].content"));
    }

    /** {@code length} copies of one byte, produced without holding them. */
    private static final class Repeated extends InputStream {
        private final byte value;
        private long left;

        Repeated(char value, long length) {
            this.value = (byte) value;
            this.left = length;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return value;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, value);
            left -= n;
            return n;
        }
    }
}
