package io.github.finetune4j.azure;

import io.github.finetune4j.azure.support.TestProviders;
import io.github.finetune4j.testsupport.Fixtures;
import io.github.finetune4j.testsupport.Multipart;
import io.github.finetune4j.core.BatchChat;
import io.github.finetune4j.core.BatchChatRequest;
import io.github.finetune4j.core.BatchChatResult;
import io.github.finetune4j.core.BatchChatRow;
import io.github.finetune4j.core.BatchOptions;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.error.BatchFailedException;
import io.github.finetune4j.core.model.BatchError;
import io.github.finetune4j.core.model.BatchRequestCounts;
import io.github.finetune4j.core.model.BatchStatus;
import io.github.finetune4j.core.model.ChatRequest;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Message;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.finetune4j.azure.support.TestProviders.FIXTURES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** {@link BatchChat} over a real client and the Azure provider (v1 route) against Azure-shaped responses. */
class AzureBatchChatTest {
    private static final String KEY = "test-azure-key";
    private static final String DATED = "?api-version=2024-10-21";
    private static final String INPUT = "file-4b1c2d3e4f5a60718293a4b5c6d7e8f0";
    private static final String OUTPUT = "file-8e7d6c5b4a39281706f5e4d3c2b1a0f9";
    private static final String ERRORS = "file-0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final String BATCH = "/openai/batches/batch_2c5b7e1a-8d3f-4a6b-9c0e-1f2a3b4c5d6e";
    private static final Duration BUDGET = Duration.ofSeconds(10);
    private static final BatchOptions FAST = BatchOptions.builder()
            .waitOptions(WaitOptions.builder().fixedInterval(Duration.ofMillis(1)).timeout(Duration.ofSeconds(5))
                    .build())
            .putMetadata("run", "eval-1")
            .build();

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final List<FineTuneClient> clients = new ArrayList<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(FineTuneClient::close);
    }

    private FineTuneClient client() {
        // The Azure client as users build it: BatchChat reaches its core client through ClientExtension.
        FineTuneClient client = AzureOpenAiFineTuning.builder().endpoint(server.url("/").uri()).apiKey(KEY)
                .buildClient(FineTuneClient.builder().retryPolicy(RetryPolicy.none())
                        .defaultWaitOptions(WaitOptions.builder().fixedInterval(Duration.ofMillis(1)).build()));
        clients.add(client);
        return client;
    }

    private static List<BatchChatRequest> threeQuestions() {
        List<BatchChatRequest> list = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            list.add(BatchChatRequest.of("q" + i, ChatRequest.builder().model("gpt-4o-mini-batch")
                    .addMessage(Message.user("Frage " + i + ": Warum saugt mein T-1000 nicht mehr?")).build()));
        }
        return list;
    }

    private static String route(RecordedRequest request) {
        String query = request.getUrl().encodedQuery();
        return request.getMethod() + " " + request.getUrl().encodedPath() + (query == null ? "" : "?" + query);
    }

    /** Plays Azure: files on v1, batches on the dated route; the batch reads as the given states in turn. */
    private void serve(String... batchStates) {
        AtomicInteger polls = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                switch (route(request)) {
                    case "POST /openai/v1/files": return FIXTURES.json(201, "batches/upload-input.json");
                    case "GET /openai/v1/files/" + INPUT: return FIXTURES.json("batches/get-input-processed.json");
                    case "POST /openai/batches" + DATED: return FIXTURES.json("batches/create-validating.json");
                    case "GET " + BATCH + DATED:
                        int i = Math.min(polls.getAndIncrement(), batchStates.length - 1);
                        return FIXTURES.json("batches/" + batchStates[i] + ".json");
                    case "GET /openai/v1/files/" + OUTPUT + "/content":
                        return content(FIXTURES.text("batches/output.jsonl"));
                    case "GET /openai/v1/files/" + ERRORS + "/content":
                        return content(FIXTURES.text("batches/errors.jsonl"));
                    default: return FIXTURES.json(404, "errors/deployment-not-found.json");
                }
            }
        });
    }

    private static MockResponse content(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/octet-stream")
                .addHeader("apim-request-id", TestProviders.REQUEST_ID).body(body).build();
    }

    @Test
    void runUploadsCreatesOnTheDatedRouteAwaitsAndReturnsOneRowPerRequest() {
        serve("get-validating", "get-in-progress", "get-completed");

        BatchChatResult result = assertTimeoutPreemptively(BUDGET,
                () -> BatchChat.of(client()).run(threeQuestions(), FAST));

        assertThat(requests).extracting(AzureBatchChatTest::route).containsExactly(
                "POST /openai/v1/files",
                "GET /openai/v1/files/" + INPUT,
                "POST /openai/batches" + DATED,
                "GET " + BATCH + DATED,
                "GET " + BATCH + DATED,
                "GET " + BATCH + DATED,
                "GET /openai/v1/files/" + ERRORS + "/content",
                "GET /openai/v1/files/" + OUTPUT + "/content");
        assertThat(requests).allSatisfy(r -> assertThat(r.getHeaders().get("api-key")).isEqualTo(KEY));

        List<Multipart.Part> parts = Multipart.parse(requests.get(0).getHeaders().get("Content-Type"),
                requests.get(0).getBody().toByteArray());
        assertThat(parts).extracting(Multipart.Part::name).containsExactly("purpose", "file");
        assertThat(parts.get(0).text()).isEqualTo("batch");
        assertThat(parts.get(1).filename()).isEqualTo("batch-input.jsonl");
        List<String> lines = parts.get(1).text().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(Fixtures.parse(lines.get(1))).isEqualTo(Fixtures.parse("{\"custom_id\":\"q2\",\"method\":\"POST\","
                + "\"url\":\"/chat/completions\",\"body\":{\"model\":\"gpt-4o-mini-batch\",\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"Frage 2: Warum saugt mein T-1000 nicht mehr?\"}]}}"));
        assertThat(Fixtures.parse(requests.get(2).getBody().utf8()))
                .isEqualTo(FIXTURES.tree("batches/create-request.json"));

        assertThat(result.batch().status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(result.batch().requestCounts()).isEqualTo(new BatchRequestCounts(3, 2, 1));
        assertThat(result.rows()).extracting(BatchChatRow::customId).containsExactly("q1", "q2", "q3");
        assertThat(result.rows().get(0).response().map(ChatResponse::text))
                .contains("Bitte nicht! Pril kann die Dichtungen beschädigen.");
        assertThat(result.rows().get(1).error().map(BatchError::code)).contains("content_filter");
        assertThat(result.rows().get(2).response().map(ChatResponse::text)).contains("Den Filter reinigen.");
        assertThat(result.failures()).extracting(BatchChatRow::customId).containsExactly("q2");
    }

    @Test
    void aBatchThatFailsValidationThrowsWithItsErrors() {
        serve("get-failed");

        assertThatThrownBy(() -> assertTimeoutPreemptively(BUDGET,
                () -> BatchChat.of(client()).run(threeQuestions(), FAST)))
                .isInstanceOfSatisfying(BatchFailedException.class, e -> assertThat(e.batch().errors())
                        .extracting(BatchError::code).containsExactly("invalid_request", "empty_file"));
        assertThat(requests).extracting(AzureBatchChatTest::route).noneMatch(r -> r.endsWith("/content"));
    }
}
