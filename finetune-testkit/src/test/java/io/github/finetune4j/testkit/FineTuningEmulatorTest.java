package io.github.finetune4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FineTuningEmulatorTest {

    private final FineTuningEmulator emulator = FineTuningEmulator.builder().build().start();
    private final EmulatorHttp http = new EmulatorHttp(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void baseUrlPointsAtLoopbackWithVersionPath() {
        assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + emulator.port() + "/v1");
        assertThat(emulator.port()).isPositive();
        assertThat(emulator.apiKey()).isEqualTo(FineTuningEmulator.DEFAULT_API_KEY);
        assertThat(emulator.organization()).isEqualTo(FineTuningEmulator.DEFAULT_ORGANIZATION);
    }

    @Test
    void responsesAndBaseModelsSayTheyComeFromTheEmulatorWithoutChangingTheWireShape() {
        EmulatorHttp.Reply models = http.get("/models");
        EmulatorHttp.Reply unauthorized = new EmulatorHttp(emulator.baseUrl(), null).get("/models");

        assertThat(models.headers().firstValue("server")).contains("finetune4j-FineTuningEmulator");
        assertThat(unauthorized.headers().firstValue("server")).contains("finetune4j-FineTuningEmulator");
        JsonNode base = http.get("/models/gpt-4o-mini-2024-07-18").json();
        assertThat(base.get("owned_by").asText()).isEqualTo("finetune4j-emulator");
        assertThat(base.get("object").asText()).isEqualTo("model");
    }

    @Test
    void missingBearerTokenAnswers401WithOpenAiErrorBody() {
        EmulatorHttp.Reply reply = new EmulatorHttp(emulator.baseUrl(), null).get("/models");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error().get("message").asText()).startsWith("You didn't provide an API key.");
        assertThat(reply.error().get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(reply.error().get("param").isNull()).isTrue();
        assertThat(reply.error().get("code").isNull()).isTrue();
    }

    @Test
    void wrongBearerTokenAnswers401InvalidApiKeyWithoutEchoingIt() {
        EmulatorHttp.Reply reply = new EmulatorHttp(emulator.baseUrl(), "sk-wrong-secret").get("/models");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.error().get("code").asText()).isEqualTo("invalid_api_key");
        assertThat(reply.body()).doesNotContain("sk-wrong-secret");
    }

    @Test
    void unknownPathAnswers404InvalidUrl() {
        EmulatorHttp.Reply reply = http.get("/no_such_thing");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error().get("message").asText()).isEqualTo("Invalid URL (GET /v1/no_such_thing)");
    }

    @Test
    void wrongMethodOnKnownPathAnswers404InvalidUrl() {
        EmulatorHttp.Reply reply = http.delete("/fine_tuning/jobs");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error().get("message").asText()).isEqualTo("Invalid URL (DELETE /v1/fine_tuning/jobs)");
    }

    @Test
    void responsesCarryRequestIdAndOpenAiHeaders() {
        EmulatorHttp.Reply reply = http.get("/models");

        assertThat(reply.headers().firstValue("x-request-id")).hasValueSatisfying(v -> assertThat(v).startsWith("req_"));
        assertThat(reply.headers().firstValue("openai-version")).contains("2020-10-01");
        assertThat(reply.headers().firstValue("content-type")).contains("application/json");
    }

    @Test
    void configuredApiKeyIsTheOnlyOneAccepted() {
        try (FineTuningEmulator custom = FineTuningEmulator.builder().apiKey("my-test-key").start()) {
            assertThat(new EmulatorHttp(custom.baseUrl(), "my-test-key").get("/models").status()).isEqualTo(200);
            assertThat(new EmulatorHttp(custom.baseUrl(), "emulator-key").get("/models").status()).isEqualTo(401);
        }
    }

    @Test
    void recordedRequestsListMethodPathAndQueryInOrder() {
        http.get("/models");
        http.get("/fine_tuning/jobs?limit=2");

        assertThat(emulator.recordedRequests()).containsExactly(
                new RecordedRequest("GET", "/v1/models", null),
                new RecordedRequest("GET", "/v1/fine_tuning/jobs", "limit=2"));
    }

    @Test
    void closeFreesThePortAndIsIdempotent() {
        int port = emulator.port();

        emulator.close();
        emulator.close();

        assertThat(emulator.isClosed()).isTrue();
        assertThat(canConnect(port)).isFalse();
    }

    @Test
    void builderRejectsBadSettings() {
        assertThatThrownBy(() -> FineTuningEmulator.builder().port(70_000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FineTuningEmulator.builder().apiKey(" "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FineTuningEmulator.builder().organization("my:org"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FineTuningEmulator.builder().trainingDuration(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FineTuningEmulator.builder().addBaseModel("ft:gpt-4o:x::y"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FineTuningEmulator.builder().clock(null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void startingOnABusyPortFailsWithUncheckedIoException() {
        assertThatThrownBy(() -> FineTuningEmulator.builder().port(emulator.port()).start())
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining(String.valueOf(emulator.port()));
    }

    @Test
    void builtEmulatorListensOnlyOnceStarted() {
        FineTuningEmulator built = FineTuningEmulator.builder().build();
        built.faults().inject(Fault.status(503));

        assertThatThrownBy(built::baseUrl).isInstanceOf(IllegalStateException.class).hasMessageContaining("start()");
        try (FineTuningEmulator started = built.start()) {
            assertThat(started).isSameAs(built);
            assertThat(new EmulatorHttp(started).get("/models").status()).isEqualTo(503);
            assertThatThrownBy(started::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already started");
        }
        assertThatThrownBy(built::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void closingAnEmulatorThatNeverStartedIsAllowed() {
        FineTuningEmulator built = FineTuningEmulator.builder().build();

        built.close();

        assertThat(built.isClosed()).isTrue();
        assertThat(built.toString()).contains("not started").contains("closed");
    }

    @Test
    void concurrentClientsSeeConsistentState() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> uploads = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                uploads.add(pool.submit(() -> http.uploadDataset("t1000-train.jsonl")));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (java.util.concurrent.Future<String> upload : uploads) {
                ids.add(upload.get(10, java.util.concurrent.TimeUnit.SECONDS));
            }

            assertThat(ids).hasSize(40);
            assertThat(http.get("/files").json().get("data")).hasSize(40);
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean canConnect(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
