package io.github.finetune4j.openai;

import io.github.finetune4j.core.BatchChat;
import io.github.finetune4j.core.BatchChatRequest;
import io.github.finetune4j.core.BatchChatResult;
import io.github.finetune4j.core.BatchChatRow;
import io.github.finetune4j.core.BatchOptions;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.error.BatchFailedException;
import io.github.finetune4j.core.error.WaitTimeoutException;
import io.github.finetune4j.core.model.BatchError;
import io.github.finetune4j.core.model.BatchSnapshot;
import io.github.finetune4j.core.model.BatchStatus;
import io.github.finetune4j.core.model.ChatRequest;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.testsupport.Fixtures;
import io.github.finetune4j.testsupport.Multipart;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.finetune4j.openai.support.TestProviders.FIXTURES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** {@link BatchChat} over a real client and the OpenAI provider, against recorded Batch API responses. */
class OpenAiBatchChatTest {
    private static final BatchOptions FAST = BatchOptions.builder()
            .waitOptions(WaitOptions.builder().fixedInterval(Duration.ofMillis(1)).timeout(Duration.ofSeconds(5))
                    .build())
            .putMetadata("run", "eval-1")
            .build();

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final List<FineTuneClient> clients = new ArrayList<>();
    private final List<String> routes = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();

    @AfterEach
    void closeClients() {
        clients.forEach(FineTuneClient::close);
    }

    private FineTuneClient client() {
        FineTuneClient client = FineTuneClient.builder()
                .provider(OpenAiFineTuning.builder().apiKey("test-key").baseUrl(server.url("/v1/").uri()).build())
                .retryPolicy(RetryPolicy.none())
                .defaultWaitOptions(WaitOptions.builder().fixedInterval(Duration.ofMillis(1)).build())
                .build();
        clients.add(client);
        return client;
    }

