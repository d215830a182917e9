package io.github.finetune4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job on a manual clock, with the defaults: file processed after 2 s, validation 20 s, queue 10 s, training
 * 60 s. The 12-example T-1000 file resolves to 8 epochs of 12 steps (batch size 1): 96 steps.
 */
class JobLifecycleTest {

    private static final String CREATE = "{\"model\":\"gpt-4o-mini-2024-07-18\",\"training_file\":\"%s\","
            + "\"suffix\":\"t1000\",\"seed\":42}";

    private final EmulatorClock clock = EmulatorClock.manual();
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(clock).start();
    private final EmulatorHttp http = new EmulatorHttp(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void jobMovesThroughItsStatesAsTheClockAdvances() {
        String file = http.uploadDataset("t1000-train.jsonl");
        JsonNode created = http.createJob(String.format(CREATE, file));
        String id = created.get("id").asText();

        assertThat(id).startsWith("ftjob-");
        assertThat(created.get("status").asText()).isEqualTo("validating_files");
        assertThat(created.get("hyperparameters").get("n_epochs").asText()).isEqualTo("auto");
        assertThat(created.get("fine_tuned_model").isNull()).isTrue();

        clock.advance(Duration.ofSeconds(21));
        assertThat(http.job(id).get("status").asText()).isEqualTo("validating_files");

        clock.advance(Duration.ofSeconds(2));
        JsonNode queued = http.job(id);
        assertThat(queued.get("status").asText()).isEqualTo("queued");
        assertThat(queued.get("hyperparameters").get("n_epochs").asInt()).isEqualTo(8);
        assertThat(queued.get("hyperparameters").get("batch_size").asInt()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(10));
        JsonNode running = http.job(id);
        assertThat(running.get("status").asText()).isEqualTo("running");
        assertThat(running.get("estimated_finish").asLong())
                .isEqualTo(created.get("created_at").asLong() + 92);

        clock.advance(Duration.ofMinutes(2));
        JsonNode done = http.job(id);
        assertThat(done.get("status").asText()).isEqualTo("succeeded");
        assertThat(done.get("fine_tuned_model").asText()).matches("ft:gpt-4o-mini-2024-07-18:emulator:t1000:\\w{8}");
        assertThat(done.get("finished_at").asLong()).isEqualTo(created.get("created_at").asLong() + 92);
        assertThat(done.get("result_files")).hasSize(1);
        assertThat(done.get("trained_tokens").asLong()).isPositive();
        assertThat(done.get("error").isNull()).isTrue();
        assertThat(done.get("organization_id").asText()).isEqualTo("org-emulator");
    }

    @Test
    void eventsAreListedNewestFirstWithMetricsForEveryStep() {
        String id = succeededJob();

        List<JsonNode> events = new ArrayList<>();
        http.get("/fine_tuning/jobs/" + id + "/events?limit=1000").json().get("data").forEach(events::add);

        assertThat(events.get(0).get("message").asText()).isEqualTo("The job has successfully completed");
        assertThat(events.get(1).get("message").asText()).startsWith("New fine-tuned model created: ft:");
        assertThat(events.get(events.size() - 1).get("message").asText())
                .isEqualTo("Created fine-tuning job: " + id);
        assertThat(events).extracting(e -> e.get("message").asText())
                .contains("Fine-tuning job started", "Checkpoint created at step 96",
                        "Files validated, moving job to queued state")
                .anyMatch(m -> m.startsWith("Validating training file: file-"));
        List<JsonNode> metrics = events.stream().filter(e -> e.get("type").asText().equals("metrics")).toList();
        assertThat(metrics).hasSize(96);
        JsonNode step3 = metrics.get(metrics.size() - 3);
        assertThat(step3.get("message").asText()).matches("Step 3/96: training loss=\\d+\\.\\d\\d");
        assertThat(step3.get("data").get("step").asInt()).isEqualTo(3);
        assertThat(step3.get("data").get("total_steps").asInt()).isEqualTo(96);
        assertThat(step3.get("data").get("train_loss").isNumber()).isTrue();
        assertThat(step3.get("data").get("train_mean_token_accuracy").isNumber()).isTrue();
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("object").asText()).isEqualTo("fine_tuning.job.event");
            assertThat(e.get("id").asText()).startsWith("ftevent-");
            assertThat(e.get("level").asText()).isIn("info", "warn", "error");
        });
        assertThat(events).extracting(e -> e.get("id").asText()).doesNotHaveDuplicates();
    }

    @Test
    void eventPagesFollowTheAfterCursor() {
        String id = succeededJob();
        List<String> all = new ArrayList<>();
        http.get("/fine_tuning/jobs/" + id + "/events?limit=1000").json().get("data")
                .forEach(e -> all.add(e.get("id").asText()));

        JsonNode first = http.get("/fine_tuning/jobs/" + id + "/events?limit=5").json();
        String cursor = first.get("data").get(4).get("id").asText();
        JsonNode second = http.get("/fine_tuning/jobs/" + id + "/events?limit=5&after=" + cursor).json();

        assertThat(first.get("has_more").asBoolean()).isTrue();
        List<String> paged = new ArrayList<>();
        first.get("data").forEach(e -> paged.add(e.get("id").asText()));
        second.get("data").forEach(e -> paged.add(e.get("id").asText()));
        assertThat(paged).isEqualTo(all.subList(0, 10));
    }

    @Test
    void checkpointsOfTheLastThreeEpochsAreKeptNewestFirst() {
        String id = succeededJob();
        String model = http.job(id).get("fine_tuned_model").asText();

        JsonNode list = http.get("/fine_tuning/jobs/" + id + "/checkpoints").json();

        assertThat(list.get("data")).extracting(c -> c.get("step_number").asInt()).containsExactly(96, 84, 72);
        JsonNode newest = list.get("data").get(0);
        assertThat(newest.get("object").asText()).isEqualTo("fine_tuning.job.checkpoint");
        assertThat(newest.get("id").asText()).startsWith("ftckpt_");
        assertThat(newest.get("fine_tuned_model_checkpoint").asText()).isEqualTo(model + ":ckpt-step-96");
        assertThat(newest.get("fine_tuning_job_id").asText()).isEqualTo(id);
        assertThat(newest.get("metrics").get("step").asInt()).isEqualTo(96);
        assertThat(list.get("first_id").asText()).isEqualTo(newest.get("id").asText());
        assertThat(list.get("has_more").asBoolean()).isFalse();
    }

    @Test
    void resultFileIsABase64EncodedCsvWithADecreasingLossCurve() {
        String id = succeededJob();
        String resultId = http.job(id).get("result_files").get(0).asText();

        JsonNode file = http.get("/files/" + resultId).json();
        assertThat(file.get("purpose").asText()).isEqualTo("fine-tune-results");
        assertThat(file.get("filename").asText()).isEqualTo("step_metrics.csv");
        assertThat(file.get("status").asText()).isEqualTo("processed");

        String csv = new String(Base64.getDecoder().decode(http.get("/files/" + resultId + "/content").bytes()),
                StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy");
        assertThat(lines).hasSize(97);
        assertThat(lines.get(1)).matches("1,[0-9.]+,[0-9.]+,,");
        assertThat(averageLoss(lines.subList(1, 11))).isGreaterThan(2 * averageLoss(lines.subList(87, 97)));
    }

    @Test
    void sameSeedAndRequestsGiveTheSameIdsAndCurve() {
        String[] first = jobIdAndResultCsvOfFreshEmulator(7L);
        String[] second = jobIdAndResultCsvOfFreshEmulator(7L);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void freshEmulatorsWithoutSeedNeverRepeatIdsButKeepTheCurve() {
        String[] first = jobIdAndResultCsvOfFreshEmulator(null);
        String[] second = jobIdAndResultCsvOfFreshEmulator(null);

        assertThat(second[0]).isNotEqualTo(first[0]);
        assertThat(second[1]).isNotEqualTo(first[1]);
        assertThat(second[2]).isEqualTo(first[2]);
    }

    @Test
    void validationFileAddsValidationMetrics() {
        String train = http.uploadDataset("t1000-train.jsonl");
        String valid = http.uploadDataset("t1000-validation.jsonl");
        String id = http.createJob("{\"model\":\"gpt-4o-mini-2024-07-18\",\"training_file\":\"" + train
                + "\",\"validation_file\":\"" + valid + "\",\"method\":{\"type\":\"supervised\",\"supervised\":"
                + "{\"hyperparameters\":{\"n_epochs\":2,\"batch_size\":4}}}}").get("id").asText();
        clock.advance(Duration.ofMinutes(3));

        JsonNode job = http.job(id);
        JsonNode step = http.get("/fine_tuning/jobs/" + id + "/events?limit=4").json().get("data").get(3);
        JsonNode checkpoint = http.get("/fine_tuning/jobs/" + id + "/checkpoints").json().get("data").get(0);

        assertThat(job.get("method").get("supervised").get("hyperparameters").get("n_epochs").asInt()).isEqualTo(2);
        assertThat(job.get("hyperparameters").get("batch_size").asInt()).isEqualTo(4);
        assertThat(step.get("message").asText()).matches("Step 6/6: training loss=[0-9.]+, validation loss=[0-9.]+");
        assertThat(step.get("data").has("valid_loss")).isTrue();
        assertThat(checkpoint.get("metrics").has("full_valid_loss")).isTrue();
    }

    @Test
    void succeededJobCreatesAFineTunedModelThatCanBeDeleted() {
        String id = succeededJob();
        String model = http.job(id).get("fine_tuned_model").asText();

        JsonNode listed = http.get("/models").json();
        assertThat(listed.get("data")).extracting(m -> m.get("id").asText())
                .contains("gpt-4o-mini-2024-07-18", model);
        JsonNode retrieved = http.get("/models/" + model).json();
        assertThat(retrieved.get("owned_by").asText()).isEqualTo("org-emulator");

        JsonNode deleted = http.delete("/models/" + model).json();
        assertThat(deleted.get("deleted").asBoolean()).isTrue();
        assertThat(http.get("/models/" + model).status()).isEqualTo(404);
    }

    @Test
    void modelIdsWithEncodedColonsAreDecoded() {
        String model = http.job(succeededJob()).get("fine_tuned_model").asText();

        EmulatorHttp.Reply reply = http.get("/models/" + model.replace(":", "%3A"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("id").asText()).isEqualTo(model);
    }

    @Test
    void baseModelsCannotBeDeleted() {
        EmulatorHttp.Reply reply = http.delete("/models/gpt-4o-mini-2024-07-18");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(http.get("/models/gpt-4o-mini-2024-07-18").status()).isEqualTo(200);
    }

    private String succeededJob() {
        String file = http.uploadDataset("t1000-train.jsonl");
        String id = http.createJob(String.format(CREATE, file)).get("id").asText();
        clock.advance(Duration.ofMinutes(3));
        return id;
    }

    /** Returns the file id, the job id and the result CSV of one job on a fresh emulator. */
    private static String[] jobIdAndResultCsvOfFreshEmulator(Long seed) {
        EmulatorClock manual = EmulatorClock.manual();
        FineTuningEmulator.Builder builder = FineTuningEmulator.builder().clock(manual);
        if (seed != null) {
            builder.seed(seed);
        }
        try (FineTuningEmulator fresh = builder.start()) {
            EmulatorHttp client = new EmulatorHttp(fresh);
            String file = client.uploadDataset("t1000-train.jsonl");
            String id = client.createJob("{\"model\":\"gpt-4o-mini-2024-07-18\",\"training_file\":\"" + file
                    + "\"}").get("id").asText();
            manual.advance(Duration.ofMinutes(3));
            String resultId = client.job(id).get("result_files").get(0).asText();
            return new String[]{file, id, client.get("/files/" + resultId + "/content").body()};
        }
    }

    private static double averageLoss(List<String> rows) {
        return rows.stream().mapToDouble(r -> Double.parseDouble(r.split(",")[1])).average().orElseThrow();
    }
}
