package io.github.finetune4j.openai.internal;

import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.EventLevel;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.Page;
import io.github.finetune4j.core.model.PageRequest;
import io.github.finetune4j.core.model.TrainingMetrics;
import io.github.finetune4j.openai.support.TestProviders;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.github.finetune4j.openai.support.TestProviders.FIXTURES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

class OpenAiEventsTest {
    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final TestProviders providers = TestProviders.create();

    @AfterEach
    void closeProviders() {
        providers.close();
    }

    @Test
    void listEventsSendsAfterAndLimitAndKeepsNewestFirstOrder() throws Exception {
        server.enqueue(FIXTURES.json("events/list-page-1.json"));

        Page<JobEvent> page = providers.provider(server).listEvents(JobId.of("ftjob-abc123"),
                PageRequest.first().after("ftevent-0004").withLimit(2));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/fine_tuning/jobs/ftjob-abc123/events");
        assertThat(request.getUrl().encodedQuery()).isEqualTo("after=ftevent-0004&limit=2");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-key");
        assertThat(page.items()).extracting(JobEvent::id).containsExactly("ftevent-0003", "ftevent-0002");
        assertThat(page.nextCursor()).contains("ftevent-0002");
    }

    @Test
    void listEventsMapsMetricsEventDataToTrainingMetrics() throws Exception {
        server.enqueue(FIXTURES.json("events/list-page-1.json"));

        Page<JobEvent> page = providers.provider(server).listEvents(JobId.of("ftjob-abc123"), PageRequest.first());

        JobEvent metrics = page.items().get(0);
        assertThat(metrics.createdAt()).isEqualTo(Instant.ofEpochSecond(1721764900));
        assertThat(metrics.level()).isEqualTo(EventLevel.INFO);
        assertThat(metrics.metrics()).contains(new TrainingMetrics(20, 100,
                Map.of("train_loss", 0.42, "valid_loss", 0.51, "train_mean_token_accuracy", 0.875)));
        JobEvent message = page.items().get(1);
        assertThat(message.level()).isEqualTo(EventLevel.WARN);
        assertThat(message.metrics()).isEmpty();
        assertThat(server.takeRequest(1, SECONDS)).isNotNull();
    }

    @Test
    void listEventsLastPageHasNoCursorAndToleratesMissingData() throws Exception {
        server.enqueue(FIXTURES.json("events/list-last.json"));

        Page<JobEvent> page = providers.provider(server).listEvents(JobId.of("ftjob-abc123"), PageRequest.first());

        assertThat(page.items()).hasSize(2);
        assertThat(page.items().get(1).message()).isEqualTo("New fine-tuned model created: ft:gpt-4o-mini:openai::7p4lURel");
        assertThat(page.items()).allSatisfy(e -> assertThat(e.metrics()).isEmpty());
        assertThat(page.nextCursor()).isEmpty();
        assertThat(server.takeRequest(1, SECONDS).getUrl().query()).isNull();
    }

    @Test
    void listCheckpointsSendsQueryAndContinuesAfterLastId() throws Exception {
        server.enqueue(FIXTURES.json("checkpoints/list-page-1.json"));

        Page<Checkpoint> page = providers.provider(server).listCheckpoints(JobId.of("ftjob-abc123"),
                PageRequest.first().withLimit(2));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/fine_tuning/jobs/ftjob-abc123/checkpoints");
        assertThat(request.getUrl().encodedQuery()).isEqualTo("limit=2");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-key");
        assertThat(page.nextCursor()).contains("ftckpt_enQCFmOTGj3syEpYVhBRLTSy");
        assertThat(page.items()).extracting(Checkpoint::stepNumber).containsExactly(2000L, 1000L);
    }

    @Test
    void listCheckpointsMapsModelNameAndMetrics() throws Exception {
        server.enqueue(FIXTURES.json("checkpoints/list-page-1.json"));

        Page<Checkpoint> page = providers.provider(server).listCheckpoints(JobId.of("ftjob-abc123"),
                PageRequest.first());

        Checkpoint newest = page.items().get(0);
        assertThat(newest).isEqualTo(new Checkpoint("ftckpt_zc4Q7MP6XxulcVzj4MZdwsAB", JobId.of("ftjob-abc123"),
                Instant.ofEpochSecond(1721764867),
                "ft:gpt-4o-mini-2024-07-18:my-org:custom-suffix:96olL566:ckpt-step-2000", 2000,
                new TrainingMetrics(2000, 0, Map.of("full_valid_loss", 0.134, "full_valid_mean_token_accuracy", 0.874))));
        TrainingMetrics older = page.items().get(1).metrics();
        assertThat(older.step()).isEqualTo(1000);
        assertThat(older.trainLoss()).hasValue(0.478);
        assertThat(older.validLoss()).isEmpty();
        assertThat(server.takeRequest(1, SECONDS)).isNotNull();
    }
}
