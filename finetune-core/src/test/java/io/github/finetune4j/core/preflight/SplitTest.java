package io.github.finetune4j.core.preflight;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.model.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SplitTest {
    @TempDir
    Path dir;

    @Test
    void sameSeedGivesTheSameSplitAndTheExactShare() throws Exception {
        Path source = PreflightTestData.write(dir, "all.jsonl", 200);
        Dataset data = Dataset.fromJsonl(source);

        DatasetSplit a = data.split(0.1, 42, dir.resolve("a-train.jsonl"), dir.resolve("a-valid.jsonl"));
        DatasetSplit b = data.split(0.1, 42, dir.resolve("b-train.jsonl"), dir.resolve("b-valid.jsonl"));
        DatasetSplit c = data.split(0.1, 7, dir.resolve("c-train.jsonl"), dir.resolve("c-valid.jsonl"));

        assertThat(a.validationExamples()).isEqualTo(20);
        assertThat(a.trainingExamples()).isEqualTo(180);
        assertThat(lines("a-train.jsonl")).isEqualTo(lines("b-train.jsonl")).hasSize(180);
        assertThat(lines("a-valid.jsonl")).isEqualTo(lines("b-valid.jsonl")).hasSize(20);
        assertThat(lines("c-valid.jsonl")).isNotEqualTo(lines("a-valid.jsonl"));
        assertThat(a.training().file()).contains(dir.resolve("a-train.jsonl"));
    }

    @Test
    void everyLineLandsInExactlyOnePartInOriginalOrderAndBlankLinesAreDropped() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            lines.add(PreflightTestData.line(i, "Frage " + i));
            if (i % 10 == 0) {
                lines.add("   ");
            }
        }
        Path source = PreflightTestData.write(dir, "blank.jsonl", lines);

        DatasetSplit split = Dataset.fromJsonl(source).split(0.3, 1, dir.resolve("t.jsonl"), dir.resolve("v.jsonl"));

        List<String> train = lines("t.jsonl");
        List<String> valid = lines("v.jsonl");
        assertThat(valid).hasSize(15);
        assertThat(train).hasSize(35);
        List<String> merged = new ArrayList<>(train);
        merged.addAll(valid);
        assertThat(merged).containsExactlyInAnyOrderElementsOf(lines.stream().filter(l -> !l.isBlank()).toList());
        assertThat(train).isSortedAccordingTo((x, y) -> Integer.compare(lines.indexOf(x), lines.indexOf(y)));
        assertThat(split.validation().size()).isEqualTo(15);
    }

    @Test
    void inMemoryDatasetsSplitToo() throws Exception {
        Dataset.Builder b = Dataset.builder().systemPrompt("Sei kurz.");
        for (int i = 0; i < 10; i++) {
            b.conversation(Message.user("F" + i), Message.assistant("A" + i));
        }

        DatasetSplit split = b.build().split(0.2, 3, dir.resolve("mt.jsonl"), dir.resolve("mv.jsonl"));

        assertThat(split.validationExamples()).isEqualTo(2);
        assertThat(lines("mt.jsonl")).hasSize(8);
        assertThat(lines("mv.jsonl")).hasSize(2);
    }

    @Test
    void rejectsBadArguments() throws Exception {
        Dataset data = Dataset.fromJsonl(PreflightTestData.write(dir, "one.jsonl", 1));
        Dataset two = Dataset.fromJsonl(PreflightTestData.write(dir, "two.jsonl", 2));

        assertThatThrownBy(() -> two.split(0, 1, dir.resolve("x"), dir.resolve("y")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> two.split(1.0, 1, dir.resolve("x"), dir.resolve("y")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> two.split(0.5, 1, dir.resolve("x"), dir.resolve("x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> data.split(0.5, 1, dir.resolve("x"), dir.resolve("y")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(two.split(0.01, 1, dir.resolve("x"), dir.resolve("y")).validationExamples()).isEqualTo(1);
    }

    private List<String> lines(String name) throws Exception {
        return Files.readAllLines(dir.resolve(name), StandardCharsets.UTF_8);
    }
}
