package io.github.finetune4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class FilesApiTest {

    private final EmulatorClock clock = EmulatorClock.manual();
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(clock).start();
    private final EmulatorHttp http = new EmulatorHttp(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void uploadReturnsFileObjectThatIsProcessedAfterTheDelay() {
        byte[] content = EmulatorHttp.dataset("t1000-train.jsonl");

        EmulatorHttp.Reply reply = http.upload("train.jsonl", "fine-tune", content);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode file = reply.json();
        assertThat(file.get("id").asText()).startsWith("file-");
        assertThat(file.get("object").asText()).isEqualTo("file");
        assertThat(file.get("bytes").asLong()).isEqualTo(content.length);
        assertThat(file.get("filename").asText()).isEqualTo("train.jsonl");
        assertThat(file.get("purpose").asText()).isEqualTo("fine-tune");
        assertThat(file.get("created_at").asLong()).isEqualTo(EmulatorClock.DEFAULT_MANUAL_START.getEpochSecond());
        assertThat(file.get("status").asText()).isEqualTo("uploaded");

        clock.advance(FineTuningEmulator.DEFAULT_FILE_PROCESSING_DELAY);
        assertThat(http.get("/files/" + file.get("id").asText()).json().get("status").asText())
                .isEqualTo("processed");
    }

    @Test
    void uploadWithoutFilenameAnswersTheServicesMultipartError() {
        EmulatorHttp.Reply reply = http.upload(null, "fine-tune", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("message").asText())
                .isEqualTo("The browser (or proxy) sent a request that this server could not understand.");
    }

    @Test
    void fineTuneUploadMustBeJsonl() {
        EmulatorHttp.Reply reply = http.upload("train.csv", "fine-tune", "a,b".getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("message").asText()).contains("Must be .jsonl");
        assertThat(reply.error().get("param").asText()).isEqualTo("file");
    }

    @Test
    void unknownPurposeIsRejectedWithParamPurpose() {
        EmulatorHttp.Reply reply = http.upload("train.jsonl", "fine-tune-results", new byte[]{'{', '}'});

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("param").asText()).isEqualTo("purpose");
    }

    @Test
    void listPagesNewestFirstWithCursorAndFiltersByPurpose() {
        String first = http.uploadDataset("t1000-train.jsonl");
        clock.advance(Duration.ofSeconds(1));
        String second = http.uploadDataset("t1000-validation.jsonl");
        clock.advance(Duration.ofSeconds(1));
        String batch = http.upload("batch.jsonl", "batch", "{}".getBytes(StandardCharsets.UTF_8)).json()
                .get("id").asText();

        JsonNode page1 = http.get("/files?limit=2").json();
        assertThat(ids(page1)).containsExactly(batch, second);
        assertThat(page1.get("has_more").asBoolean()).isTrue();
        assertThat(page1.get("first_id").asText()).isEqualTo(batch);
        assertThat(page1.get("last_id").asText()).isEqualTo(second);

        JsonNode page2 = http.get("/files?limit=2&after=" + second).json();
        assertThat(ids(page2)).containsExactly(first);
        assertThat(page2.get("has_more").asBoolean()).isFalse();

        assertThat(ids(http.get("/files?purpose=fine-tune&order=asc").json())).containsExactly(first, second);
    }

    @Test
    void deleteRemovesTheFile() {
        String id = http.uploadDataset("t1000-train.jsonl");

        JsonNode deleted = http.delete("/files/" + id).json();

        assertThat(deleted.get("id").asText()).isEqualTo(id);
        assertThat(deleted.get("object").asText()).isEqualTo("file");
        assertThat(deleted.get("deleted").asBoolean()).isTrue();
        EmulatorHttp.Reply missing = http.get("/files/" + id);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error().get("message").asText()).isEqualTo("No such File object: " + id);
    }

    @Test
    void fineTuneFilesDownloadByteForByteSoThatAMigrationCanKeepThem() {
        byte[] dataset = EmulatorHttp.dataset("t1000-train.jsonl");
        String id = http.uploadDataset("t1000-train.jsonl");

        EmulatorHttp.Reply reply = http.get("/files/" + id + "/content");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.bytes()).isEqualTo(dataset);
    }

    @Test
    void assistantsFilesCannotBeDownloadedAsWithTheService() {
        String id = http.upload("notes.txt", "assistants", new byte[]{'x'}).json().get("id").asText();

        EmulatorHttp.Reply reply = http.get("/files/" + id + "/content");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("message").asText())
                .isEqualTo("Not allowed to download files of purpose: assistants");
    }

    @Test
    void otherFilesDownloadAsRawBytes() {
        byte[] content = "{\"custom_id\":\"1\"}\n".getBytes(StandardCharsets.UTF_8);
        String id = http.upload("batch.jsonl", "batch", content).json().get("id").asText();

        EmulatorHttp.Reply reply = http.get("/files/" + id + "/content");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.bytes()).isEqualTo(content);
    }

    private static java.util.List<String> ids(JsonNode list) {
        java.util.List<String> out = new java.util.ArrayList<>();
        list.get("data").forEach(f -> out.add(f.get("id").asText()));
        return out;
    }
}
