package io.github.finetune4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TogetherFilesTest {

    private final EmulatorClock clock = EmulatorClock.manual();
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(clock).start();
    private final TogetherHttp together = new TogetherHttp(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void uploadIsPendingThenPassesTheFileCheckWithAReport() {
        JsonNode uploaded = together.uploadJsonl("t1000.jsonl", EmulatorHttp.dataset("t1000-train.jsonl"));
        String id = uploaded.get("id").asText();

        clock.advance(Duration.ofSeconds(2));
        JsonNode checked = together.get("/files/" + id).json();

        assertThat(id).matches("file-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(uploaded.get("Processed").asBoolean()).isFalse();
        assertThat(uploaded.get("processing_status").asText()).isEqualTo("PENDING");
        assertThat(uploaded.get("FileType").asText()).isEqualTo("jsonl");
        assertThat(uploaded.get("filename").asText()).isEqualTo("t1000.jsonl");
        assertThat(checked.get("Processed").asBoolean()).isTrue();
        assertThat(checked.get("processing_status").asText()).isEqualTo("COMPLETED");
        assertThat(checked.get("LineCount").asInt()).isEqualTo(12);
        assertThat(checked.get("validation_report").get("dataset_format").asText()).isEqualTo("conversational");
        assertThat(checked.get("validation_report").get("valid").asBoolean()).isTrue();
    }

    @Test
    void fileWithALineOfAnotherFormatFailsTheCheckNamingTheLine() {
        String content = "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"},"
                + "{\"role\":\"assistant\",\"content\":\"b\"}]}\n"
                + "{\"prompt\":\"a\",\"completion\":\"b\"}\n";
        String id = together.uploadJsonl("mixed.jsonl", content.getBytes(StandardCharsets.UTF_8)).get("id").asText();
        clock.advance(Duration.ofSeconds(2));

        JsonNode checked = together.get("/files/" + id).json();

        assertThat(checked.get("processing_status").asText()).isEqualTo("INVALID_FORMAT");
        assertThat(checked.get("validation_report").get("valid").asBoolean()).isFalse();
        assertThat(checked.get("validation_report").get("error").asText()).contains("Line 2").contains("instruction");
    }

    @Test
    void everyFormatOfTheServiceIsRecognised() {
        Map<String, String> samples = Map.of(
                "instruction", "{\"prompt\":\"Frage\",\"completion\":\"Antwort\"}\n",
                "generic", "{\"text\":\"Ein Text\"}\n",
                "preference", "{\"input\":{\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]},"
                        + "\"preferred_output\":[{\"role\":\"assistant\",\"content\":\"good\"}],"
                        + "\"non_preferred_output\":[{\"role\":\"assistant\",\"content\":\"bad\"}]}\n");
        samples.forEach((format, line) -> {
            String id = together.uploadJsonl(format + ".jsonl", line.getBytes(StandardCharsets.UTF_8)).get("id")
                    .asText();
            clock.advance(Duration.ofSeconds(2));

            assertThat(together.get("/files/" + id).json().get("validation_report").get("dataset_format").asText())
                    .isEqualTo(format);
        });
    }

    @Test
    void identicalContentReturnsTheExistingFile() {
        byte[] content = EmulatorHttp.dataset("t1000-train.jsonl");

        String first = together.uploadJsonl("a.jsonl", content).get("id").asText();
        String second = together.uploadJsonl("b.jsonl", content).get("id").asText();

        assertThat(second).isEqualTo(first);
        assertThat(emulator.together().fileIds()).hasSize(1);
    }

    @Test
    void uploadTakesExactlyTheSpecsFormFields() {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("purpose", "fine-tune");
        extra.put("file_name", "a.jsonl");
        extra.put("filename", "a.jsonl");
        Map<String, String> badPurpose = Map.of("purpose", "training", "file_name", "a.jsonl");
        Map<String, String> csv = new LinkedHashMap<>(Map.of("purpose", "fine-tune", "file_name", "a.csv"));
        csv.put("file_type", "csv");
        Map<String, String> noName = Map.of("purpose", "fine-tune");

        assertThat(together.upload(extra, new byte[]{'{', '}'}).error().get("message").asText())
                .contains("Unknown form field 'filename'");
        assertThat(together.upload(badPurpose, new byte[]{'{', '}'}).error().get("param").asText())
                .isEqualTo("purpose");
        assertThat(together.upload(csv, new byte[]{'a'}).error().get("param").asText()).isEqualTo("file_type");
        assertThat(together.upload(noName, new byte[]{'a'}).error().get("param").asText()).isEqualTo("file_name");
        assertThat(together.upload(Map.of("purpose", "fine-tune", "file_name", "a.jsonl"), null).status())
                .isEqualTo(400);
    }

    @Test
    void listContentAndDelete() {
        byte[] content = EmulatorHttp.dataset("t1000-train.jsonl");
        String id = together.uploadJsonl("t.jsonl", content).get("id").asText();

        JsonNode list = together.get("/files").json();
        EmulatorHttp.Reply body = together.get("/files/" + id + "/content");
        JsonNode deleted = together.delete("/files/" + id).json();

        assertThat(list.get("data")).hasSize(1);
        assertThat(body.bytes()).isEqualTo(content);
        assertThat(deleted.get("deleted").asBoolean()).isTrue();
        EmulatorHttp.Reply gone = together.get("/files/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.error().get("code").asText()).isEqualTo("file_not_found");
    }

    @Test
    void togetherIsItsOwnNamespace() {
        String id = together.uploadJsonl("t.jsonl", EmulatorHttp.dataset("t1000-train.jsonl")).get("id").asText();

        assertThat(new EmulatorHttp(emulator).get("/files/" + id).status()).isEqualTo(404);
        assertThat(emulator.openAi().fileIds()).isEmpty();
        assertThat(emulator.together().fileSha256(id)).hasSize(64);
    }

    @Test
    void wrongKeyGets401InTogethersEnvelope() {
        EmulatorHttp.Reply reply = new EmulatorHttp(emulator.togetherBaseUrl(), "wrong").get("/files");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error().get("code").asText()).isEqualTo("invalid_api_key");
        assertThat(reply.error().get("type").asText()).isEqualTo("invalid_request_error");
    }
}
