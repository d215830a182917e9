package io.github.finetune4j.core.internal.preflight;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.core.preflight.ValidationOptions;
import io.github.finetune4j.core.preflight.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineTest {
    @TempDir
    Path dir;

    private static String example(int i) {
        return "{\"messages\":[{\"role\":\"system\",\"content\":\"Sei hilfreich.\"},{\"role\":\"user\",\"content\":"
                + "\"Frage Nummer " + i + " über Größe und Gewicht?\"},"
                + "{\"role\":\"assistant\",\"content\":\"Antwort "
                + i + " 👍\"}]}";
    }

    private Path corpus() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            lines.add(example(i));
        }
        lines.set(17, "{\"messages\": [");
        lines.set(41, "");
        lines.set(99, example(98));
        lines.set(150, "{\"messages\":[{\"role\":\"user\",\"content\":\"" + "y".repeat(3000) + "\"}]}");
        lines.set(220, "{\"messages\":[{\"role\":\"robot\",\"content\":\"x\"},"
                + "{\"role\":\"assistant\",\"content\":\"y\"}]}");
        Path file = dir.resolve("corpus.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static ValidationOptions options(int threads) {
        return ValidationOptions.builder().baseModel("gpt-4o-mini").threads(threads).maxLineBytes(1024).build();
    }

    @Test
    void tinyChunksAndManyThreadsGiveTheSameReportAsOneBigChunk() throws Exception {
        Dataset data = Dataset.fromJsonl(corpus());

        ValidationReport reference = Preflight.run(data, options(1), 1 << 20);
        ValidationReport tiny = Preflight.run(data, options(3), 64);
        ValidationReport odd = Preflight.run(data, options(2), 777);

        assertThat(reference.issues()).extracting(i -> i.line() + " " + i.code()).containsExactly(
                "18 invalid_json", "42 blank_line", "100 duplicate_example", "151 line_too_long",
                "221 unrecognized_role", "221 missing_system_message", "221 missing_user_message");
        for (ValidationReport r : List.of(tiny, odd)) {
            assertThat(r.issues()).isEqualTo(reference.issues());
            assertThat(r.tokens()).isEqualTo(reference.tokens());
            assertThat(r.cost()).isEqualTo(reference.cost());
            assertThat(r.lines()).isEqualTo(300);
            assertThat(r.examples()).isEqualTo(299);
            assertThat(r.bytes()).isEqualTo(Files.size(data.file().orElseThrow()));
        }
    }

    @Test
    void overlongLineSpanningManyChunksIsSkippedAndLineNumbersStayRight() throws Exception {
        Path file = dir.resolve("long.jsonl");
        String big = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + "z".repeat(10_000) + "\"}]}";
        Files.write(file, List.of(example(1), big, example(3), big), StandardCharsets.UTF_8);

        ValidationReport r = Preflight.run(Dataset.fromJsonl(file), options(2), 100);

        assertThat(r.issues()).filteredOn(i -> i.code().equals("line_too_long")).extracting(i -> i.line())
                .containsExactly(2L, 4L);
        assertThat(r.issues()).filteredOn(i -> i.line() == 2).singleElement()
                .satisfies(i -> assertThat(i.message()).contains(String.valueOf(big.length())));
        assertThat(r.lines()).isEqualTo(4);
        assertThat(r.tokens().perExample().count()).isEqualTo(2);
    }

    @Test
    void inMemoryDatasetIsCheckedLikeItsFile() throws Exception {
        Dataset.Builder b = Dataset.builder().systemPrompt("Sei hilfreich.");
        for (int i = 0; i < 120; i++) {
            b.conversation(Message.user("Frage " + i + " über Größe?"), Message.assistant("Antwort " + i + " 👍"));
        }
        Dataset memory = b.build();
        Path file = dir.resolve("memory.jsonl");
        memory.writeJsonl(file);

        ValidationReport fromMemory = Preflight.run(memory, options(2), 512);
        ValidationReport fromFile = Preflight.run(Dataset.fromJsonl(file), options(2), 512);

        assertThat(fromMemory.source()).isEqualTo(memory.name() + " (built in code)");
        assertThat(fromMemory.tokens()).isEqualTo(fromFile.tokens());
        assertThat(fromMemory.cost()).isEqualTo(fromFile.cost());
        assertThat(fromMemory.bytes()).isEqualTo(Files.size(file));
        assertThat(fromMemory.issues()).isEmpty();
    }

    @Test
    void missingFileBecomesAnIoErrorIssue() throws Exception {
        Path file = dir.resolve("gone.jsonl");
        Files.writeString(file, example(1));
        Dataset data = Dataset.fromJsonl(file);
        Files.delete(file);

        ValidationReport r = data.validate(options(2));

        assertThat(r.errors()).extracting(i -> i.code()).contains("io_error");
    }
}