    private static List<BatchChatRequest> threeQuestions() {
        List<BatchChatRequest> requests = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            requests.add(BatchChatRequest.of("q" + i, ChatRequest.builder().model("gpt-4o-mini-2024-07-18")
                    .addMessage(Message.user("Frage " + i + ": Warum saugt mein T-1000 nicht mehr?")).build()));
        }
        return requests;
    }

    /** Plays OpenAI: the batch reads as the given statuses in turn, then stays at the last. */
    private void serve(String... batchStates) {
        AtomicInteger polls = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String route = request.getMethod() + " " + request.getUrl().encodedPath();
                routes.add(route);
                bodies.put(route, request.getBody() == null ? new byte[0] : request.getBody().toByteArray());
                switch (route) {
                    case "POST /v1/files": return FIXTURES.json("batches/upload-input.json");
                    case "GET /v1/files/file-batch123": return FIXTURES.json("batches/get-input-processed.json");
                    case "POST /v1/batches": return FIXTURES.json("batches/create-validating.json");
                    case "GET /v1/batches/batch_abc123":
                        int i = Math.min(polls.getAndIncrement(), batchStates.length - 1);
                        return FIXTURES.json("batches/" + batchStates[i] + ".json");
                    case "GET /v1/files/file-out456/content": return text(FIXTURES.text("batches/output.jsonl"));
                    case "GET /v1/files/file-err789/content": return text(FIXTURES.text("batches/errors.jsonl"));
                    default: return new MockResponse.Builder().code(404).body("{\"error\":{\"message\":\"no\"}}").build();
                }
            }
        });
    }

    private static MockResponse text(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/octet-stream")
                .body(body).build();
    }

    @Test
    void runUploadsCreatesAwaitsAndParsesRowsWithPartialFailure() throws Exception {
        serve("get-in-progress", "get-completed");

        BatchChatResult result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> BatchChat.of(client()).run(threeQuestions(), FAST));

        assertThat(result.batch().status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(result.rows()).extracting(BatchChatRow::customId).containsExactly("q1", "q2", "q3");
        assertThat(result.rows().get(0).response().map(ChatResponse::text))
                .contains("Bitte nicht! Pril kann die Dichtungen beschädigen.");
        assertThat(result.rows().get(1).error().map(BatchError::code)).contains("context_length_exceeded");
        assertThat(result.rows().get(2).response().map(ChatResponse::text)).contains("Den Filter reinigen.");
        assertThat(result.failures()).extracting(BatchChatRow::customId).containsExactly("q2");
        assertThat(routes).containsExactly("POST /v1/files", "GET /v1/files/file-batch123", "POST /v1/batches",
                "GET /v1/batches/batch_abc123", "GET /v1/batches/batch_abc123", "GET /v1/files/file-err789/content",
                "GET /v1/files/file-out456/content");
    }

    @Test
    void submitReturnsTheCreatedBatchWithoutWaitingForIt() {
        serve("get-in-progress", "get-completed");

        BatchSnapshot created = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> BatchChat.of(client()).submit(threeQuestions(), FAST));

        assertThat(created.id().value()).isEqualTo("batch_abc123");
        assertThat(routes).containsExactly("POST /v1/files", "GET /v1/files/file-batch123", "POST /v1/batches");
    }

    @Test
    void awaitByIdReadsTheRowsOfABatchStartedEarlierWithoutUploadingAgain() {
        serve("get-in-progress", "get-completed");

        BatchChatResult result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> BatchChat.of(client())
                .await(io.github.finetune4j.core.model.BatchId.of("batch_abc123"), threeQuestions(), FAST));

        assertThat(result.batch().status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(result.rows()).extracting(BatchChatRow::customId).containsExactly("q1", "q2", "q3");
        assertThat(result.failures()).extracting(BatchChatRow::customId).containsExactly("q2");
        assertThat(routes).containsExactly("GET /v1/batches/batch_abc123", "GET /v1/batches/batch_abc123",
                "GET /v1/files/file-err789/content", "GET /v1/files/file-out456/content");
    }

    @Test
    void runUploadsInputLinesWithPurposeBatch() throws Exception {
        serve("get-completed");

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> BatchChat.of(client()).run(threeQuestions(), FAST));

        RecordedRequest upload = server.takeRequest(1, SECONDS);
        List<Multipart.Part> parts = Multipart.parse(upload.getHeaders().get("Content-Type"),
                bodies.get("POST /v1/files"));
        assertThat(parts.get(0).name()).isEqualTo("purpose");
        assertThat(parts.get(0).text()).isEqualTo("batch");
        assertThat(parts.get(1).filename()).isEqualTo("batch-input.jsonl");
        List<String> lines = parts.get(1).text().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(Fixtures.parse(lines.get(1))).isEqualTo(Fixtures.parse("{\"custom_id\":\"q2\",\"method\":\"POST\","
                + "\"url\":\"/v1/chat/completions\",\"body\":{\"model\":\"gpt-4o-mini-2024-07-18\",\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"Frage 2: Warum saugt mein T-1000 nicht mehr?\"}]}}"));
        assertThat(Fixtures.parse(new String(bodies.get("POST /v1/batches"), java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo(FIXTURES.tree("batches/create-request.json"));
    }

    @Test
    void runReportsRowsMissingFromExpiredBatchAsExpired() {
        serve("get-expired");

        BatchChatResult result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> BatchChat.of(client()).run(threeQuestions(), FAST));

        assertThat(result.batch().status()).isEqualTo(BatchStatus.EXPIRED);
        assertThat(result.rows().get(0).isSuccess()).isTrue();
        assertThat(result.rows().get(1).error().map(BatchError::code)).contains("batch_expired");
        assertThat(routes).doesNotContain("GET /v1/files/file-err789/content");
    }

    @Test
    void runThrowsBatchFailedExceptionWithErrorsWhenValidationFails() {
        serve("get-failed");

        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> BatchChat.of(client()).run(threeQuestions(), FAST)))
                .isInstanceOfSatisfying(BatchFailedException.class, e -> assertThat(e.batch().errors())
                        .extracting(BatchError::code).containsExactly("invalid_json_line"));
    }

    @Test
    void runTimesOutWithoutCancellingTheBatch() {
        serve("get-in-progress");
        BatchOptions shortBudget = FAST.toBuilder().waitOptions(WaitOptions.builder()
                .fixedInterval(Duration.ofMillis(20)).timeout(Duration.ofMillis(100)).build()).build();

        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> BatchChat.of(client()).run(threeQuestions(), shortBudget)))
                .isInstanceOfSatisfying(WaitTimeoutException.class, e -> assertThat(e.lastState(BatchSnapshot.class)
                        .map(BatchSnapshot::status)).contains(BatchStatus.IN_PROGRESS));
        assertThat(routes).noneMatch(r -> r.endsWith("/cancel"));
    }

    @Test
    void runRejectsDuplicateCustomIds() {
        List<BatchChatRequest> twice = List.of(threeQuestions().get(0), threeQuestions().get(0));

        assertThatThrownBy(() -> BatchChat.of(client()).run(twice, FAST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("q1");
        assertThat(routes).isEmpty();
    }
}
