package io.github.finetune4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AzureFilesTest {

    private final EmulatorClock clock = EmulatorClock.manual();
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(clock).start();
    private final AzureHttp dated = AzureHttp.dated(emulator);
    private final AzureHttp v1 = AzureHttp.v1(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void datedUploadAnswers201WithLocationAndAnAzureFileId() {
        EmulatorHttp.Reply reply = dated.upload("train.jsonl", "fine-tune", EmulatorHttp.dataset("t1000-train.jsonl"));

        assertThat(reply.status()).isEqualTo(201);
        JsonNode file = reply.json();
        assertThat(file.get("id").asText()).matches("file-[0-9a-f]{32}");
        assertThat(file.get("object").asText()).isEqualTo("file");
        assertThat(file.get("status").asText()).isEqualTo("pending");
        assertThat(file.get("purpose").asText()).isEqualTo("fine-tune");
        assertThat(reply.headers().firstValue("Location")).hasValue(emulator.azureEndpoint() + "/openai/files/"
                + file.get("id").asText() + "?api-version=2024-10-21");
    }

    @Test
    void v1UploadAnswers200() {
        EmulatorHttp.Reply reply = v1.upload("train.jsonl", "fine-tune", EmulatorHttp.dataset("t1000-train.jsonl"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asText()).isEqualTo("pending");
        assertThat(reply.json().get("bytes").asInt()).isPositive();
    }

    @Test
    void fileMovesFromPendingToRunningToProcessedOnTheClock() {
        String id = dated.uploadDataset("t1000-train.jsonl");

        assertThat(status(id)).isEqualTo("pending");
        clock.advance(Duration.ofSeconds(1));
        assertThat(status(id)).isEqualTo("running");
        clock.advance(Duration.ofSeconds(1));
        assertThat(status(id)).isEqualTo("processed");
        assertThat(v1.get("/files/" + id).json().get("status").asText()).isEqualTo("processed");
    }

    @Test
    void fileWithALineThatIsNotJsonEndsInErrorWithStatusDetails() {
        byte[] broken = "{\"messages\":[]}\nnot json\n".getBytes(StandardCharsets.UTF_8);
        String id = dated.upload("broken.jsonl", "fine-tune", broken).json().get("id").asText();
        clock.advance(Duration.ofSeconds(2));

        JsonNode file = dated.get("/files/" + id).json();

        assertThat(file.get("status").asText()).isEqualTo("error");
        assertThat(file.get("status_details").asText()).contains("Line 2");
    }

    @Test
    void jobOnAFileThatIsStillPendingIsRefusedWithUnexpectedEntityState() {
        String id = dated.uploadDataset("t1000-train.jsonl");

        EmulatorHttp.Reply reply = dated.post("/fine_tuning/jobs", AzureHttp.jobBody(id));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("code").asText()).isEqualTo("unexpectedEntityState");
        assertThat(reply.error().get("target").asText()).isEqualTo("training_file");
    }

    @Test
    void jobOnAFileThatFailedProcessingIsRefusedWithInvalidPayload() {
        String id = dated.upload("broken.jsonl", "fine-tune", "nope".getBytes(StandardCharsets.UTF_8)).json()
                .get("id").asText();
        clock.advance(Duration.ofSeconds(2));

        EmulatorHttp.Reply reply = dated.post("/fine_tuning/jobs", AzureHttp.jobBody(id));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("code").asText()).isEqualTo("invalidPayload");
    }

    @Test
    void datedListHasNoPagingAndFiltersByPurpose() {
        dated.uploadDataset("t1000-train.jsonl");
        dated.upload("batch.jsonl", "batch", "{}".getBytes(StandardCharsets.UTF_8));

        JsonNode all = dated.get("/files").json();
        JsonNode fineTune = dated.get("/files?purpose=fine-tune").json();

        assertThat(all.get("object").asText()).isEqualTo("list");
        assertThat(all.get("data")).hasSize(2);
        assertThat(all.has("has_more")).isFalse();
        assertThat(fineTune.get("data")).hasSize(1);
    }

    @Test
    void v1ListPagesWithAfterAndLimit() {
        String first = v1.uploadDataset("t1000-train.jsonl");
        String second = v1.uploadDataset("t1000-validation.jsonl");

        JsonNode page = v1.get("/files?limit=1").json();
        JsonNode next = v1.get("/files?limit=1&after=" + second).json();

        assertThat(page.get("data").get(0).get("id").asText()).isEqualTo(second);
        assertThat(page.get("has_more").asBoolean()).isTrue();
        assertThat(next.get("data").get(0).get("id").asText()).isEqualTo(first);
        assertThat(next.get("has_more").asBoolean()).isFalse();
    }

    @Test
    void contentReturnsTheUploadedBytesAndDeleteRemovesTheFile() {
        byte[] data = EmulatorHttp.dataset("t1000-train.jsonl");
        String id = dated.upload("train.jsonl", "fine-tune", data).json().get("id").asText();

        EmulatorHttp.Reply content = dated.get("/files/" + id + "/content");
        EmulatorHttp.Reply deleted = dated.delete("/files/" + id);
        EmulatorHttp.Reply gone = dated.get("/files/" + id);

        assertThat(content.bytes()).isEqualTo(data);
        assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
        assertThat(deleted.json().get("id").asText()).isEqualTo(id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.error().get("code").asText()).isEqualTo("notFound");
    }

    @Test
    void bothAzureRoutesServeTheSameResourceButOpenAiIsAnotherAccount() {
        String id = v1.uploadDataset("t1000-train.jsonl");

        assertThat(dated.get("/files/" + id).status()).isEqualTo(200);
        assertThat(new EmulatorHttp(emulator).get("/files/" + id).status()).isEqualTo(404);
    }

    private String status(String id) {
        return dated.get("/files/" + id).json().get("status").asText();
    }
}
