package io.github.finetune4j.examples.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.preflight.PiiPolicy;
import io.github.finetune4j.core.preflight.ValidationOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/preflight.md shows a JSON report and its input; the library must write exactly that report. */
class PreflightJsonGuideTest {
    private static final Path GUIDE = Guides.ROOT.resolve("docs/preflight.md");

    @TempDir
    Path work;

    @Test
    void theJsonReportOfTheGuideIsWhatTheLibraryWritesForItsInput() throws Exception {
        Path training = Files.writeString(work.resolve("train.jsonl"), Guides.blockAfter(GUIDE,
                "preflight-json-input"));
        Path redacted = work.resolve("train.redacted.jsonl");

        String json = Dataset.fromJsonl(training).validate(ValidationOptions.builder()
                .baseModel("gpt-4o-mini-2024-07-18").piiPolicy(PiiPolicy.REDACT).redactedCopy(redacted).build())
                .toJson();

        ObjectMapper mapper = new ObjectMapper();
        JsonNode documented = mapper.readTree(Guides.blockAfter(GUIDE, "preflight-json-output"));
        ObjectNode real = (ObjectNode) mapper.readTree(json);
        assertThat(real.path("source").asText()).endsWith("train.jsonl");
        assertThat(real.path("redacted_copy").asText()).endsWith("train.redacted.jsonl");
        real.put("source", documented.path("source").asText());                 // here the paths are absolute
        real.put("redacted_copy", documented.path("redacted_copy").asText());
        assertThat(real.toPrettyString()).isEqualTo(documented.toPrettyString());
        assertThat(Files.readString(redacted)).doesNotContain("anna.schmidt@example.com");
    }
}
