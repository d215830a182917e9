package io.github.finetune4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class JobValidationTest {

    private static final String LINE = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},"
            + "{\"role\":\"assistant\",\"content\":\"Hello\"}]}\n";

    private final EmulatorClock clock = EmulatorClock.manual();
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(clock).start();
    private final EmulatorHttp http = new EmulatorHttp(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void unknownTrainingFileIsRejectedAtCreate() {
        EmulatorHttp.Reply reply = http.post("/fine_tuning/jobs",
                "{\"model\":\"gpt-4o-mini-2024-07-18\",\"training_file\":\"file-nope\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(reply.error().get("param").asText()).isEqualTo("training_file");
        assertThat(reply.error().get("message").asText()).contains("file-nope");
    }

    @Test
    void missingModelIsRejectedWithParamModel() {
        EmulatorHttp.Reply reply = http.post("/fine_tuning/jobs", "{\"training_file\":\"file-x\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("param").asText()).isEqualTo("model");
    }

    @Test
    void modelThatCannotBeFineTunedIsRejected() {
        String file = http.uploadDataset("t1000-train.jsonl");

        EmulatorHttp.Reply reply = http.post("/fine_tuning/jobs",
                "{\"model\":\"gpt-9\",\"training_file\":\"" + file + "\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("code").asText()).isEqualTo("model_not_available");
    }

    @Test
    void misspelledHyperparameterIsRejectedLikeTheService() {
        String file = http.uploadDataset("t1000-train.jsonl");

        EmulatorHttp.Reply reply = http.post("/fine_tuning/jobs", "{\"model\":\"gpt-4o-mini-2024-07-18\","
                + "\"training_file\":\"" + file + "\",\"hyperparameters\":{\"nepochs\":3}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("param").asText()).isEqualTo("hyperparameters.nepochs");
    }

    @Test
    void unknownTopLevelArgumentIsRejected() {
        String file = http.uploadDataset("t1000-train.jsonl");

        EmulatorHttp.Reply reply = http.post("/fine_tuning/jobs", "{\"model\":\"gpt-4o-mini-2024-07-18\","
                + "\"training_file\":\"" + file + "\",\"trainingFile\":\"x\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("message").asText())
                .isEqualTo("Unrecognized request argument supplied: trainingFile");
    }

    @Test
    void bodyThatIsNotJsonIsRejected() {
        EmulatorHttp.Reply reply = http.post("/fine_tuning/jobs", "model=gpt");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("message").asText()).startsWith("We could not parse the JSON body");
    }

    @Test
    void fileWithFewerThanTenExamplesFailsTheJobWhenItValidates() {
        JsonNode job = createAndValidate(EmulatorHttp.dataset("t1000-four-examples.jsonl"));

        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("error").get("code").asText()).isEqualTo("invalid_training_file");
        assertThat(job.get("error").get("param").asText()).isEqualTo("training_file");
        assertThat(job.get("error").get("message").asText())
                .isEqualTo("Training file has 4 example(s), but must have at least 10 examples");
        assertThat(job.get("finished_at").isNumber()).isTrue();
    }

    @Test
    void failedValidationIsReportedAsAnErrorEvent() {
        String id = createAndValidate(EmulatorHttp.dataset("t1000-four-examples.jsonl")).get("id").asText();

        JsonNode newest = http.get("/fine_tuning/jobs/" + id + "/events").json().get("data").get(0);

        assertThat(newest.get("level").asText()).isEqualTo("error");
        assertThat(newest.get("message").asText()).startsWith("Training file has 4 example(s)");
    }

    @Test
    void lineThatIsNotJsonFailsTheJobNamingTheLine() {
        String content = LINE.repeat(6) + "{not json}\n" + LINE.repeat(6);

        JsonNode job = createAndValidate(content.getBytes(StandardCharsets.UTF_8));

        assertThat(job.get("error").get("code").asText()).isEqualTo("invalid_training_file");
        assertThat(job.get("error").get("message").asText()).contains("Line 7");
    }

    @Test
    void exampleWithoutMessagesFailsTheJobNamingTheLine() {
        String content = LINE.repeat(10) + "{\"prompt\":\"a\",\"completion\":\"b\"}\n";

        JsonNode job = createAndValidate(content.getBytes(StandardCharsets.UTF_8));

        assertThat(job.get("error").get("message").asText())
                .isEqualTo("Invalid file format. Line 11, key \"messages\": missing or empty.");
    }

    @Test
    void exampleWithoutAssistantMessageFailsTheJob() {
        String content = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}\n" + LINE.repeat(10);

        JsonNode job = createAndValidate(content.getBytes(StandardCharsets.UTF_8));

        assertThat(job.get("error").get("message").asText()).contains("Line 1").contains("no assistant message");
    }

    @Test
    void jobCreatedBeforeTheFileIsProcessedWaitsForIt() {
        String file = http.uploadDataset("t1000-train.jsonl");
        String id = http.createJob("{\"model\":\"gpt-4o-mini-2024-07-18\",\"training_file\":\"" + file + "\"}")
                .get("id").asText();

        clock.advance(Duration.ofSeconds(21));
        assertThat(http.job(id).get("status").asText()).isEqualTo("validating_files");
        clock.advance(Duration.ofSeconds(1));
        assertThat(http.job(id).get("status").asText()).isEqualTo("queued");
    }

    private JsonNode createAndValidate(byte[] content) {
        String file = http.upload("train.jsonl", "fine-tune", content).json().get("id").asText();
        String id = http.createJob("{\"model\":\"gpt-4o-mini-2024-07-18\",\"training_file\":\"" + file + "\"}")
                .get("id").asText();
        assertThat(http.job(id).get("status").asText()).isEqualTo("validating_files");
        clock.advance(Duration.ofSeconds(30));
        return http.job(id);
    }
}
