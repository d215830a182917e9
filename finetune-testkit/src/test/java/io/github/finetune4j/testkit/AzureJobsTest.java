package io.github.finetune4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AzureJobsTest {

    private final EmulatorClock clock = EmulatorClock.manual();
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(clock).start();
    private final AzureHttp dated = AzureHttp.dated(emulator);
    private final AzureHttp v1 = AzureHttp.v1(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void datedCreateAnswers201WithLocationAndPendingStatus() {
        String file = processedFile();

        EmulatorHttp.Reply reply = dated.post("/fine_tuning/jobs", AzureHttp.jobBody(file));

        assertThat(reply.status()).isEqualTo(201);
        JsonNode job = reply.json();
        assertThat(job.get("id").asText()).matches("ftjob-[0-9a-f]{32}");
        assertThat(job.get("status").asText()).isEqualTo("pending");
        assertThat(job.has("fine_tuned_model")).isFalse();
        assertThat(job.get("hyperparameters").get("n_epochs").asInt()).isEqualTo(-1);
        assertThat(reply.headers().firstValue("Location")).hasValue(emulator.azureEndpoint()
                + "/openai/fine_tuning/jobs/" + job.get("id").asText() + "?api-version=2024-10-21");
    }

    @Test
    void jobMovesFromPendingToRunningToSucceededWithAnAzureModelName() {
        String file = processedFile();
        String id = dated.createJob("{\"model\":\"gpt-4o-mini-2024-07-18\",\"training_file\":\"" + file
                + "\",\"suffix\":\"t1000\",\"trainingType\":\"Standard\"}").get("id").asText();

        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String status = dated.job(id).get("status").asText();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                seen.add(status);
            }
            clock.advance(Duration.ofSeconds(10));
        }
        JsonNode done = dated.job(id);

        assertThat(seen).containsExactly("pending", "running", "succeeded");
        assertThat(done.get("fine_tuned_model").asText()).matches("gpt-4o-mini-2024-07-18\\.ft-[0-9a-f]{32}-t1000");
        assertThat(done.get("result_files")).hasSize(1);
        assertThat(done.get("hyperparameters").get("n_epochs").asInt()).isPositive();
        assertThat(done.get("trained_tokens").asInt()).isPositive();
        assertThat(done.has("organisation_id")).isFalse();
    }

    @Test
    void v1CreateAnswers200InTheOpenAiShapeWithAzureStatusWords() {
        String file = processedFile();

        EmulatorHttp.Reply reply = v1.post("/fine_tuning/jobs", AzureHttp.jobBody(file));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode job = reply.json();
        assertThat(job.get("status").asText()).isEqualTo("pending");
        assertThat(job.get("hyperparameters").get("n_epochs").asText()).isEqualTo("auto");
        assertThat(job.get("organization_id").isNull()).isTrue();
        assertThat(job.get("fine_tuned_model").isNull()).isTrue();
    }

    @Test
    void createWithoutTrainingTypeIsRefusedAsTheServiceDoes() {
        String file = processedFile();

        EmulatorHttp.Reply reply = dated.post("/fine_tuning/jobs", "{\"model\":\"gpt-4o-mini-2024-07-18\","
                + "\"training_file\":\"" + file + "\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("code").asText()).isEqualTo("invalidPayload");
        assertThat(reply.error().get("message").asText())
                .startsWith("The specified base model does not support fine-tuning.").contains("trainingType");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"Standard\"", "\"standard\"", "\"GlobalStandard\"", "\"Global\"", "\"Developer\"",
            "\"developerTier\"", "1"})
    void createAcceptsTheTrainingTypeSpellingsInUse(String trainingType) {
        String file = processedFile();

        EmulatorHttp.Reply reply = v1.post("/fine_tuning/jobs", "{\"model\":\"gpt-4o-mini-2024-07-18\","
                + "\"training_file\":\"" + file + "\",\"trainingType\":" + trainingType + "}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @Test
    void createRejectsUnknownKeysAndPreviewKeysOnTheGaVersion() {
        String file = processedFile();

        EmulatorHttp.Reply typo = dated.post("/fine_tuning/jobs", "{\"model\":\"gpt-4o-mini-2024-07-18\","
                + "\"training_file\":\"" + file + "\",\"trainingType\":\"Standard\",\"nEpochs\":3}");
        EmulatorHttp.Reply method = dated.post("/fine_tuning/jobs", "{\"model\":\"gpt-4o-mini-2024-07-18\","
                + "\"training_file\":\"" + file + "\",\"trainingType\":\"Standard\",\"method\":{\"type\":\"dpo\"}}");

        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.error().get("target").asText()).isEqualTo("nEpochs");
        assertThat(method.status()).isEqualTo(400);
        assertThat(method.error().get("message").asText()).contains("2025-04-01-preview");
    }

    @Test
    void createAcceptsMinusOneAsChosenByTheService() {
        String file = processedFile();

        EmulatorHttp.Reply reply = dated.post("/fine_tuning/jobs", "{\"model\":\"gpt-4o-mini-2024-07-18\","
                + "\"training_file\":\"" + file + "\",\"trainingType\":\"Standard\",\"hyperparameters\":"
                + "{\"n_epochs\":-1,\"batch_size\":2,\"learning_rate_multiplier\":0.1}}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode hyperparameters = reply.json().get("hyperparameters");
        assertThat(hyperparameters.get("n_epochs").asInt()).isEqualTo(-1);
        assertThat(hyperparameters.get("batch_size").asInt()).isEqualTo(2);
        assertThat(hyperparameters.get("learning_rate_multiplier").asDouble()).isEqualTo(0.1);
    }

    @Test
    void baseModelThatCannotBeFineTunedIsRefused() {
        String file = processedFile();

        EmulatorHttp.Reply reply = dated.post("/fine_tuning/jobs", "{\"model\":\"gpt-35-turbo-0301\","
                + "\"training_file\":\"" + file + "\",\"trainingType\":\"Standard\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("target").asText()).isEqualTo("model");
    }

    @Test
    void listGetAndCancel() {
        String file = processedFile();
        String first = dated.createJob(AzureHttp.jobBody(file)).get("id").asText();
        String second = dated.createJob(AzureHttp.jobBody(file)).get("id").asText();

        JsonNode page = dated.get("/fine_tuning/jobs?limit=1").json();
        JsonNode cancelled = dated.post("/fine_tuning/jobs/" + first + "/cancel").json();
        EmulatorHttp.Reply again = dated.post("/fine_tuning/jobs/" + first + "/cancel");

        assertThat(page.get("data").get(0).get("id").asText()).isEqualTo(second);
        assertThat(page.get("has_more").asBoolean()).isTrue();
        assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
        assertThat(again.status()).isEqualTo(400);
        assertThat(dated.job(first).get("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void unknownJobAnswers404NotFound() {
        EmulatorHttp.Reply reply = dated.get("/fine_tuning/jobs/ftjob-nope");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error().get("code").asText()).isEqualTo("notFound");
    }

    @Test
    void eventsUseAzureLevelsAndCheckpointsComeOnePerEpoch() {
        String file = processedFile();
        String id = dated.createJob(AzureHttp.jobBody(file)).get("id").asText();
        clock.advance(Duration.ofMinutes(3));

        JsonNode events = dated.get("/fine_tuning/jobs/" + id + "/events?limit=500").json();
        JsonNode checkpoints = dated.get("/fine_tuning/jobs/" + id + "/checkpoints").json();

        assertThat(events.get("data")).isNotEmpty().allSatisfy(e -> {
            assertThat(e.get("object").asText()).isEqualTo("fine_tuning.job.event");
            assertThat(e.get("level").asText()).isIn("info", "warning", "error");
        });
        assertThat(events.get("data").get(0).get("message").asText()).contains("successfully completed");
        assertThat(checkpoints.get("data")).hasSize(3);
        assertThat(checkpoints.get("data").get(0).get("fine_tuned_model_checkpoint").asText())
                .startsWith(dated.job(id).get("fine_tuned_model").asText() + ":ckpt-step-");
    }

    @Test
    void failedJobReportsTheErrorAndAnErrorEvent() {
        String small = dated.uploadDataset("t1000-four-examples.jsonl");
        clock.advance(Duration.ofSeconds(2));
        String id = dated.createJob(AzureHttp.jobBody(small)).get("id").asText();
        clock.advance(Duration.ofMinutes(1));

        JsonNode job = dated.job(id);
        JsonNode events = dated.get("/fine_tuning/jobs/" + id + "/events").json();

        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("error").get("message").asText()).contains("at least 10");
        assertThat(events.get("data").get(0).get("level").asText()).isEqualTo("error");
    }

    @Test
    void v1PauseAndResumeGoThroughPausingAndResuming() {
        String id = runningJob(v1);

        JsonNode paused = v1.post("/fine_tuning/jobs/" + id + "/pause").json();
        clock.advance(Duration.ofSeconds(5));
        String afterPause = v1.job(id).get("status").asText();
        JsonNode resumed = v1.post("/fine_tuning/jobs/" + id + "/resume").json();
        clock.advance(Duration.ofSeconds(5));
        String afterResume = v1.job(id).get("status").asText();

        assertThat(paused.get("status").asText()).isEqualTo("pausing");
        assertThat(afterPause).isEqualTo("paused");
        assertThat(resumed.get("status").asText()).isEqualTo("resuming");
        assertThat(afterResume).isEqualTo("running");
    }

    @Test
    void pauseExistsOnDatedPreviewsButNotOnTheGaVersion() {
        String id = runningJob(dated);

        EmulatorHttp.Reply ga = dated.post("/fine_tuning/jobs/" + id + "/pause");
        EmulatorHttp.Reply preview = dated.apiVersion("2025-04-01-preview").post("/fine_tuning/jobs/" + id
                + "/pause");

        assertThat(ga.status()).isEqualTo(404);
        assertThat(ga.error().get("code").asText()).isEqualTo("404");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().get("status").asText()).isEqualTo("pausing");
    }

    @Test
    void datedDeleteAnswers204AndTheJobIsGoneButV1HasNoDelete() {
        String file = processedFile();
        String id = dated.createJob(AzureHttp.jobBody(file)).get("id").asText();

        EmulatorHttp.Reply v1Delete = v1.delete("/fine_tuning/jobs/" + id);
        EmulatorHttp.Reply deleted = dated.delete("/fine_tuning/jobs/" + id);

        assertThat(v1Delete.status()).isEqualTo(404);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(dated.get("/fine_tuning/jobs/" + id).status()).isEqualTo(404);
    }

    @Test
    void jobsOfTheOpenAiAccountAreNotOnTheAzureResource() {
        EmulatorHttp openAi = new EmulatorHttp(emulator);
        String file = openAi.uploadDataset("t1000-train.jsonl");
        clock.advance(Duration.ofSeconds(2));
        String id = openAi.createJob("{\"model\":\"gpt-4o-mini-2024-07-18\",\"training_file\":\"" + file + "\"}")
                .get("id").asText();
        String azureJob = dated.createJob(AzureHttp.jobBody(processedFile())).get("id").asText();

        assertThat(dated.get("/fine_tuning/jobs/" + id).status()).isEqualTo(404);
        assertThat(v1.get("/fine_tuning/jobs").json().get("data")).hasSize(1);
        assertThat(openAi.get("/fine_tuning/jobs/" + azureJob).status()).isEqualTo(404);
        assertThat(openAi.get("/fine_tuning/jobs").json().get("data")).hasSize(1);
    }

    private String processedFile() {
        String file = dated.uploadDataset("t1000-train.jsonl");
        clock.advance(Duration.ofSeconds(2));
        return file;
    }

    private String runningJob(AzureHttp http) {
        String id = http.createJob(AzureHttp.jobBody(processedFile())).get("id").asText();
        clock.advance(Duration.ofSeconds(40));
        assertThat(http.job(id).get("status").asText()).isEqualTo("running");
        return id;
    }
}
