package io.github.finetune4j.core;

import io.github.finetune4j.core.error.DatasetValidationException;
import io.github.finetune4j.core.model.Example;
import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.core.model.Role;
import io.github.finetune4j.core.model.ToolCall;
import io.github.finetune4j.core.model.ToolDefinition;
import io.github.finetune4j.core.model.TrainingRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetTest {
    @TempDir
    Path dir;

    @Test
    void builderPutsSystemPromptBeforeEveryExample() {
        Dataset data = Dataset.builder().systemPrompt("Sei hilfreich.")
                .example("Frage?", "Antwort.")
                .conversation(Message.user("Hallo"), Message.assistant("Hi").withWeight(0), Message.user("Und?"),
                        Message.assistant("Gut."))
                .build();

        List<Example> examples = data.examples().collect(Collectors.toList());

        assertThat(examples).hasSize(2).allSatisfy(e -> assertThat(e.messages().get(0).role()).isEqualTo(Role.SYSTEM));
        assertThat(examples.get(1).messages().get(2).weight()).contains(0);
    }

    @Test
    void writesAndReadsBackJsonlWithToolsNamesAndWeights() {
        Dataset data = Dataset.builder().name("tools")
                .tools(ToolDefinition.function("get_weather", "Weather", "{\"type\":\"object\"}"))
                .conversation(Message.user("Weather in Paris?").withName("anna"),
                        Message.assistantToolCalls(List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"))),
                        Message.tool("call_1", "21"), Message.assistant("It is 21 °C in Paris. 🌤").withWeight(1))
                .preference("Wie kalt?", "Etwa 14 °C.", "Kalt.")
                .build();
        Path file = dir.resolve("out.jsonl");

        data.writeJsonl(file);
        List<TrainingRecord> back;
        try (Stream<TrainingRecord> records = Dataset.fromJsonl(file).records()) {
            back = records.collect(Collectors.toList());
        }

        assertThat(back).containsExactlyElementsOf(data.records().collect(Collectors.toList()));
        assertThat(Dataset.fromJsonl(file).name()).isEqualTo("out");
    }

    @Test
    void invalidLineReportsFileLineFieldAndCode() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"assistant\",\"content\":\"b\"}]}\n"
                + "{\"messages\":[{\"role\":\"robot\",\"content\":\"a\"}]}\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Dataset.fromJsonl(file).size())
                .isInstanceOfSatisfying(DatasetValidationException.class, e -> assertThat(e.issues()).singleElement()
                        .satisfies(i -> {
                            assertThat(i.line()).isEqualTo(2);
                            assertThat(i.field()).isEqualTo("messages[0].role");
                            assertThat(i.code()).isEqualTo("unrecognized_role");
                            assertThat(i.source()).endsWith("bad.jsonl");
                        }));
    }

    @Test
    void notJsonReportsColumn() throws Exception {
        Path file = dir.resolve("broken.jsonl");
        Files.writeString(file, "{\"messages\": [oops]}\n");

        assertThatThrownBy(() -> Dataset.fromJsonl(file).size())
                .isInstanceOfSatisfying(DatasetValidationException.class, e -> assertThat(e.issues().get(0).message())
                        .contains("column"));
    }

    @Test
    void failedWriteLeavesNoHalfWrittenFile() throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"assistant\",\"content\":\"b\"}]}\n"
                + "not json\n");
        Path target = dir.resolve("copy.jsonl");

        assertThatThrownBy(() -> Dataset.fromJsonl(bad).writeJsonl(target)).isInstanceOf(DatasetValidationException.class);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("bad.jsonl");
        }
    }

    @Test
    void toStringShowsNoContent() {
        Dataset data = Dataset.builder().example("geheime Frage", "geheime Antwort").build();

        assertThat(data.toString()).doesNotContain("geheim");
    }
}
