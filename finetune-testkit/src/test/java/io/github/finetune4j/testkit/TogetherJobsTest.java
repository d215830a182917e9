package io.github.finetune4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TogetherJobsTest {

    private final EmulatorClock clock = EmulatorClock.manual();
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(clock).start();
    private final TogetherHttp together = new TogetherHttp(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void loraJobGoesThroughTogethersStatusWords() {
        String job = together.createJob(TogetherHttp.loraJob(checkedFile())).get("id").asText();
        List<String> seen = new ArrayList<>();
        for (int second = 0; second <= 110; second += 5) {
            String status = together.job(job).get("status").asText();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                seen.add(status);
            }
            clock.advance(Duration.ofSeconds(5));
        }

        assertThat(job).matches("ft-[0-9a-f-]{36}");
        assertThat(seen).containsExactly("pending", "queued", "running", "compressing", "uploading", "completed");
        JsonNode done = together.job(job);
        assertThat(done.get("model_output_name").asText())
                .matches("emulator/Meta-Llama-3.1-8B-Instruct-Reference-[0-9a-f]{8}");
        assertThat(done.get("total_price").asLong()).isPositive();
        assertThat(done.get("epochs_completed").asInt()).isEqualTo(1);
    }

    @Test
    void completedJobHasTogethersEventsCheckpointsAndMetrics() {
        String job = together.createJob("{\"model\":\"" + TogetherHttp.LLAMA + "\",\"training_file\":\""
                + checkedFile() + "\",\"n_epochs\":4,\"n_checkpoints\":2,\"batch_size\":8,\"suffix\":\"t1000\","
                + "\"lr_scheduler\":{\"lr_scheduler_type\":\"cosine\",\"lr_scheduler_args\":{\"min_lr_ratio\":0.1,"
                + "\"num_cycles\":0.5}},\"warmup_ratio\":0.25}").get("id").asText();
        clock.advance(Duration.ofMinutes(3));

        List<String> types = together.get("/fine-tunes/" + job + "/events").json().get("data")
                .findValuesAsText("type");
        JsonNode checkpoints = together.get("/fine-tunes/" + job + "/checkpoints").json().get("data");
        JsonNode metrics = together.get("/fine-tunes/" + job + "/metrics").json().get("metrics");

        assertThat(types).startsWith("job_pending").endsWith("model_upload_complete", "job_complete")
                .contains("job_start", "training_start", "checkpoint_save", "epoch_complete", "training_complete",
                        "model_compressing", "model_uploading");
        assertThat(types.stream().filter("epoch_complete"::equals)).hasSize(4);
        // 12 lines, batch 8: 2 steps per epoch, 8 steps; one intermediate checkpoint half-way, then the final ones.
        assertThat(checkpoints.findValuesAsText("checkpoint_type"))
                .containsExactly("Final Merged", "Final Adapter", "Intermediate");
        assertThat(checkpoints.get(2).get("step").asInt()).isEqualTo(4);
        assertThat(checkpoints.get(2).get("path").asText()).isEqualTo(job + ":4");
        assertThat(metrics).hasSize(8);
        assertThat(metrics.get(0).get("train/learning_rate").asDouble()).isEqualTo(0.5e-5);
        assertThat(metrics.get(1).get("train/learning_rate").asDouble()).isEqualTo(1e-5);
        assertThat(metrics.get(7).get("train/learning_rate").asDouble()).isCloseTo(1e-6,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(metrics.get(0).get("train/loss").asDouble()).isGreaterThan(metrics.get(7).get("train/loss")
                .asDouble());
    }

    @Test
    void metricsTakeTheOptionalFiltersOfTheirBody() {
        String job = together.createJob("{\"model\":\"" + TogetherHttp.LLAMA + "\",\"training_file\":\""
                + checkedFile() + "\",\"n_epochs\":4,\"batch_size\":8}").get("id").asText();
        clock.advance(Duration.ofMinutes(3));

        JsonNode some = together.send(together.request("/fine-tunes/" + job + "/metrics")
                .header("Content-Type", "application/json")
                .method("GET", HttpRequest.BodyPublishers.ofString("{\"global_step_from\":3,\"global_step_to\":5}"))
                .build()).json().get("metrics");
        EmulatorHttp.Reply unknown = together.send(together.request("/fine-tunes/" + job + "/metrics")
                .method("GET", HttpRequest.BodyPublishers.ofString("{\"step_from\":3}")).build());

        assertThat(some.findValuesAsText("train/global_step")).containsExactly("3", "4", "5");
        assertThat(unknown.status()).isEqualTo(400);
    }

    @Test
    void evaluationsNeedAValidationFileAndAddEvalLoss() {
        String file = checkedFile();
        String validation = together.uploadJsonl("v.jsonl", EmulatorHttp.dataset("t1000-validation.jsonl"))
                .get("id").asText();
        clock.advance(Duration.ofSeconds(2));

        EmulatorHttp.Reply refused = together.post("/fine-tunes", "{\"model\":\"" + TogetherHttp.LLAMA
                + "\",\"training_file\":\"" + file + "\",\"n_evals\":2}");
        String job = together.createJob("{\"model\":\"" + TogetherHttp.LLAMA + "\",\"training_file\":\"" + file
                + "\",\"validation_file\":\"" + validation + "\",\"n_epochs\":2,\"n_evals\":2,\"batch_size\":8}")
                .get("id").asText();
        clock.advance(Duration.ofMinutes(3));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error().get("param").asText()).isEqualTo("validation_file");
        List<String> evalSteps = new ArrayList<>();
        together.get("/fine-tunes/" + job + "/metrics").json().get("metrics").forEach(m -> {
            if (m.has("eval/loss")) {
                evalSteps.add(m.get("train/global_step").asText());
            }
        });
        assertThat(evalSteps).containsExactly("2", "4");
    }

    @Test
    void cancelIsRequestedThenDone() {
        String job = together.createJob(TogetherHttp.loraJob(checkedFile())).get("id").asText();
        clock.advance(Duration.ofSeconds(40));

        JsonNode cancelled = together.post("/fine-tunes/" + job + "/cancel").json();
        clock.advance(Duration.ofSeconds(5));
        JsonNode later = together.job(job);

        assertThat(cancelled.get("status").asText()).isEqualTo("cancel_requested");
        assertThat(later.get("status").asText()).isEqualTo("cancelled");
        assertThat(together.get("/fine-tunes/" + job + "/events").json().get("data").findValuesAsText("type"))
                .endsWith("cancel_requested", "job_stopped");
        assertThat(together.post("/fine-tunes/" + job + "/cancel").status()).isEqualTo(400);
    }

    @Test
    void injectedFailureEndsInErrorWithARefund() {
        emulator.faults().failNextJob(1, "internal_error", "GPU node lost.");
        String job = together.createJob(TogetherHttp.loraJob(checkedFile())).get("id").asText();
        clock.advance(Duration.ofMinutes(3));

        JsonNode failed = together.job(job);

        assertThat(failed.get("status").asText()).isEqualTo("error");
        assertThat(failed.get("total_price").asLong()).isZero();
        assertThat(together.get("/fine-tunes/" + job + "/events").json().get("data").findValuesAsText("type"))
                .endsWith("job_error", "refund");
    }

    @Test
    void listDeleteAndUnknownJobs() {
        String job = together.createJob(TogetherHttp.loraJob(checkedFile())).get("id").asText();

        JsonNode list = together.get("/fine-tunes").json();
        JsonNode deleted = together.delete("/fine-tunes/" + job).json();

        assertThat(list.get("data")).hasSize(1);
        assertThat(list.get("data").get(0).get("events")).isEmpty();
        assertThat(deleted.get("message").asText()).contains(job);
        assertThat(together.get("/fine-tunes/" + job).status()).isEqualTo(404);
        assertThat(together.delete("/fine-tunes/" + job).status()).isEqualTo(404);
    }

    @Test
    void hubPushAndWeightsAndBiasesSecretsAreNeverEchoed() {
        String hubToken = "hf_emulatorSecretToken123";
        String wandbKey = "wandb-secret-key-456";
        String job = together.createJob("{\"model\":\"" + TogetherHttp.LLAMA + "\",\"training_file\":\""
                + checkedFile() + "\",\"hf_output_repo_name\":\"me/t1000-llama\",\"hf_api_token\":\"" + hubToken
                + "\",\"wandb_api_key\":\"" + wandbKey + "\",\"wandb_project_name\":\"t1000\"}").get("id").asText();
        clock.advance(Duration.ofMinutes(3));

        String everything = together.job(job).toString() + together.get("/fine-tunes").body()
                + together.get("/fine-tunes/" + job + "/events").body();

        assertThat(everything).doesNotContain(hubToken).doesNotContain(wandbKey)
                .contains("me/t1000-llama").contains("https://wandb.ai/together/t1000/runs/" + job);
        assertThat(everything).contains("Hugging Face Hub repo me/t1000-llama");
    }

    @Test
    void fullFineTuneAndDpoAreAcceptedWhereTheModelOffersThem() {
        String file = checkedFile();
        String preference = together.uploadJsonl("dpo.jsonl", ("{\"input\":{\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Pril?\"}]},\"preferred_output\":[{\"role\":\"assistant\",\"content\":\"Nein.\"}],"
                + "\"non_preferred_output\":[{\"role\":\"assistant\",\"content\":\"Ja.\"}]}\n")
                .getBytes(StandardCharsets.UTF_8)).get("id").asText();
        clock.advance(Duration.ofSeconds(2));

        JsonNode full = together.createJob("{\"model\":\"" + TogetherHttp.QWEN + "\",\"training_file\":\"" + file
                + "\",\"training_type\":{\"type\":\"Full\"}}");
        JsonNode dpo = together.createJob("{\"model\":\"" + TogetherHttp.LLAMA + "\",\"training_file\":\""
                + preference + "\",\"training_method\":{\"method\":\"dpo\",\"dpo_beta\":0.2},\"training_type\":"
                + "{\"type\":\"Lora\",\"lora_r\":16,\"lora_alpha\":32}}");
        EmulatorHttp.Reply dpoOnChat = together.post("/fine-tunes", "{\"model\":\"" + TogetherHttp.LLAMA
                + "\",\"training_file\":\"" + file + "\",\"training_method\":{\"method\":\"dpo\"}}");

        assertThat(full.get("training_type").get("type").asText()).isEqualTo("Full");
        assertThat(full.get("batch_size").asInt()).isEqualTo(16);
        assertThat(dpo.get("training_method").get("dpo_beta").asDouble()).isEqualTo(0.2);
        assertThat(dpo.get("training_type").get("lora_r").asInt()).isEqualTo(16);
        assertThat(dpoOnChat.status()).isEqualTo(400);
        assertThat(dpoOnChat.error().get("message").asText()).contains("preference format");
    }

    @Test
    void jobContinuesFromACheckpointOfACompletedJob() {
        String file = checkedFile();
        String parent = together.createJob("{\"model\":\"" + TogetherHttp.LLAMA + "\",\"training_file\":\"" + file
                + "\",\"n_epochs\":2,\"n_checkpoints\":2,\"batch_size\":8}").get("id").asText();
        EmulatorHttp.Reply tooEarly = together.post("/fine-tunes", "{\"model\":\"" + TogetherHttp.LLAMA
                + "\",\"training_file\":\"" + file + "\",\"from_checkpoint\":\"" + parent + "\"}");
        clock.advance(Duration.ofMinutes(3));

        JsonNode child = together.createJob("{\"model\":\"" + TogetherHttp.LLAMA + "\",\"training_file\":\"" + file
                + "\",\"from_checkpoint\":\"" + parent + ":2\"}");
        EmulatorHttp.Reply noSuchStep = together.post("/fine-tunes", "{\"model\":\"" + TogetherHttp.LLAMA
                + "\",\"training_file\":\"" + file + "\",\"from_checkpoint\":\"" + parent + ":3\"}");

        assertThat(tooEarly.status()).isEqualTo(400);
        assertThat(child.get("from_checkpoint").asText()).isEqualTo(parent + ":2");
        assertThat(noSuchStep.error().get("message").asText()).contains("no checkpoint at step 3");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown key|\"n_epoch\":3|n_epoch",
            "string where an integer goes|\"n_epochs\":\"3\"|n_epochs",
            "epochs above the limit|\"n_epochs\":21|n_epochs",
            "batch below the model's minimum|\"batch_size\":4|batch_size",
            "learning rate out of range|\"learning_rate\":0.5|learning_rate",
            "lora without alpha|\"training_type\":{\"type\":\"Lora\",\"lora_r\":8}|training_type.lora_alpha",
            "rank above the model's maximum|\"training_type\":{\"type\":\"Lora\",\"lora_r\":128,\"lora_alpha\":8}"
                    + "|training_type.lora_r",
            "sft without train_on_inputs|\"training_method\":{\"method\":\"sft\"}|training_method.train_on_inputs",
            "unknown scheduler|\"lr_scheduler\":{\"lr_scheduler_type\":\"step\"}|lr_scheduler.lr_scheduler_type",
            "hub push without token|\"hf_output_repo_name\":\"me/x\"|hf_api_token",
            "checkpoints above epochs|\"n_checkpoints\":2|n_checkpoints",
            "suffix with a space|\"suffix\":\"my model\"|suffix"})
    void createRefusesWhatTheSpecOrTheModelLimitsForbid(String what, String field, String param) {
        EmulatorHttp.Reply reply = together.post("/fine-tunes", "{\"model\":\"" + TogetherHttp.LLAMA
                + "\",\"training_file\":\"" + checkedFile() + "\"," + field + "}");

        assertThat(reply.status()).as(what).isEqualTo(400);
        assertThat(reply.error().get("param").asText()).as(reply.body()).isEqualTo(param);
        assertThat(emulator.together().jobIds()).isEmpty();
    }

    @Test
    void createAcceptsWhatTheSdksSend() {
        JsonNode job = together.createJob("{\"model\":\"" + TogetherHttp.LLAMA + "\",\"training_file\":\""
                + checkedFile() + "\",\"training_method\":{\"method\":\"sft\",\"train_on_inputs\":\"auto\"},"
                + "\"wandb_key\":\"k\",\"random_seed\":null,\"training_type\":null,\"batch_size\":\"max\","
                + "\"lr_scheduler\":{\"lr_scheduler_type\":\"cosine\",\"lr_scheduler_args\":{\"min_lr_ratio\":0,"
                + "\"num_cycles\":0.5}}}");

        assertThat(job.get("status").asText()).isEqualTo("pending");
        assertThat(job.get("batch_size").asInt()).isEqualTo(32);
        assertThat(job.get("training_type").get("type").asText()).isEqualTo("Lora");
    }

    @Test
    void fullTrainingIsRefusedForAModelThatOffersOnlyLora() {
        EmulatorHttp.Reply reply = together.post("/fine-tunes", "{\"model\":\"openai/gpt-oss-20b\","
                + "\"training_file\":\"" + checkedFile() + "\",\"training_type\":{\"type\":\"Full\"}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("message").asText()).contains("Full fine-tuning is not available");
    }

    @Test
    void unprocessedOrInvalidFilesAreRefused() {
        String pending = together.uploadJsonl("t.jsonl", EmulatorHttp.dataset("t1000-train.jsonl")).get("id")
                .asText();
        EmulatorHttp.Reply early = together.post("/fine-tunes", TogetherHttp.loraJob(pending));
        String invalid = together.uploadJsonl("bad.jsonl", "not json\n".getBytes(StandardCharsets.UTF_8))
                .get("id").asText();
        clock.advance(Duration.ofSeconds(2));
        EmulatorHttp.Reply bad = together.post("/fine-tunes", TogetherHttp.loraJob(invalid));

        assertThat(early.error().get("code").asText()).isEqualTo("file_not_ready");
        assertThat(bad.error().get("code").asText()).isEqualTo("invalid_file_format");
        assertThat(bad.error().get("message").asText()).contains("Line 1");
    }

    @Test
    void rateLimitFaultOnTogetherPathsUsesTogethersLimiterWords() {
        emulator.faults().inject(Fault.rateLimit(Duration.ofSeconds(2)).onPath("/fine-tunes"));

        EmulatorHttp.Reply reply = together.get("/fine-tunes");

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.error().get("type").asText()).isEqualTo("dynamic_request_limited");
        assertThat(reply.headers().firstValue("retry-after")).contains("2");
    }

    private String checkedFile() {
        String id = together.uploadJsonl("t1000.jsonl", EmulatorHttp.dataset("t1000-train.jsonl")).get("id")
                .asText();
        clock.advance(Duration.ofSeconds(2));
        return id;
    }
}
