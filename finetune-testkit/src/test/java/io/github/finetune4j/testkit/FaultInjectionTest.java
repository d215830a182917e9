package io.github.finetune4j.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class FaultInjectionTest {

    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(EmulatorClock.manual()).start();
    private final EmulatorHttp http = new EmulatorHttp(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void rateLimitAnswers429WithRetryAfterOnceThenRecovers() {
        emulator.faults().inject(Fault.rateLimit(Duration.ofMillis(1500)));

        EmulatorHttp.Reply limited = http.get("/models");
        EmulatorHttp.Reply next = http.get("/models");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers().firstValue("retry-after")).contains("2");
        assertThat(limited.headers().firstValue("retry-after-ms")).contains("1500");
        assertThat(limited.error().get("code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(next.status()).isEqualTo(200);
    }

    @Test
    void timesAppliesTheFaultToSeveralRequests() {
        emulator.faults().inject(Fault.serverError().times(2));

        assertThat(emulator.faults().pending()).isEqualTo(2);
        assertThat(http.get("/models").status()).isEqualTo(500);
        assertThat(http.get("/models").status()).isEqualTo(500);
        assertThat(http.get("/models").status()).isEqualTo(200);
        assertThat(emulator.faults().pending()).isZero();
    }

    @Test
    void serviceUnavailableUsesTheServicesMessage() {
        emulator.faults().inject(Fault.serviceUnavailable().retryAfter(Duration.ofSeconds(3)));

        EmulatorHttp.Reply reply = http.get("/models");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.error().get("type").asText()).isEqualTo("server_error");
        assertThat(reply.error().get("message").asText())
                .isEqualTo("The engine is currently overloaded, please try again later.");
        assertThat(reply.headers().firstValue("retry-after")).contains("3");
    }

    @Test
    void pathRestrictedFaultSkipsOtherPaths() {
        emulator.faults().inject(Fault.status(503).onPath("/fine_tuning/jobs"));

        assertThat(http.get("/models").status()).isEqualTo(200);
        assertThat(http.get("/fine_tuning/jobs/ftjob-x/events").status()).isEqualTo(503);
        assertThat(http.get("/fine_tuning/jobs").status()).isEqualTo(200);
    }

    @Test
    void pathPrefixMayIncludeTheVersionAndMatchesWholeSegments() {
        emulator.faults().inject(Fault.status(500).onPath("/v1/model"));
        emulator.faults().inject(Fault.status(502).onPath("/v1/models"));

        assertThat(http.get("/models").status()).isEqualTo(502);
        assertThat(emulator.faults().pending()).isEqualTo(1);
    }

    @Test
    void methodRestrictedFaultSkipsOtherMethods() {
        emulator.faults().inject(Fault.status(500).onMethod("post"));

        assertThat(http.get("/fine_tuning/jobs").status()).isEqualTo(200);
        assertThat(http.post("/fine_tuning/jobs", "{}").status()).isEqualTo(500);
    }

    @Test
    void malformedJsonIsAnswered200WithABrokenBody() {
        emulator.faults().inject(Fault.malformedJson());

        EmulatorHttp.Reply reply = http.get("/models");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().firstValue("content-type")).contains("application/json");
        assertThatThrownBy(() -> new ObjectMapper().readTree(reply.bytes())).isInstanceOf(IOException.class);
    }

    @Test
    void hangOutlastsAClientTimeout() {
        emulator.faults().inject(Fault.hang(Duration.ofSeconds(20)));
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(java.net.URI.create(emulator.baseUrl() + "/models"))
                .header("Authorization", "Bearer " + emulator.apiKey()).timeout(Duration.ofMillis(300)).build();

        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                        .isInstanceOf(HttpTimeoutException.class));
        assertThat(http.get("/models").status()).isEqualTo(200);
    }

    @Test
    void hungRequestIsAnsweredNormallyAfterTheHang() {
        emulator.faults().inject(Fault.hang(Duration.ofMillis(200)));

        EmulatorHttp.Reply reply = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> http.get("/models"));

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void droppedConnectionCutsTheBodyAfterTheRequestTookEffect() {
        String file = http.uploadDataset("t1000-train.jsonl");
        emulator.faults().inject(Fault.dropConnection().onMethod("POST").onPath("/fine_tuning/jobs"));

        assertThatThrownBy(() -> http.post("/fine_tuning/jobs",
                "{\"model\":\"gpt-4o-mini-2024-07-18\",\"training_file\":\"" + file + "\"}"))
                .isInstanceOf(UncheckedIOException.class);

        assertThat(http.get("/fine_tuning/jobs").json().get("data")).hasSize(1);
    }

    @Test
    void faultsApplyInOrderAndClearRemovesTheRest() {
        emulator.faults().inject(Fault.status(500)).inject(Fault.status(502));

        assertThat(http.get("/models").status()).isEqualTo(500);
        emulator.faults().clear();

        assertThat(http.get("/models").status()).isEqualTo(200);
    }

    @Test
    void faultFactoriesValidateTheirArguments() {
        assertThatThrownBy(() -> Fault.status(200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.serverError().times(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.hang(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.malformedJson().onPath("models")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.dropConnection().retryAfter(Duration.ZERO))
                .isInstanceOf(IllegalStateException.class);
    }
}
