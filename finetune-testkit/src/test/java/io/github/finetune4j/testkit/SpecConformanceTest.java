package io.github.finetune4j.testkit;

import io.github.finetune4j.testsupport.SpecSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validates a sample of the emulator's responses, one per operation and state, against the response schemas the
 * OpenAI spec subset declares for those operations (required fields, types, enums, ranges), loaded from the YAML.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpecConformanceTest {

    private final SpecSchemas schemas = SpecSchemas.load();
    private final EmulatorClock clock = EmulatorClock.manual();
    private FineTuningEmulator emulator;
    private EmulatorHttp http;
    private String trainingFile;
    private String succeededJob;

    @BeforeAll
    void runAJob() {
        emulator = FineTuningEmulator.builder().clock(clock).start();
        http = new EmulatorHttp(emulator);
        trainingFile = http.uploadDataset("t1000-train.jsonl");
        String validationFile = http.uploadDataset("t1000-validation.jsonl");
        succeededJob = http.createJob("{\"model\":\"gpt-4o-mini-2024-07-18\",\"training_file\":\"" + trainingFile
                + "\",\"validation_file\":\"" + validationFile + "\",\"suffix\":\"t1000\","
                + "\"metadata\":{\"team\":\"support\"},\"integrations\":[{\"type\":\"wandb\",\"wandb\":"
                + "{\"project\":\"p\"}}]}").get("id").asText();
        clock.advance(Duration.ofMinutes(3));
    }

    @AfterAll
    void close() {
        emulator.close();
    }

    @Test
    void uploadedFileConformsToOpenAIFile() {
        assertConforms(http.upload("more.jsonl", "fine-tune", EmulatorHttp.dataset("t1000-train.jsonl")),
                "/files", "post");
    }

    @Test
    void fileListAndRetrieveAndDeleteConform() {
        assertConforms(http.get("/files"), "/files", "get");
        assertConforms(http.get("/files/" + trainingFile), "/files/{file_id}", "get");
        String extra = http.uploadDataset("t1000-train.jsonl");
        assertConforms(http.delete("/files/" + extra), "/files/{file_id}", "delete");
    }

    @Test
    void jobInEveryStateConformsToFineTuningJob() {
        JsonNode created = assertConforms(http.post("/fine_tuning/jobs", "{\"model\":\"gpt-4o-mini-2024-07-18\","
                + "\"training_file\":\"" + trainingFile + "\",\"method\":{\"type\":\"dpo\"}}"),
                "/fine_tuning/jobs", "post");
        String id = created.get("id").asText();
        assertConforms(http.get("/fine_tuning/jobs/" + id), "/fine_tuning/jobs/{fine_tuning_job_id}", "get");
        assertConforms(http.post("/fine_tuning/jobs/" + id + "/cancel"),
                "/fine_tuning/jobs/{fine_tuning_job_id}/cancel", "post");
        assertConforms(http.get("/fine_tuning/jobs/" + succeededJob), "/fine_tuning/jobs/{fine_tuning_job_id}",
                "get");
    }

    @Test
    void runningAndFailedJobsConformToFineTuningJob() {
        String running = http.createJob("{\"model\":\"gpt-4o-mini-2024-07-18\",\"training_file\":\""
                + trainingFile + "\",\"hyperparameters\":{\"n_epochs\":2}}").get("id").asText();
        String tooSmall = http.upload("small.jsonl", "fine-tune", EmulatorHttp.dataset("t1000-four-examples.jsonl"))
                .json().get("id").asText();
        String failed = http.createJob("{\"model\":\"gpt-4o-mini-2024-07-18\",\"training_file\":\"" + tooSmall
                + "\"}").get("id").asText();
        clock.advance(Duration.ofSeconds(40));

        JsonNode runningJob = assertConforms(http.get("/fine_tuning/jobs/" + running),
                "/fine_tuning/jobs/{fine_tuning_job_id}", "get");
        JsonNode failedJob = assertConforms(http.get("/fine_tuning/jobs/" + failed),
                "/fine_tuning/jobs/{fine_tuning_job_id}", "get");
        assertThat(runningJob.get("status").asText()).isEqualTo("running");
        assertThat(failedJob.get("status").asText()).isEqualTo("failed");
    }

    @Test
    void jobListEventsAndCheckpointsConform() {
        assertConforms(http.get("/fine_tuning/jobs"), "/fine_tuning/jobs", "get");
        assertConforms(http.get("/fine_tuning/jobs/" + succeededJob + "/events?limit=200"),
                "/fine_tuning/jobs/{fine_tuning_job_id}/events", "get");
        assertConforms(http.get("/fine_tuning/jobs/" + succeededJob + "/checkpoints"),
                "/fine_tuning/jobs/{fine_tuning_job_id}/checkpoints", "get");
    }

    @Test
    void modelsConform() {
        String model = http.job(succeededJob).get("fine_tuned_model").asText();
        assertConforms(http.get("/models"), "/models", "get");
        assertConforms(http.get("/models/gpt-4o-mini-2024-07-18"), "/models/{model}", "get");
        assertConforms(http.get("/models/" + model), "/models/{model}", "get");
    }

    @Test
    void modelDeletionConforms() {
        String file = http.uploadDataset("t1000-train.jsonl");
        String job = http.createJob("{\"model\":\"gpt-4o-mini-2024-07-18\",\"training_file\":\"" + file + "\"}")
                .get("id").asText();
        clock.advance(Duration.ofMinutes(3));
        String model = http.job(job).get("fine_tuned_model").asText();

        assertConforms(http.delete("/models/" + model), "/models/{model}", "delete");
    }

    @Test
    void chatCompletionConformsToCreateChatCompletionResponse() {
        String model = http.job(succeededJob).get("fine_tuned_model").asText();
        String body = "{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"Pril?\"}]}";

        assertConforms(http.post("/chat/completions", String.format(body, model)), "/chat/completions", "post");
        assertConforms(http.post("/chat/completions", String.format(body, "gpt-4o-2024-08-06")),
                "/chat/completions", "post");
    }

    @Test
    void uploadsApiResponsesConformToUploadAndUploadPart() {
        JsonNode created = assertConforms(http.post("/uploads", "{\"filename\":\"a.jsonl\",\"purpose\":\"fine-tune\","
                + "\"bytes\":2,\"mime_type\":\"text/jsonl\"}"), "/uploads", "post");
        String id = created.get("id").asText();
        JsonNode part = assertConforms(http.addPart(id, new byte[]{'{', '}'}), "/uploads/{upload_id}/parts",
                "post");
        assertConforms(http.completeUpload(id, java.util.List.of(part.get("id").asText())),
                "/uploads/{upload_id}/complete", "post");
        String other = http.createUpload("b.jsonl", "fine-tune", 1).get("id").asText();
        assertConforms(http.post("/uploads/" + other + "/cancel"), "/uploads/{upload_id}/cancel", "post");
    }

    @Test
    void errorsConformToErrorResponse() {
        JsonNode errorSchema = schemas.component("ErrorResponse");
        for (EmulatorHttp.Reply reply : new EmulatorHttp.Reply[]{
                http.get("/files/file-nope"),
                http.post("/fine_tuning/jobs", "{}"),
                new EmulatorHttp(emulator.baseUrl(), "wrong").get("/models"),
                http.get("/nothing/here")}) {
            assertThat(reply.status()).isGreaterThanOrEqualTo(400);
            assertThat(schemas.validate(reply.json(), errorSchema)).as(reply.body()).isEmpty();
        }
    }

    @Test
    void validatorRejectsWhatTheSchemaForbids() throws Exception {
        JsonNode job = new ObjectMapper().readTree("{\"id\":\"ftjob-1\",\"object\":\"fine_tuning.job\","
                + "\"status\":\"done\"}");

        assertThat(schemas.validate(job, schemas.component("FineTuningJob")))
                .anyMatch(e -> e.contains("not in enum"))
                .anyMatch(e -> e.contains("missing required property created_at"));
    }

    private JsonNode assertConforms(EmulatorHttp.Reply reply, String path, String method) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode json = reply.json();
        assertThat(schemas.validate(json, schemas.responseSchema(path, method)))
                .as("%s %s conforms to the spec: %s", method, path, reply.body())
                .isEmpty();
        return json;
    }
}
