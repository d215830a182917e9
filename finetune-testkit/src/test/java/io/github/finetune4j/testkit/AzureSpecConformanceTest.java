package io.github.finetune4j.testkit;

import io.github.finetune4j.testsupport.SpecSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validates a sample of the emulator's dated-route responses, one per operation and state, against the response
 * schemas of the Azure OpenAI authoring spec 2024-10-21 (required fields, types, enums such as
 * {@code FineTuningState}, {@code FileState}, {@code LogLevel}), and its ARM deployments against the Cognitive
 * Services spec 2024-10-01.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AzureSpecConformanceTest {

    private final SpecSchemas authoring = SpecSchemas.loadSwagger("azure-openai-authoring-2024-10-21.json");
    private final SpecSchemas arm = SpecSchemas.loadSwagger("azure-cognitiveservices-arm-2024-10-01.json");
    private final EmulatorClock clock = EmulatorClock.manual();
    private FineTuningEmulator emulator;
    private AzureHttp http;
    private AzureHttp armHttp;
    private String trainingFile;
    private String succeededJob;

    @BeforeAll
    void runAJob() {
        emulator = FineTuningEmulator.builder().clock(clock).start();
        http = AzureHttp.dated(emulator);
        armHttp = AzureHttp.arm(emulator);
        trainingFile = http.uploadDataset("t1000-train.jsonl");
        String validationFile = http.uploadDataset("t1000-validation.jsonl");
        clock.advance(Duration.ofSeconds(2));
        succeededJob = http.createJob("{\"model\":\"gpt-4o-mini-2024-07-18\",\"training_file\":\"" + trainingFile
                + "\",\"validation_file\":\"" + validationFile + "\",\"suffix\":\"t1000\",\"seed\":7,"
                + "\"trainingType\":\"Standard\"}").get("id").asText();
        clock.advance(Duration.ofMinutes(3));
    }

    @AfterAll
    void close() {
        emulator.close();
    }

    @Test
    void uploadedFileConformsToFileInEveryState() {
        EmulatorHttp.Reply upload = http.upload("more.jsonl", "fine-tune", EmulatorHttp.dataset("t1000-train.jsonl"));
        JsonNode pending = assertConforms(upload, 201, "/files", "post");
        clock.advance(Duration.ofSeconds(1));
        JsonNode running = assertConforms(http.get("/files/" + pending.get("id").asText()), 200, "/files/{file-id}",
                "get");
        JsonNode broken = assertConforms(http.upload("bad.jsonl", "fine-tune", "x".getBytes(StandardCharsets.UTF_8)), 201, "/files",
                "post");
        clock.advance(Duration.ofSeconds(2));
        JsonNode error = assertConforms(http.get("/files/" + broken.get("id").asText()), 200, "/files/{file-id}",
                "get");

        assertThat(pending.get("status").asText()).isEqualTo("pending");
        assertThat(running.get("status").asText()).isEqualTo("running");
        assertThat(error.get("status").asText()).isEqualTo("error");
    }

    @Test
    void fileListAndDeleteConform() {
        assertConforms(http.get("/files"), 200, "/files", "get");
        String extra = http.uploadDataset("t1000-train.jsonl");
        assertConforms(http.delete("/files/" + extra), 200, "/files/{file-id}", "delete");
    }

    @Test
    void jobInEveryStateConformsToFineTuningJob() {
        JsonNode created = assertConforms(http.post("/fine_tuning/jobs", AzureHttp.jobBody(trainingFile)), 201,
                "/fine_tuning/jobs", "post");
        String id = created.get("id").asText();
        clock.advance(Duration.ofSeconds(40));
        JsonNode running = assertConforms(http.get("/fine_tuning/jobs/" + id), 200,
                "/fine_tuning/jobs/{fine-tuning-job-id}", "get");
        JsonNode cancelled = assertConforms(http.post("/fine_tuning/jobs/" + id + "/cancel"), 200,
                "/fine_tuning/jobs/{fine-tuning-job-id}/cancel", "post");
        JsonNode succeeded = assertConforms(http.get("/fine_tuning/jobs/" + succeededJob), 200,
                "/fine_tuning/jobs/{fine-tuning-job-id}", "get");

        assertThat(created.get("status").asText()).isEqualTo("pending");
        assertThat(running.get("status").asText()).isEqualTo("running");
        assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
        assertThat(succeeded.get("status").asText()).isEqualTo("succeeded");
    }

    @Test
    void failedJobConformsToFineTuningJob() {
        String small = http.uploadDataset("t1000-four-examples.jsonl");
        clock.advance(Duration.ofSeconds(2));
        String id = http.createJob(AzureHttp.jobBody(small)).get("id").asText();
        clock.advance(Duration.ofMinutes(1));

        JsonNode failed = assertConforms(http.get("/fine_tuning/jobs/" + id), 200,
                "/fine_tuning/jobs/{fine-tuning-job-id}", "get");

        assertThat(failed.get("status").asText()).isEqualTo("failed");
    }

    @Test
    void jobListEventsAndCheckpointsConform() {
        assertConforms(http.get("/fine_tuning/jobs"), 200, "/fine_tuning/jobs", "get");
        JsonNode events = assertConforms(http.get("/fine_tuning/jobs/" + succeededJob + "/events?limit=500"), 200,
                "/fine_tuning/jobs/{fine-tuning-job-id}/events", "get");
        assertConforms(http.get("/fine_tuning/jobs/" + succeededJob + "/checkpoints"), 200,
                "/fine_tuning/jobs/{fine-tuning-job-id}/checkpoints", "get");

        assertThat(events.get("data")).anyMatch(e -> e.get("type").asText().equals("metrics"));
    }

    @Test
    void modelsConform() {
        String model = http.job(succeededJob).get("fine_tuned_model").asText();

        assertConforms(http.get("/models"), 200, "/models", "get");
        assertConforms(http.get("/models/gpt-4o-mini-2024-07-18"), 200, "/models/{model-id}", "get");
        assertConforms(http.get("/models/gpt-35-turbo-0301"), 200, "/models/{model-id}", "get");
        assertConforms(http.get("/models/" + model), 200, "/models/{model-id}", "get");
    }

    @Test
    void errorsConformToErrorResponse() {
        JsonNode schema = authoring.definition("ErrorResponse");
        for (EmulatorHttp.Reply reply : new EmulatorHttp.Reply[]{
                http.get("/files/file-nope"),
                http.get("/fine_tuning/jobs/ftjob-nope"),
                http.post("/fine_tuning/jobs", "{}"),
                http.post("/fine_tuning/jobs", AzureHttp.jobBody("file-nope"))}) {
            assertThat(reply.status()).isGreaterThanOrEqualTo(400);
            assertThat(authoring.validate(reply.json(), schema)).as(reply.body()).isEmpty();
        }
    }

    @Test
    void armDeploymentAndListConform() {
        String model = http.job(succeededJob).get("fine_tuned_model").asText();
        String path = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/"
                + "Microsoft.CognitiveServices/accounts/{accountName}/deployments";

        EmulatorHttp.Reply put = armHttp.put(AzureHttp.DEPLOYMENTS + "/conformance",
                AzureHttp.deploymentBody(model));
        JsonNode created = assertArm(put, 201, path + "/{deploymentName}", "put");
        clock.advance(FineTuningEmulator.DEFAULT_DEPLOYMENT_DURATION);
        JsonNode got = assertArm(armHttp.get(AzureHttp.DEPLOYMENTS + "/conformance"), 200,
                path + "/{deploymentName}", "get");
        JsonNode list = assertArm(armHttp.get(AzureHttp.DEPLOYMENTS), 200, path, "get");

        assertThat(created.get("properties").get("provisioningState").asText()).isEqualTo("Creating");
        assertThat(got.get("properties").get("provisioningState").asText()).isEqualTo("Succeeded");
        for (JsonNode deployment : list.get("value")) {
            // ProxyResource lives in ARM's common-types, which are not stored: check its fields here.
            assertThat(deployment.get("id").asText()).startsWith("/subscriptions/");
            assertThat(deployment.get("name").isTextual()).isTrue();
            assertThat(deployment.get("type").asText()).isEqualTo("Microsoft.CognitiveServices/accounts/deployments");
        }
    }

    @Test
    void validatorRejectsWhatTheAzureSchemaForbids() throws Exception {
        JsonNode job = EmulatorHttp.MAPPER.readTree("{\"object\":\"fine_tuning.job\",\"status\":\"queued\","
                + "\"model\":\"m\"}");

        assertThat(authoring.validate(job, authoring.definition("FineTuningJob")))
                .anyMatch(e -> e.contains("not in enum"))
                .anyMatch(e -> e.contains("missing required property training_file"));
    }

    private JsonNode assertConforms(EmulatorHttp.Reply reply, int status, String path, String method) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        JsonNode json = reply.json();
        assertThat(authoring.validate(json, authoring.swaggerResponseSchema(path, method, Integer.toString(status))))
                .as("%s %s conforms to the authoring spec: %s", method, path, reply.body())
                .isEmpty();
        return json;
    }

    private JsonNode assertArm(EmulatorHttp.Reply reply, int status, String path, String method) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        JsonNode json = reply.json();
        assertThat(arm.validate(json, arm.swaggerResponseSchema(path, method, Integer.toString(status))))
                .as("%s %s conforms to the ARM spec: %s", method, path, reply.body())
                .isEmpty();
        return json;
    }
}
