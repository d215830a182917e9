package io.github.finetune4j.core.preflight;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.model.DatasetIssue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Invalid JSON is reported in plain words, never with the JSON parser's own location syntax. */
class ParserMessagesTest {
    @TempDir
    Path dir;

    @Test
    void anUnclosedObjectSaysWhereItOpenedWithoutParserInternals() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.jsonl"),
                "{\"messages\": [{\"role\": \"user\", \"content\": \"Hallo\"}\n");

        ValidationReport report = Dataset.fromJsonl(file).validate(ValidationOptions.builder()
                .baseModel("gpt-4o-mini-2024-07-18").build());

        DatasetIssue issue = report.issues().stream().filter(i -> i.code().equals("invalid_json")).findFirst()
                .orElseThrow();
        assertThat(issue.line()).isEqualTo(1);
        assertThat(issue.message()).doesNotContain("[Source:").doesNotContain("REDACTED")
                .doesNotContain("StreamReadFeature");
    }
}
