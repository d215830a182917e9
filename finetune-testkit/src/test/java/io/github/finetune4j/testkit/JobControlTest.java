package io.github.finetune4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobControlTest {

    private final EmulatorClock clock = EmulatorClock.manual();
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(clock).start();
    private final EmulatorHttp http = new EmulatorHttp(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void cancelStopsAJobForGood() {
        String id = newJob(null);
        clock.advance(Duration.ofSeconds(40));

        JsonNode cancelled = http.post("/fine_tuning/jobs/" + id + "/cancel").json();
        clock.advance(Duration.ofMinutes(5));

        assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
        JsonNode later = http.job(id);
        assertThat(later.get("status").asText()).isEqualTo("cancelled");
        assertThat(later.get("fine_tuned_model").isNull()).isTrue();
        assertThat(later.get("finished_at").asLong()).isEqualTo(cancelled.get("finished_at").asLong());
        assertThat(http.get("/fine_tuning/jobs/" + id + "/events?limit=1").json().get("data").get(0)
                .get("message").asText()).isEqualTo("Fine-tuning job cancelled");
    }

    @Test
    void cancellingAFinishedJobIsRejected() {
        String id = newJob(null);
        clock.advance(Duration.ofMinutes(3));

        EmulatorHttp.Reply reply = http.post("/fine_tuning/jobs/" + id + "/cancel");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("message").asText()).contains("succeeded");
    }

    @Test
    void pauseFreezesTrainingAndResumeContinuesWhereItStopped() {
        String id = newJob(null);
        clock.advance(Duration.ofSeconds(60));
        JsonNode paused = http.post("/fine_tuning/jobs/" + id + "/pause").json();
        int stepsAtPause = metricsEvents(id);

        clock.advance(Duration.ofMinutes(10));
        assertThat(http.job(id).get("status").asText()).isEqualTo("paused");
        assertThat(metricsEvents(id)).isEqualTo(stepsAtPause);

        JsonNode resumed = http.post("/fine_tuning/jobs/" + id + "/resume").json();
        clock.advance(Duration.ofSeconds(32));
        JsonNode done = http.job(id);

        assertThat(paused.get("status").asText()).isEqualTo("paused");
        assertThat(resumed.get("status").asText()).isEqualTo("running");
        assertThat(stepsAtPause).isBetween(40, 50);
        assertThat(done.get("status").asText()).isEqualTo("succeeded");
        assertThat(done.get("finished_at").asLong() - done.get("created_at").asLong()).isEqualTo(92 + 600);
    }

    @Test
    void pausingAJobThatIsNotRunningIsRejected() {
        String id = newJob(null);

        EmulatorHttp.Reply reply = http.post("/fine_tuning/jobs/" + id + "/pause");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("message").asText()).contains("validating_files");
    }

    @Test
    void unknownJobAnswers404() {
        EmulatorHttp.Reply reply = http.get("/fine_tuning/jobs/ftjob-nope");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error().get("message").asText()).contains("ftjob-nope");
    }

    @Test
    void listPagesNewestFirst() {
        String first = newJob(null);
        String second = newJob(null);
        String third = newJob(null);

        JsonNode page1 = http.get("/fine_tuning/jobs?limit=2").json();
        JsonNode page2 = http.get("/fine_tuning/jobs?limit=2&after=" + second).json();

        assertThat(ids(page1)).containsExactly(third, second);
        assertThat(page1.get("has_more").asBoolean()).isTrue();
        assertThat(ids(page2)).containsExactly(first);
        assertThat(page2.get("has_more").asBoolean()).isFalse();
    }

    @Test
    void listFiltersByMetadata() {
        String tagged = newJob("{\"team\":\"support\",\"run\":\"1\"}");
        String other = newJob("{\"team\":\"sales\"}");
        String untagged = newJob(null);

        assertThat(ids(http.get("/fine_tuning/jobs?metadata%5Bteam%5D=support").json())).containsExactly(tagged);
        assertThat(ids(http.get("/fine_tuning/jobs?metadata%5Bteam%5D=sales").json())).containsExactly(other);
        assertThat(ids(http.get("/fine_tuning/jobs?metadata=null").json())).containsExactly(untagged);
        assertThat(http.job(tagged).get("metadata").get("run").asText()).isEqualTo("1");
    }

    @Test
    void injectedFailureFailsTheJobAtTheChosenStep() {
        emulator.faults().failNextJob(5, "server_error", "Internal error during training.");
        String id = newJob(null);
        clock.advance(Duration.ofMinutes(3));

        JsonNode job = http.job(id);

        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("error").get("code").asText()).isEqualTo("server_error");
        assertThat(job.get("error").get("message").asText()).isEqualTo("Internal error during training.");
        assertThat(job.get("error").get("param").isNull()).isTrue();
        assertThat(metricsEvents(id)).isEqualTo(4);
        JsonNode newest = http.get("/fine_tuning/jobs/" + id + "/events?limit=1").json().get("data").get(0);
        assertThat(newest.get("level").asText()).isEqualTo("error");
    }

    @Test
    void failJobOnARunningJobMovesAPassedStepToTheNextOne() {
        String id = newJob(null);
        clock.advance(Duration.ofSeconds(40));
        int done = metricsEvents(id);

        emulator.faults().failJob(id, 1, "server_error", "boom");
        clock.advance(Duration.ofMinutes(3));

        assertThat(http.job(id).get("status").asText()).isEqualTo("failed");
        assertThat(metricsEvents(id)).isEqualTo(done);
    }

    @Test
    void failJobRejectsUnknownAndFinishedJobs() {
        String id = newJob(null);
        clock.advance(Duration.ofMinutes(3));
        http.job(id);

        assertThatThrownBy(() -> emulator.faults().failJob("ftjob-nope", 1, "c", "m"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emulator.faults().failJob(id, 1, "c", "m"))
                .isInstanceOf(IllegalStateException.class);
    }

    private String newJob(String metadata) {
        String file = http.uploadDataset("t1000-train.jsonl");
        return http.createJob("{\"model\":\"gpt-4o-mini-2024-07-18\",\"training_file\":\"" + file + "\""
                + (metadata == null ? "" : ",\"metadata\":" + metadata) + "}").get("id").asText();
    }

    private int metricsEvents(String id) {
        int count = 0;
        for (JsonNode event : http.get("/fine_tuning/jobs/" + id + "/events?limit=1000").json().get("data")) {
            if (event.get("type").asText().equals("metrics")) {
                count++;
            }
        }
        return count;
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.get("data").forEach(j -> out.add(j.get("id").asText()));
        return out;
    }
}
