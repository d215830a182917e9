package io.github.finetune4j.testkit;

import io.github.finetune4j.testsupport.SpecSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Faults for exactly-once and secret-redaction tests: late arrivals and late responses, an exhausted quota, a
 * gateway that echoes request headers, and a server restart that cuts an upload part.
 */
class NetworkFaultsTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(300);

    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(EmulatorClock.manual()).start();
    private final EmulatorHttp http = new EmulatorHttp(emulator);
    private final HttpClient client = HttpClient.newHttpClient();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void close() {
        poller.shutdownNow();
        emulator.close();
    }

    @Test
    void lateResponseLeavesTheJobCreatedWhileTheClientTimesOut() {
        String file = http.uploadDataset("t1000-train.jsonl");
        emulator.faults().inject(Fault.lateResponse(Duration.ofSeconds(5)).onMethod("POST")
                .onPath("/fine_tuning/jobs"));

        assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> client.send(createJob(file),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class));

        assertThat(http.get("/fine_tuning/jobs").json().get("data")).hasSize(1);
        assertThat(emulator.openAi().jobIds()).hasSize(1);
    }

    @Test
    void lateArrivalTakesEffectOnlyAfterTheClientsRetry() throws Exception {
        String file = http.uploadDataset("t1000-train.jsonl");
        emulator.faults().inject(Fault.lateArrival(Duration.ofSeconds(2)).onMethod("POST")
                .onPath("/fine_tuning/jobs"));

        assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> client.send(createJob(file),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class));
        assertThat(emulator.openAi().jobIds()).isEmpty();
        assertThat(emulator.faults().held()).as("the first request, body received, still in the network").isOne();
        HttpResponse<String> retry = client.send(createJob(file), HttpResponse.BodyHandlers.ofString());
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(emulator.openAi().jobIds()).hasSize(1);

        eventually(() -> emulator.openAi().jobIds().size() == 2);
        assertThat(emulator.openAi().jobIds()).hasSize(2);
        eventually(() -> emulator.faults().held() == 0);
    }

    @Test
    void insufficientQuotaIsA429WithOpenAisBodyAndNoRetryAfter() {
        emulator.faults().inject(Fault.insufficientQuota());

        EmulatorHttp.Reply reply = http.get("/models");

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.headers().firstValue("retry-after")).isEmpty();
        assertThat(reply.error().get("type").asText()).isEqualTo("insufficient_quota");
        assertThat(reply.error().get("code").asText()).isEqualTo("insufficient_quota");
        assertThat(reply.error().get("param").isNull()).isTrue();
        assertThat(reply.error().get("message").asText()).startsWith("You exceeded your current quota");
    }

    @Test
    void insufficientQuotaKeepsItsCodeOnAzure() {
        emulator.faults().inject(Fault.insufficientQuota());

        EmulatorHttp.Reply reply = AzureHttp.v1(emulator).get("/models");

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.error().get("code").asText()).isEqualTo("insufficient_quota");
    }

    @Test
    void gatewayEchoesEveryRequestHeaderInMessageParamAndCode() {
        emulator.faults().inject(Fault.echoRequestHeaders());
        String secret = "sk-proj-echo+me/please=";

        EmulatorHttp.Reply reply = http.send(http.request("/models").header("api-key", secret).GET().build());

        assertThat(reply.status()).isEqualTo(400);
        JsonNode error = reply.error();
        assertThat(error.get("message").asText()).contains("authorization: Bearer " + emulator.apiKey())
                .contains("api-key: " + secret);
        assertThat(error.get("code").asText()).contains("Bearer " + emulator.apiKey()).contains(secret);
        assertThat(error.get("param").asText())
                .contains("authorization=" + URLEncoder.encode("Bearer " + emulator.apiKey(), StandardCharsets.UTF_8))
                .contains("api-key=" + URLEncoder.encode(secret, StandardCharsets.UTF_8));
        assertThat(SpecSchemas.load().validate(reply.json(), SpecSchemas.load().component("ErrorResponse")))
                .isEmpty();
    }

    @Test
    void gatewayEchoReachesAzuresCodeAndTargetWithTheApiKey() {
        emulator.faults().inject(Fault.echoRequestHeaders(502));

        EmulatorHttp.Reply reply = AzureHttp.dated(emulator).get("/files");

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.error().get("code").asText()).contains("api-key: " + emulator.apiKey());
        assertThat(reply.error().get("target").asText()).contains("api-key=" + emulator.apiKey());
        assertThat(reply.error().get("message").asText()).contains(emulator.apiKey());
    }

    @Test
    void restartCutsAnUploadPartButKeepsTheUploadAndAcceptsThePartAgain() {
        long size = 4L * 1024 * 1024;
        String uploadId = http.createUpload("big.jsonl", "fine-tune", size).get("id").asText();
        int port = emulator.port();
        emulator.faults().inject(Fault.restartServer().onPath("/uploads"));

        assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> client.send(
                http.partRequest(uploadId, () -> GeneratedBytes.stream(9, size), size).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class));

        assertThat(emulator.port()).isEqualTo(port);
        EmulatorHttp.Reply again = http.addPart(uploadId, () -> GeneratedBytes.stream(9, size), size);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        String fileId = http.completeUpload(uploadId, List.of(again.json().get("id").asText())).json()
                .get("file").get("id").asText();
        assertThat(emulator.openAi().fileSha256(fileId)).isEqualTo(GeneratedBytes.sha256(GeneratedBytes.stream(9,
                size)));
    }

    @Test
    void restartServerDropsRequestsInFlightAndKeepsTheState() {
        String file = http.uploadDataset("t1000-train.jsonl");
        emulator.faults().inject(Fault.hang(Duration.ofSeconds(30)).onPath("/chat/completions"));
        // A POST: the JDK client would retry a GET on a fresh connection by itself.
        CompletableFuture<HttpResponse<String>> hanging = client.sendAsync(http.request("/chat/completions")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        eventually(() -> emulator.faults().pending() == 0);

        emulator.restartServer();

        assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(hanging::join).hasCauseInstanceOf(
                IOException.class));
        assertThat(http.get("/files/" + file).status()).isEqualTo(200);
    }

    private HttpRequest createJob(String file) {
        return http.request("/fine_tuning/jobs").timeout(CLIENT_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4o-mini-2024-07-18\",\"training_file\":\""
                        + file + "\"}")).build();
    }

    /** Checks the condition every 20 ms until it holds; fails after 10 s. */
    private void eventually(BooleanSupplier condition) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        ScheduledFuture<?> polling = poller.scheduleWithFixedDelay(() -> {
            if (condition.getAsBoolean()) {
                done.complete(null);
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
        try {
            done.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("condition did not hold within 10 s", e);
        } finally {
            polling.cancel(false);
        }
    }
}
