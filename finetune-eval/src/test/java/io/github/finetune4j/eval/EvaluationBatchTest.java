package io.github.finetune4j.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.core.BatchOptions;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.openai.OpenAiFineTuning;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** {@link Evaluation.Builder#viaBatch}: MockWebServer plays OpenAI's Files and Batch APIs from fixtures. */
class EvaluationBatchTest {
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "gpt-4o-mini-2024-07-18";
    private static final String SYSTEM = "Du bist der T-1000-Kundenservice.";
    private static final BatchOptions FAST = BatchOptions.builder()
            .waitOptions(WaitOptions.builder().fixedInterval(Duration.ofMillis(1)).timeout(Duration.ofSeconds(5))
                    .build())
            .build();

    @StartStop
    public final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private final List<FineTuneClient> clients = new ArrayList<>();
    private final List<String> routes = new CopyOnWriteArrayList<>();
    private final Map<String, String> bodies = new ConcurrentHashMap<>();

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

    private static List<EvalExample> examples() {
        return List.of(
                example("ex-1", "Darf ich meinen T-1000 mit Pril reinigen?", "Nein, bitte kein Pril."),
                example("ex-2", "Wie lange hält der Akku?", "Etwa 60 Minuten."),
                example("ex-3", "Warum saugt mein T-1000 nicht mehr?", "Den Filter reinigen."));
    }

    private static EvalExample example(String id, String question, String reference) {
        return EvalExample.of(id, List.of(Message.system(SYSTEM), Message.user(question)), reference);
    }

    private Evaluation evaluation(FineTuneClient client) {
        return Evaluation.builder().examples(examples())
                .addCandidate(Candidate.of("fine-tuned", client.model(MODEL)))
                .addScorer(Scorers.exactMatch())
                .cache(dir.resolve("cache.jsonl"))
                .viaBatch(client, FAST)
                .build();
    }

    /** Plays OpenAI: the batch reads as the given states in turn, then stays at the last. */
    private void serve(String... batchStates) {
        AtomicInteger polls = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String route = request.getMethod() + " " + request.getUrl().encodedPath();
                routes.add(route);
                bodies.put(route, request.getBody() == null ? "" : request.getBody().utf8());
                switch (route) {
                    case "POST /v1/files": return json("upload-input.json");
                    case "GET /v1/files/file-batch123": return json("get-input-processed.json");
                    case "POST /v1/batches": return json("create-validating.json");
                    case "GET /v1/batches/batch_abc123":
                        return json(batchStates[Math.min(polls.getAndIncrement(), batchStates.length - 1)] + ".json");
                    case "GET /v1/files/file-out456/content": return bytes(fixture("output.jsonl"));
                    case "GET /v1/files/file-err789/content": return bytes(fixture("errors.jsonl"));
                    default: return new MockResponse.Builder().code(404).body("{\"error\":{\"message\":\"no\"}}").build();
                }
            }
        });
    }

    @Test
    void viaBatchScoresAnsweredRowsAndReportsPartialFailuresPerRow() {
        serve("create-validating", "get-in-progress", "get-completed");

        EvaluationResult result = assertTimeoutPreemptively(BOUND, () -> evaluation(client()).run());

        EvalRow first = result.row("fine-tuned", "ex-1").orElseThrow();
        assertThat(first.answer()).isEqualTo("Nein, bitte kein Pril.");
        assertThat(first.score(Scorers.EXACT_MATCH).value()).isEqualTo(1.0);
        assertThat(first.reportedUsage().orElseThrow().totalTokens()).isEqualTo(36);
        EvalRow failed = result.row("fine-tuned", "ex-2").orElseThrow();
        assertThat(failed.isError()).isTrue();
        assertThat(failed.error().orElseThrow()).contains("server_error").contains("HTTP 500");
        assertThat(result.row("fine-tuned", "ex-3").orElseThrow().answer()).isEqualTo("Den Filter reinigen.");
        assertThat(result.complete()).isTrue();
        assertThat(result.requestsSent()).isEqualTo(3);
    }

    @Test
    void viaBatchUploadsOneInputFileWithPurposeBatchAndTheExactLines() throws Exception {
        serve("get-completed");

        assertTimeoutPreemptively(BOUND, () -> evaluation(client()).run());

        assertThat(routes).containsExactly("POST /v1/files", "GET /v1/files/file-batch123", "POST /v1/batches",
                "GET /v1/batches/batch_abc123", "GET /v1/files/file-err789/content",
                "GET /v1/files/file-out456/content");
        RecordedRequest upload = server.takeRequest(1, SECONDS);
        assertThat(upload.getHeaders().get("Content-Type")).startsWith("multipart/form-data; boundary=");
        String body = bodies.get("POST /v1/files");
        assertThat(body).contains("name=\"purpose\"\r\n\r\nbatch\r\n").contains("filename=\"batch-input.jsonl\"");
        List<JsonNode> sent = body.lines().filter(l -> l.startsWith("{\"custom_id\"")).map(EvaluationBatchTest::tree)
                .toList();
        List<JsonNode> expected = fixture("expected-input.jsonl").lines().map(EvaluationBatchTest::tree).toList();
        assertThat(sent).isEqualTo(expected);
        JsonNode create = tree(bodies.get("POST /v1/batches"));
        assertThat(create.path("input_file_id").asText()).isEqualTo("file-batch123");
        assertThat(create.path("endpoint").asText()).isEqualTo("/v1/chat/completions");
        assertThat(create.path("completion_window").asText()).isEqualTo("24h");
    }

    @Test
    void viaBatchCachesAnsweredRowsSoARerunBatchesOnlyTheFailedRow() throws IOException {
        serve("get-completed");
        assertTimeoutPreemptively(BOUND, () -> evaluation(client()).run());
        assertThat(Files.readAllLines(dir.resolve("cache.jsonl"))).hasSize(2);
        routes.clear();

        assertTimeoutPreemptively(BOUND, () -> evaluation(client()).run());

        String rerunInput = bodies.get("POST /v1/files");
        List<String> lines = rerunInput.lines().filter(l -> l.startsWith("{\"custom_id\"")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("Wie lange hält der Akku?");
    }

    @Test
    void viaBatchRecordsEveryRowAsFailedWhenTheBatchFailsAsAWhole() throws IOException {
        serve("get-failed");

        EvaluationResult result = assertTimeoutPreemptively(BOUND, () -> evaluation(client()).run());

        assertThat(result.rowsOf("fine-tuned")).hasSize(3).allSatisfy(row -> {
            assertThat(row.isError()).isTrue();
            assertThat(row.error().orElseThrow()).contains("BatchFailedException").contains("invalid_json_line");
        });
        assertThat(Files.exists(dir.resolve("cache.jsonl")) ? Files.readAllLines(dir.resolve("cache.jsonl"))
                : List.<String>of()).isEmpty();
        assertThat(routes).noneMatch(r -> r.contains("/content"));
    }

    private static MockResponse json(String name) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(fixture(name)).build();
    }

    private static MockResponse bytes(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/octet-stream")
                .body(body).build();
    }

    private static String fixture(String name) {
        try (InputStream in = EvaluationBatchTest.class.getResourceAsStream("/fixtures/openai/batches/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
