package io.github.finetune4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the default scaled clock a small job finishes within a couple of seconds of real time, so example
 * programs that poll every ~200 ms complete quickly, and the times it reports are wall-clock times.
 */
class ScaledClockTest {

    @Test
    void defaultClockFinishesASmallJobWithinSecondsOfRealTime() throws Exception {
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        try (FineTuningEmulator emulator = FineTuningEmulator.builder().build().start()) {
            EmulatorHttp http = new EmulatorHttp(emulator);
            String file = http.uploadDataset("t1000-train.jsonl");
            String id = http.createJob("{\"model\":\"gpt-4o-mini-2024-07-18\",\"training_file\":\"" + file + "\"}")
                    .get("id").asText();
            long start = System.nanoTime();
            CompletableFuture<JsonNode> finished = new CompletableFuture<>();
            poller.scheduleWithFixedDelay(() -> {
                try {
                    JsonNode job = http.job(id);
                    if (!job.get("finished_at").isNull()) {
                        finished.complete(job);
                    }
                } catch (RuntimeException e) {
                    finished.completeExceptionally(e);
                }
            }, 0, 200, TimeUnit.MILLISECONDS);

            JsonNode job = finished.get(15, TimeUnit.SECONDS);

            assertThat(job.get("status").asText()).isEqualTo("succeeded");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            long wallClock = Instant.now().getEpochSecond();
            assertThat(job.get("finished_at").asLong()).isLessThanOrEqualTo(wallClock);
            for (JsonNode event : http.get("/fine_tuning/jobs/" + id + "/events?limit=1000").json().get("data")) {
                assertThat(event.get("created_at").asLong()).as("event times never lie in the future")
                        .isLessThanOrEqualTo(wallClock);
            }
        } finally {
            poller.shutdownNow();
        }
    }
}
