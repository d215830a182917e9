package io.github.finetune4j.testkit;

import io.github.finetune4j.testsupport.SpecSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the emulator's Together dialect against {@code together-finetuning-openapi.yaml}: a sample of responses,
 * one per operation and job state, validates against the response schemas; request bodies the emulator accepts
 * validate against the request schemas, and bodies it refuses for their shape do not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TogetherSpecConformanceTest {

    /**
     * The spec's own contradiction: cosine {@code lr_scheduler_args} with both keys match both {@code oneOf}
     * branches (linear args do not forbid extra keys), though it is what the service and the SDKs send.
     */
    private static final String COSINE_ARGS_QUIRK = "$.lr_scheduler.lr_scheduler_args: does not match exactly one"
            + " of oneOf";

    private final SpecSchemas schemas = SpecSchemas.loadYaml("together-finetuning-openapi.yaml");
    private final EmulatorClock clock = EmulatorClock.manual();
    private FineTuningEmulator emulator;
    private TogetherHttp together;
    private String file;
    private String validation;
    private String completed;

    @BeforeAll
    void runAJob() {
        emulator = FineTuningEmulator.builder().clock(clock).start();
        together = new TogetherHttp(emulator);
        file = together.uploadDataset("t1000-train.jsonl");
        validation = together.uploadDataset("t1000-validation.jsonl");
        clock.advance(Duration.ofSeconds(2));
        completed = together.createJob("{\"model\":\"" + TogetherHttp.LLAMA + "\",\"training_file\":\"" + file
                + "\",\"validation_file\":\"" + validation + "\",\"n_epochs\":2,\"n_checkpoints\":2,\"n_evals\":1,"
                + "\"batch_size\":8,\"suffix\":\"t1000\",\"wandb_api_key\":\"k\"}").get("id").asText();
        clock.advance(Duration.ofMinutes(3));
    }

    @AfterAll
    void close() {
        emulator.close();
    }

    @Test
    void fileOperationsConform() {
        String extra = together.uploadJsonl("extra.jsonl", "{\"text\":\"x\"}\n".getBytes()).get("id").asText();

        assertConforms(together.get("/files"), "/files", "get");
        assertConforms(together.get("/files/" + file), "/files/{id}", "get");
        assertConforms(together.get("/files/" + extra), "/files/{id}", "get");
        assertConforms(together.delete("/files/" + extra), "/files/{id}", "delete");
    }

    @Test
    void uploadAnswerConformsToFileResponse() {
        assertThat(schemas.validate(together.uploadJsonl("u.jsonl", "{\"text\":\"u\"}\n".getBytes()),
                schemas.component("FileResponse"))).isEmpty();
    }

    @Test
    void jobInEveryStateConforms() {
        String id = assertConforms(together.post("/fine-tunes", TogetherHttp.loraJob(file)), "/fine-tunes", "post")
                .get("id").asText();
        assertConforms(together.get("/fine-tunes/" + id), "/fine-tunes/{id}", "get");
        clock.advance(Duration.ofSeconds(25));
        assertConforms(together.get("/fine-tunes/" + id), "/fine-tunes/{id}", "get");
        clock.advance(Duration.ofSeconds(10));
        JsonNode running = assertConforms(together.get("/fine-tunes/" + id), "/fine-tunes/{id}", "get");
        JsonNode cancelled = assertConforms(together.post("/fine-tunes/" + id + "/cancel"), "/fine-tunes/{id}/cancel",
                "post");
        assertConforms(together.get("/fine-tunes/" + completed), "/fine-tunes/{id}", "get");
        assertConforms(together.get("/fine-tunes"), "/fine-tunes", "get");

        assertThat(running.get("status").asText()).isEqualTo("running");
        assertThat(cancelled.get("status").asText()).isEqualTo("cancel_requested");
    }

    @Test
    void fullDpoAndFailedJobsConform() {
        String preference = together.uploadJsonl("p.jsonl", ("{\"input\":{\"messages\":[{\"role\":\"user\","
                + "\"content\":\"q\"}]},\"preferred_output\":[{\"role\":\"assistant\",\"content\":\"a\"}],"
                + "\"non_preferred_output\":[{\"role\":\"assistant\",\"content\":\"b\"}]}\n").getBytes())
                .get("id").asText();
        clock.advance(Duration.ofSeconds(2));
        emulator.faults().failNextJob(1, "internal_error", "lost");
        String failed = together.createJob(TogetherHttp.loraJob(file)).get("id").asText();
        String full = assertConforms(together.post("/fine-tunes", "{\"model\":\"" + TogetherHttp.QWEN
                + "\",\"training_file\":\"" + file + "\",\"training_type\":{\"type\":\"Full\"}}"), "/fine-tunes",
                "post").get("id").asText();
        assertConforms(together.post("/fine-tunes", "{\"model\":\"" + TogetherHttp.LLAMA + "\",\"training_file\":\""
                + preference + "\",\"training_method\":{\"method\":\"dpo\"}}"), "/fine-tunes", "post");
        clock.advance(Duration.ofMinutes(3));

        assertThat(assertConforms(together.get("/fine-tunes/" + failed), "/fine-tunes/{id}", "get")
                .get("status").asText()).isEqualTo("error");
        assertConforms(together.get("/fine-tunes/" + full), "/fine-tunes/{id}", "get");
    }

    @Test
    void eventsCheckpointsAndMetricsConform() {
        assertConforms(together.get("/fine-tunes/" + completed + "/events"), "/fine-tunes/{id}/events", "get");
        assertConforms(together.get("/fine-tunes/" + completed + "/checkpoints"), "/fine-tunes/{id}/checkpoints",
                "get");
        assertConforms(together.get("/fine-tunes/" + completed + "/metrics"), "/fine-tunes/{id}/metrics", "get");
    }

    @Test
    void estimateSupportedAndLimitsConform() {
        assertConforms(together.post("/fine-tunes/estimate-price", "{\"training_file\":\"" + file + "\"}"),
                "/fine-tunes/estimate-price", "post");
        assertConforms(together.get("/fine-tunes/models/supported"), "/fine-tunes/models/supported", "get");
        assertConforms(together.get("/fine-tunes/models/limits?model_name=" + TogetherHttp.QWEN),
                "/fine-tunes/models/limits", "get");
    }

    @Test
    void deleteConforms() {
        String id = together.createJob(TogetherHttp.loraJob(file)).get("id").asText();

        assertConforms(together.delete("/fine-tunes/" + id), "/fine-tunes/{id}", "delete");
    }

    @Test
    void chatAndModelsConform() {
        String model = together.job(completed).get("model_output_name").asText();

        assertConforms(together.post("/chat/completions", "{\"model\":\"" + model + "\",\"messages\":[{\"role\":"
                + "\"user\",\"content\":\"Pril?\"}]}"), "/chat/completions", "post");
        assertConforms(together.post("/chat/completions", "{\"model\":\"" + TogetherHttp.LLAMA + "\",\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"Hallo\"}],\"max_tokens\":3}"), "/chat/completions", "post");
        assertConforms(together.get("/models"), "/models", "get");
    }

    @Test
    void errorsConformToErrorData() {
        for (EmulatorHttp.Reply reply : List.of(together.get("/files/file-nope"), together.get("/fine-tunes/ft-x"),
                together.post("/fine-tunes", "{}"), together.post("/chat/completions", "{\"model\":\"x\","
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]}"),
                new EmulatorHttp(emulator.togetherBaseUrl(), "wrong").get("/files"), together.get("/nothing"))) {
            assertThat(reply.status()).isGreaterThanOrEqualTo(400);
            assertThat(schemas.validate(reply.json(), schemas.component("ErrorData"))).as(reply.body()).isEmpty();
        }
    }

    @Test
    void cosineSchedulerIsEchoedAsSentDespiteTheSpecsOneOf() {
        JsonNode job = together.createJob("{\"model\":\"" + TogetherHttp.LLAMA + "\",\"training_file\":\"" + file
                + "\",\"lr_scheduler\":{\"lr_scheduler_type\":\"cosine\",\"lr_scheduler_args\":{\"min_lr_ratio\":0.1,"
                + "\"num_cycles\":0.5}}}");

        assertThat(schemas.validate(job, schemas.component("FinetuneResponseTruncated")))
                .containsExactly(COSINE_ARGS_QUIRK);
    }

    @Test
    void validatorRejectsWhatTheTogetherSchemasForbid() {
        JsonNode openAiShaped = tree("{\"id\":\"ft-1\",\"status\":\"succeeded\",\"created_at\":1}");
        JsonNode event = tree("{\"object\":\"fine_tuning.job.event\",\"created_at\":\"t\",\"message\":\"m\"}");

        assertThat(schemas.validate(openAiShaped, schemas.component("FinetuneResponseTruncated")))
                .anyMatch(e -> e.contains("not in enum")).anyMatch(e -> e.contains("expected type"))
                .anyMatch(e -> e.contains("missing required property updated_at"));
        assertThat(schemas.validate(event, schemas.component("FineTuneEvent")))
                .anyMatch(e -> e.contains("is not the constant")).anyMatch(e -> e.contains("missing required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"model\":\"M\",\"training_file\":\"F\"}",
            "{\"model\":\"M\",\"training_file\":\"F\",\"n_epochs\":3,\"n_checkpoints\":1,\"batch_size\":16,"
                    + "\"learning_rate\":0.0001,\"suffix\":\"s\",\"training_type\":{\"type\":\"Lora\",\"lora_r\":8,"
                    + "\"lora_alpha\":16,\"lora_dropout\":0.05,\"lora_trainable_modules\":\"q_proj,v_proj\"},"
                    + "\"training_method\":{\"method\":\"sft\",\"train_on_inputs\":false},\"warmup_ratio\":0.1,"
                    + "\"lr_scheduler\":{\"lr_scheduler_type\":\"linear\",\"lr_scheduler_args\":{\"min_lr_ratio\":0}},"
                    + "\"max_grad_norm\":1,\"weight_decay\":0.01,\"random_seed\":7,\"packing\":false,"
                    + "\"wandb_api_key\":\"k\",\"wandb_project_name\":\"p\",\"wandb_name\":\"n\","
                    + "\"hf_output_repo_name\":\"me/x\",\"hf_api_token\":\"t\",\"from_hf_model\":\"org/base\","
                    + "\"hf_model_revision\":\"main\"}",
            "{\"model\":\"M\",\"training_file\":\"F\",\"training_type\":{\"type\":\"Full\"},\"batch_size\":\"max\"}"})
    void bodiesTheEmulatorAcceptsAreValidCreateRequests(String template) {
        String body = template.replace("\"M\"", "\"" + TogetherHttp.LLAMA + "\"").replace("\"F\"", "\"" + file + "\"");

        assertThat(schemas.validate(tree(body),
                schemas.requestSchema("/fine-tunes", "post"))).isEmpty();
        assertThat(together.post("/fine-tunes", body).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"training_file\":\"F\"}",
            "{\"model\":\"M\",\"training_file\":\"F\",\"n_epochs\":\"3\"}",
            "{\"model\":\"M\",\"training_file\":\"F\",\"packing\":\"yes\"}",
            "{\"model\":\"M\",\"training_file\":\"F\",\"training_type\":{\"type\":\"Lora\"}}",
            "{\"model\":\"M\",\"training_file\":\"F\",\"training_method\":{\"method\":\"ppo\"}}",
            "{\"model\":\"M\",\"training_file\":\"F\",\"lr_scheduler\":{\"lr_scheduler_args\":{}}}",
            "{\"model\":\"M\",\"training_file\":\"F\",\"batch_size\":\"min\"}"})
    void bodiesOutsideTheSpecAreRefused(String template) {
        String body = template.replace("\"M\"", "\"" + TogetherHttp.LLAMA + "\"").replace("\"F\"", "\"" + file + "\"");

        assertThat(schemas.validate(tree(body),
                schemas.requestSchema("/fine-tunes", "post"))).isNotEmpty();
        assertThat(together.post("/fine-tunes", body).status()).isEqualTo(400);
    }

    private static JsonNode tree(String json) {
        try {
            return EmulatorHttp.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
