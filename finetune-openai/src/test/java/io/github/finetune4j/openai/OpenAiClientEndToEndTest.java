package io.github.finetune4j.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.testsupport.Fixtures;
import io.github.finetune4j.testsupport.Multipart;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.finetune4j.openai.support.TestProviders.FIXTURES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The provider behind a real {@link FineTuneClient}, as applications use it. */
class OpenAiClientEndToEndTest {
    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final List<FineTuneClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(FineTuneClient::close);
    }

    private FineTuneClient client() {
        FineTuneClient client = FineTuneClient.builder()
                .provider(OpenAiFineTuning.builder().apiKey("test-key").baseUrl(server.url("/v1/").uri()).build())
                .retryPolicy(RetryPolicy.none())
                .clock(Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC))
                .defaultWaitOptions(WaitOptions.builder().fixedInterval(Duration.ofMillis(1)).build())
                .build();
        clients.add(client);
        return client;
    }

    private static Dataset tenExamples() {
        Dataset.Builder data = Dataset.builder().name("t1000")
                .systemPrompt("Du chattest jetzt mit dem Kundenservice für den Hochleistungs-Staubsauger T-1000.");
        for (int i = 1; i <= 10; i++) {
            data.example("Frage " + i + ": Warum saugt mein T-1000 nicht mehr richtig?",
                    "Antwort " + i + ": Es könnte ein verstopfter Filter sein.");
        }
        return data.build();
    }

    @Test
    void startUploadsDataCreatesJobAndAwaitsSuccess() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String route = request.getMethod() + " " + request.getUrl().encodedPath();
                switch (route) {
                    case "GET /v1/models/gpt-4o-mini-2024-07-18": return FIXTURES.json("models/get.json");
                    case "POST /v1/files": return FIXTURES.json("files/upload.json");
                    case "GET /v1/files", "GET /v1/fine_tuning/jobs":
                        return FIXTURES.jsonBody("{\"object\":\"list\",\"data\":[],\"has_more\":false}");
                    case "GET /v1/files/file-abc123": return FIXTURES.json("files/get-processed.json");
                    case "POST /v1/fine_tuning/jobs": return FIXTURES.json("jobs/create-queued.json");
                    case "GET /v1/fine_tuning/jobs/ftjob-abc123":
                        return FIXTURES.json(polls.incrementAndGet() == 1 ? "jobs/get-running.json"
                                : "jobs/get-succeeded.json");
                    default:
                        return route.startsWith("GET /v1/fine_tuning/jobs/ftjob-abc123/events")
                                ? FIXTURES.json("events/list-last.json")
                                : new MockResponse.Builder().code(404).body("{\"error\":{\"message\":\"no route\"}}").build();
                }
            }
        });
        FineTuneClient client = client();

        JobSnapshot done = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> FineTuneJob.start(client,
                FineTuneRequest.builder().baseModel("gpt-4o-mini-2024-07-18").trainingData(tenExamples())
                        .suffix("t1000").hyperparameters(Hyperparameters.builder().epochs(3).build()).build())
                .awaitCompletion(WaitOptions.builder().fixedInterval(Duration.ofMillis(1))
                        .timeout(Duration.ofSeconds(5)).build()));

        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.fineTunedModel()).contains("ft:davinci-002:my-org:custom_suffix:7q8mpxmy");
        RecordedRequest upload = nextRequest("POST", "/v1/files");
        List<Multipart.Part> parts = Multipart.parse(upload.getHeaders().get("Content-Type"),
                upload.getBody().toByteArray());
        assertThat(parts).extracting(Multipart.Part::name).containsExactly("purpose", "file");
        assertThat(parts.get(0).text()).isEqualTo("fine-tune");
        assertThat(parts.get(1).filename()).endsWith(".jsonl");
        assertThat(parts.get(1).text().lines()).hasSize(10)
                .allSatisfy(line -> assertThat(Fixtures.parse(line).path("messages").size()).isEqualTo(3));
        RecordedRequest create = nextRequest("POST", "/v1/fine_tuning/jobs");
        JsonNode body = Fixtures.parse(create.getBody().utf8());
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(body.path("training_file").asText()).isEqualTo("file-abc123");
        assertThat(body.path("suffix").asText()).isEqualTo("t1000");
        assertThat(body.path("method")).isEqualTo(Fixtures.parse(
                "{\"type\":\"supervised\",\"supervised\":{\"hyperparameters\":{\"n_epochs\":3}}}"));
        assertThat(body.path("metadata").path("finetune4j_idempotency_key").asText()).isNotBlank();
    }

    @Test
    void createThatTimesOutAfterTheServerReceivedItIsFoundByItsKeyAndNotRepeated() throws Exception {
        AtomicInteger creates = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> key = new java.util.concurrent.atomic.AtomicReference<>();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String route = request.getMethod() + " " + request.getUrl().encodedPath();
                switch (route) {
                    case "GET /v1/models/gpt-4o-mini-2024-07-18": return FIXTURES.json("models/get.json");
                    case "POST /v1/files": return FIXTURES.json("files/upload.json");
                    case "GET /v1/files/file-abc123": return FIXTURES.json("files/get-processed.json");
                    case "POST /v1/fine_tuning/jobs":
                        creates.incrementAndGet();
                        key.set(Fixtures.parse(request.getBody().utf8()).path("metadata")
                                .path("finetune4j_idempotency_key").asText());
                        // The job is created, but the answer comes too late for the client's request timeout.
                        return new MockResponse.Builder().headersDelay(3, SECONDS).body("{}").build();
                    case "GET /v1/fine_tuning/jobs":
                        String created = "{\"object\":\"list\",\"has_more\":false,\"data\":[" + FIXTURES.text("jobs/create-queued.json")
                                .replace("\"metadata\": null", "\"metadata\": {}")
                                .replaceFirst("\"metadata\":\\s*\\{[^}]*\\}", "\"metadata\":{\"finetune4j_idempotency_key\":\"" + key.get() + "\"}")
                                + "]}";
                        return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(created).build();
                    default:
                        return new MockResponse.Builder().code(404).body("{\"error\":{\"message\":\"no route\"}}").build();
                }
            }
        });
        FineTuneClient client = FineTuneClient.builder()
                .provider(OpenAiFineTuning.builder().apiKey("test-key").baseUrl(server.url("/v1/").uri()).build())
                .retryPolicy(RetryPolicy.none()).requestTimeout(Duration.ofMillis(300))
                .defaultWaitOptions(WaitOptions.builder().fixedInterval(Duration.ofMillis(1)).build())
                .build();
        clients.add(client);

        FineTuneJob job = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> FineTuneJob.start(client,
                FineTuneRequest.builder().baseModel("gpt-4o-mini-2024-07-18").trainingData(tenExamples()).build()));

        assertThat(creates).hasValue(1);
        assertThat(job.id()).isEqualTo(JobId.of("ftjob-abc123"));
        RecordedRequest lookup = nextRequest("GET", "/v1/fine_tuning/jobs");
        assertThat(lookup.getUrl().queryParameter("metadata[finetune4j_idempotency_key]")).isEqualTo(key.get());
    }

    @Test
    void awaitCompletionKeepsItsBudgetWhenAPollHangs() {
        // the headers never come in time: the request timeout (60 s) is longer than the wait's budget
        assertA3SecondBudgetHoldsWhenTheSecondPollAnswers(
                new MockResponse.Builder().headersDelay(120, SECONDS).body("{}").build());
    }

    @Test
    void awaitCompletionKeepsItsBudgetWhenAPollsBodyStallsAfterItsHeaders() {
        // the headers come at once, the body stalls: the JDK's request timeout no longer applies
        assertA3SecondBudgetHoldsWhenTheSecondPollAnswers(new MockResponse.Builder()
                .addHeader("Content-Type", "application/json").body("{}").bodyDelay(120, SECONDS).build());
    }

    private void assertA3SecondBudgetHoldsWhenTheSecondPollAnswers(MockResponse hanging) {
        AtomicInteger polls = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals("/v1/fine_tuning/jobs/ftjob-abc123")
                        && polls.incrementAndGet() > 1) {
                    return hanging;
                }
                return FIXTURES.json("jobs/get-running.json");
            }
        });
        FineTuneClient client = FineTuneClient.builder()
                .provider(OpenAiFineTuning.builder().apiKey("test-key").baseUrl(server.url("/v1/").uri()).build())
                .build();
        clients.add(client);
        FineTuneJob job = FineTuneJob.attach(client, JobId.of("ftjob-abc123"));

        long started = System.nanoTime();
        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(30), () -> job.awaitCompletion(
                WaitOptions.builder().timeout(Duration.ofSeconds(3)).fixedInterval(Duration.ofMillis(200)).build())))
                .isInstanceOf(io.github.finetune4j.core.error.WaitTimeoutException.class);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("a 3 s budget is kept although a poll hangs (it used to take 20 s or forever)")
                .isLessThan(Duration.ofSeconds(6));
        assertThat(polls).hasValueGreaterThanOrEqualTo(2);
    }

    @Test
    void attachedJobPagesEventsWithTheLastEventIdAsCursor() throws Exception {
        server.enqueue(FIXTURES.json("jobs/get-running.json"));
        server.enqueue(FIXTURES.json("events/list-page-1.json"));
        server.enqueue(FIXTURES.json("events/list-last.json"));
        FineTuneJob job = FineTuneJob.attach(client(), JobId.of("ftjob-abc123"));

        List<JobEvent> events = new ArrayList<>();
        job.events().forEach(events::add);

        assertThat(events).extracting(JobEvent::id).containsExactlyInAnyOrder("ftevent-0003", "ftevent-0002",
                "ft-event-ddTJfwuMVpfLXseO0Am0Gqjm", "ft-event-tyiGuB72evQncpH87xe505Sv");
        assertThat(server.takeRequest(1, SECONDS).getUrl().encodedPath()).isEqualTo("/v1/fine_tuning/jobs/ftjob-abc123");
        RecordedRequest first = server.takeRequest(1, SECONDS);
        assertThat(first.getUrl().encodedPath()).isEqualTo("/v1/fine_tuning/jobs/ftjob-abc123/events");
        assertThat(first.getUrl().queryParameter("after")).isNull();
        RecordedRequest second = server.takeRequest(1, SECONDS);
        assertThat(second.getUrl().queryParameter("after")).isEqualTo("ftevent-0002");
    }

    @Test
    void attachedJobCanBePausedResumedAndCancelled() throws Exception {
        server.enqueue(FIXTURES.json("jobs/get-running.json"));
        server.enqueue(FIXTURES.json("jobs/pause-paused.json"));
        server.enqueue(FIXTURES.json("jobs/resume-queued.json"));
        server.enqueue(FIXTURES.json("jobs/cancel-cancelled.json"));
        FineTuneJob job = FineTuneJob.attach(client(), JobId.of("ftjob-abc123"));

        assertThat(job.pause().status()).isEqualTo(JobStatus.PAUSED);
        assertThat(job.resume().status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.cancel().status()).isEqualTo(JobStatus.CANCELLED);

        server.takeRequest(1, SECONDS);
        assertThat(server.takeRequest(1, SECONDS).getRequestLine()).startsWith("POST /v1/fine_tuning/jobs/ftjob-abc123/pause");
        assertThat(server.takeRequest(1, SECONDS).getRequestLine()).startsWith("POST /v1/fine_tuning/jobs/ftjob-abc123/resume");
        assertThat(server.takeRequest(1, SECONDS).getRequestLine()).startsWith("POST /v1/fine_tuning/jobs/ftjob-abc123/cancel");
    }

    @Test
    void modelChatGoesToChatCompletions() throws Exception {
        server.enqueue(FIXTURES.json("chat/completion.json"));

        String answer = client().model("ft:gpt-4o-mini-2024-07-18:my-org:t1000:AbC123xy")
                .chat("Ich will meinen T-1000 mit Pril reinigen. Geht das?");

        assertThat(answer).isEqualTo("Bitte nicht! Pril kann die Dichtungen beschädigen.");
        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        JsonNode body = Fixtures.parse(request.getBody().utf8());
        assertThat(body.path("model").asText()).isEqualTo("ft:gpt-4o-mini-2024-07-18:my-org:t1000:AbC123xy");
        assertThat(body.path("messages").get(body.path("messages").size() - 1).path("content").asText())
                .isEqualTo("Ich will meinen T-1000 mit Pril reinigen. Geht das?");
    }

    @Test
    void buildClientTalksToTheConfiguredBaseUrl() throws Exception {
        server.enqueue(FIXTURES.json("models/get.json"));

        try (FineTuneClient client = OpenAiFineTuning.builder().apiKey("test-key")
                .baseUrl(server.url("/v1").toString()).buildClient()) {
            assertThat(client.providerId()).isEqualTo("openai");
            assertThat(client.getModel("gpt-4o-mini-2024-07-18").shutdownDate()).isPresent();
        }

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/models/gpt-4o-mini-2024-07-18");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer test-key");
    }

    private RecordedRequest nextRequest(String method, String path) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            RecordedRequest request = server.takeRequest(1, SECONDS);
            if (request == null) {
                break;
            }
            if (request.getMethod().equals(method) && request.getUrl().encodedPath().equals(path)) {
                return request;
            }
        }
        throw new AssertionError("no " + method + " " + path);
    }
}
