package io.github.finetune4j.core.internal.http;

import io.github.finetune4j.core.spi.Redaction;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.error.ApiException;
import io.github.finetune4j.core.error.AuthenticationException;
import io.github.finetune4j.core.error.BadRequestException;
import io.github.finetune4j.core.error.ConflictException;
import io.github.finetune4j.core.error.NotFoundException;
import io.github.finetune4j.core.error.PermissionDeniedException;
import io.github.finetune4j.core.error.RateLimitException;
import io.github.finetune4j.core.error.ServerException;
import io.github.finetune4j.core.error.TransportException;
import io.github.finetune4j.core.spi.HttpBody;
import io.github.finetune4j.core.spi.HttpCall;
import io.github.finetune4j.core.spi.HttpResult;
import io.github.finetune4j.core.spi.MultipartForm;
import io.github.finetune4j.core.spi.RetryMode;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class JdkHttpTransportTest {
    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final List<Duration> retryWaits = new ArrayList<>();

    private JdkHttpTransport transport(RetryPolicy policy) {
        JdkHttpTransport t = new JdkHttpTransport("openai", HttpClient.newHttpClient(), policy, Duration.ofSeconds(5),
                "finetune-java/test", false, Clock.systemUTC());
        t.onRetry(retryWaits::add);
        return t;
    }

    private JdkHttpTransport transport() {
        return transport(RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)));
    }

    private URI url(String path) {
        return server.url(path).uri();
    }

    private HttpCall get(String path) {
        return HttpCall.builder("GET", url(path)).header("Authorization", "Bearer sk-test-secret-123456").build();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void sendsHeadersUserAgentAndReturnsBody() throws Exception {
        server.enqueue(json(200, "{\"ok\":true}"));

        HttpResult result = transport().send(get("/v1/models"));

        assertThat(result.bodyText()).isEqualTo("{\"ok\":true}");
        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test-secret-123456");
        assertThat(request.getHeaders().get("User-Agent")).isEqualTo("finetune-java/test");
    }

    @Test
    void downloadStreamsTheBodyIntoTheFileAndKeepsNoneInMemory(@TempDir Path dir) throws Exception {
        String content = "{\"messages\":[]}\n".repeat(1000);
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/octet-stream")
                .body(content).build());
        Path target = dir.resolve("training.jsonl");

        HttpResult result = transport().download(get("/v1/files/file-abc/content"), target);

        assertThat(result.body()).isEmpty();
        assertThat(target).hasContent(content.strip());
        assertThat(Files.size(target)).isEqualTo(content.length());
    }

    @Test
    void downloadRetriedAfterAnOutageStartsTheFileOver(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("training.jsonl");
        Files.writeString(target, "an older, longer content that must not survive the download");
        server.enqueue(json(503, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"));
        server.enqueue(new MockResponse.Builder().code(200).body("new").build());

        transport().download(get("/v1/files/file-abc/content"), target);

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(target).hasContent("new");
    }

    @Test
    void downloadOfAMissingFileIsANotFoundExceptionWithTheServiceMessage(@TempDir Path dir) {
        server.enqueue(json(404, "{\"error\":{\"message\":\"No such File object: file-abc\","
                + "\"type\":\"invalid_request_error\"}}"));

        assertThatThrownBy(() -> transport().download(get("/v1/files/file-abc/content"), dir.resolve("x.jsonl")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("No such File object: file-abc");
    }

    @Test
    void rateLimitWithRetryAfterIsRetriedAfterTheRequestedDelay() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after-ms", "30")
                .body("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}").build());
        server.enqueue(json(200, "{}"));

        transport().send(get("/v1/fine_tuning/jobs"));

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(retryWaits).containsExactly(Duration.ofMillis(30));
    }

    @Test
    void serviceUnavailableThenSuccessIsRetried() {
        server.enqueue(json(503, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"));
        server.enqueue(json(200, "{\"id\":\"x\"}"));

        HttpResult result = transport().send(get("/v1/files"));

        assertThat(result.bodyText()).contains("\"x\"");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void insufficientQuotaIsNotRetried() {
        server.enqueue(json(429, "{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\","
                + "\"param\":null,\"code\":\"insufficient_quota\"}}"));

        assertThatThrownBy(() -> transport().send(get("/v1/fine_tuning/jobs")))
                .isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.isQuotaExhausted()).isTrue());
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void azureQuotaExceededIsNotRetried() {
        server.enqueue(json(429, "{\"error\":{\"code\":\"quotaExceeded\",\"message\":\"Quota exceeded\"}}"));

        assertThatThrownBy(() -> transport().send(get("/openai/v1/fine_tuning/jobs")))
                .isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.isQuotaExhausted()).isTrue());
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void armRequestIdIsTakenFromXMsRequestId() {
        server.enqueue(new MockResponse.Builder().code(404).addHeader("x-ms-request-id", "arm-1")
                .body("{\"error\":{\"code\":\"DeploymentNotFound\",\"message\":\"no\"}}").build());

        assertThatThrownBy(() -> transport().send(get("/subscriptions/s/deployments/d")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.requestId()).contains("arm-1"));
    }

    @Test
    void retriesStopAfterMaxAttemptsAndSurfaceTheLastResponse() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(500, "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}"));
        }

        assertThatThrownBy(() -> transport().send(get("/v1/files"))).isInstanceOf(ServerException.class);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void notIdempotentPostIsNotRetriedOnServerError() {
        server.enqueue(json(503, "{}"));
        HttpCall post = HttpCall.builder("POST", url("/v1/fine_tuning/jobs")).body(HttpBody.json("{}"))
                .retryMode(RetryMode.NOT_IDEMPOTENT).build();

        assertThatThrownBy(() -> transport().send(post)).isInstanceOf(ServerException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void notIdempotentPostIsRetriedOnRateLimit() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after-ms", "1").body("{}").build());
        server.enqueue(json(200, "{}"));
        HttpCall post = HttpCall.builder("POST", url("/v1/fine_tuning/jobs")).body(HttpBody.json("{}")).build();

        transport().send(post);

        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void shouldRetryFalseHeaderStopsRetrying() {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("x-should-retry", "false").body("{}").build());

        assertThatThrownBy(() -> transport().send(get("/v1/files"))).isInstanceOf(ServerException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"400,BadRequestException", "422,BadRequestException", "401,AuthenticationException",
            "403,PermissionDeniedException", "404,NotFoundException", "409,ConflictException",
            "429,RateLimitException", "500,ServerException", "502,ServerException", "418,ApiException"})
    void errorStatusMapsToTypedException(int status, String type) {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(status, "{\"error\":{\"message\":\"m\",\"type\":\"t\",\"param\":null,\"code\":\"c\"}}"));
        }

        assertThatThrownBy(() -> transport(RetryPolicy.none()).send(get("/v1/x")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
                    assertThat(e.statusCode()).isEqualTo(status);
                    assertThat(e.errorCode()).contains("c");
                });
    }

    @Test
    void togethersCfRayIsTheRequestIdWhenNoOtherIsGiven() {
        server.enqueue(new MockResponse.Builder().code(404).addHeader("CF-RAY", "8f1e2d3c4b5a6978-FRA")
                .body("{\"error\":{\"message\":\"no such job\",\"type\":\"invalid_request_error\"}}").build());

        assertThatThrownBy(() -> transport().send(get("/v1/fine-tunes/ft-1")))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.requestId()).contains("8f1e2d3c4b5a6978-FRA"))
                .hasMessageContaining("(request-id: 8f1e2d3c4b5a6978-FRA)");
    }

    @Test
    void errorCarriesCodeParamMessageAndRequestIdButNoSecret() {
        server.enqueue(new MockResponse.Builder().code(400).addHeader("x-request-id", "req_123")
                .body("{\"error\":{\"message\":\"invalid file sk-proj-leakedkey123456\",\"type\":\"invalid_request_error\","
                        + "\"param\":\"training_file\",\"code\":\"invalid_file\"}}").build());

        assertThatThrownBy(() -> transport().send(get("/v1/x")))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.errorParam()).contains("training_file");
                    assertThat(e.requestId()).contains("req_123");
                    assertThat(e.errorType()).contains("invalid_request_error");
                })
                .hasMessage("openai: GET http://" + server.getHostName() + ":" + server.getPort() + "/v1/x -> 400 "
                        + "invalid_file: invalid file REDACTED [param: training_file] (request-id: req_123)")
                .message().doesNotContain("sk-test-secret").doesNotContain("leakedkey");
    }

    @Test
    void azureErrorBodyIsUnderstood() {
        server.enqueue(json(400, "{\"error\":{\"code\":\"invalidPayload\",\"message\":\"bad\",\"target\":\"trainingFile\","
                + "\"innererror\":{\"code\":\"x\"}}}"));

        assertThatThrownBy(() -> transport().send(get("/openai/x")))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.errorCode()).contains("invalidPayload");
                    assertThat(e.errorParam()).contains("trainingFile");
                });
    }

    @Test
    void timeoutBecomesTransportExceptionThatMayHaveReachedTheServer() throws Exception {
        // the server has the request and never answers; the timeout is long enough for a loaded machine to connect
        // and send, and only this one request has it
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        HttpCall post = HttpCall.builder("POST", url("/v1/fine_tuning/jobs")).body(HttpBody.json("{}"))
                .timeout(Duration.ofSeconds(1)).build();

        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(10), () -> transport().send(post)))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.isRequestPossiblySent()).isTrue())
                .hasMessageContaining("timed out").hasMessageContaining("may have reached the server");
        assertThat(server.takeRequest(1, SECONDS).getUrl().encodedPath()).isEqualTo("/v1/fine_tuning/jobs");
    }

    @Test
    void aBodyThatStallsAfterItsHeadersEndsAtTheTimeoutToo() throws Exception {
        // the JDK's request timeout covers the headers only: the headers come at once, the body never
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"id\":\"ftjob-1\",\"status\":\"running\"}").bodyDelay(60, SECONDS).build());
        HttpCall poll = HttpCall.builder("GET", url("/v1/fine_tuning/jobs/ftjob-1")).timeout(Duration.ofSeconds(1))
                .build();

        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(15), () -> transport(RetryPolicy.none())
                .send(poll)))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("GET http://").hasMessageContaining("/v1/fine_tuning/jobs/ftjob-1 timed out")
                .hasMessageContaining("did not arrive in full within 1000 ms");
    }

    @Test
    void refusedConnectionIsRetriedAndReportedAsNeverSent() throws Exception {
        // a port held by a bound socket that never listens refuses connections for as long as the test runs; a
        // just-closed port may be taken by another process in between
        try (Socket reserved = RetryBehaviourTest.refusingPort()) {
            HttpCall post = HttpCall.builder("POST", URI.create("http://127.0.0.1:" + reserved.getLocalPort() + "/v1/x"))
                    .body(HttpBody.json("{}")).build();

            assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(10), () -> transport().send(post)))
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.isRequestPossiblySent()).isFalse());
            assertThat(retryWaits).hasSize(2);
        }
    }

    @Test
    void plainHttpToRemoteHostIsRefused() {
        HttpCall call = HttpCall.builder("GET", URI.create("http://api.example.com/v1/models")).build();

        assertThatThrownBy(() -> transport().send(call)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("http://");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void multipartStreamsFileWithFilenameAndFields(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data.jsonl");
        Files.writeString(file, "{\"messages\":[]}\n");
        server.enqueue(json(200, "{}"));
        HttpCall upload = HttpCall.builder("POST", url("/v1/files"))
                .body(HttpBody.multipart(MultipartForm.builder().boundary("b0undary").field("purpose", "fine-tune")
                        .file("file", file, "t1000.jsonl", "application/jsonl").build())).build();

        transport().send(upload);

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("multipart/form-data; boundary=b0undary");
        String body = request.getBody().string(StandardCharsets.UTF_8);
        assertThat(body).isEqualTo("--b0undary\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nfine-tune\r\n"
                + "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t1000.jsonl\"\r\n"
                + "Content-Type: application/jsonl\r\n\r\n{\"messages\":[]}\n\r\n--b0undary--\r\n");
        assertThat(request.getHeaders().get("Content-Length")).isEqualTo(String.valueOf(body.length()));
    }

    @Test
    void fileRegionPartSendsExactlyThoseBytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.jsonl");
        byte[] content = new byte[10_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31 + 7);
        }
        Files.write(file, content);
        server.enqueue(json(200, "{}"));
        HttpCall part = HttpCall.builder("POST", url("/v1/uploads/upload_1/parts"))
                .body(HttpBody.multipart(MultipartForm.builder().boundary("b0undary")
                        .fileRegion("data", file, 4_000, 3_500, "big.jsonl", "application/octet-stream").build()))
                .build();

        transport().send(part);

        RecordedRequest request = server.takeRequest(1, SECONDS);
        byte[] head = ("--b0undary\r\nContent-Disposition: form-data; name=\"data\"; filename=\"big.jsonl\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\n--b0undary--\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] expected = new byte[head.length + 3_500 + tail.length];
        System.arraycopy(head, 0, expected, 0, head.length);
        System.arraycopy(content, 4_000, expected, head.length, 3_500);
        System.arraycopy(tail, 0, expected, head.length + 3_500, tail.length);
        assertThat(request.getBody().toByteArray()).isEqualTo(expected);
        assertThat(request.getHeaders().get("Content-Length")).isEqualTo(String.valueOf(expected.length));
    }

    @Test
    void fileRegionIsReadAgainWhenTheRequestIsRetried(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data.jsonl");
        Files.writeString(file, "0123456789");
        server.enqueue(new MockResponse.Builder().code(503).body("{}").build());
        server.enqueue(json(200, "{}"));
        HttpCall part = HttpCall.builder("POST", url("/v1/uploads/upload_1/parts"))
                .body(HttpBody.multipart(MultipartForm.builder().boundary("b")
                        .fileRegion("data", file, 8, 2, "data.jsonl", "application/octet-stream").build()))
                .retryMode(RetryMode.IDEMPOTENT).build();

        transport().send(part);

        String expected = "--b\r\nContent-Disposition: form-data; name=\"data\"; filename=\"data.jsonl\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n89\r\n--b--\r\n";
        assertThat(server.takeRequest(1, SECONDS).getBody().string(StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(server.takeRequest(1, SECONDS).getBody().string(StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void debugLogNeverContainsTheKey() {
        server.enqueue(new MockResponse.Builder().code(503).addHeader("x-request-id", "req_9").body("{}").build());
        server.enqueue(json(401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-test***3456\"}}"));
        List<java.util.logging.LogRecord> records;
        try (LogCapture logs = LogCapture.all()) {
            assertThatThrownBy(() -> transport().send(get("/v1/files"))).isInstanceOf(AuthenticationException.class)
                    .message().doesNotContain("sk-test-secret-123456");
            records = logs.sdkRecords();
        }

        assertThat(records).isNotEmpty().anySatisfy(r -> assertThat(LogCapture.text(r)).contains("req_9"))
                .noneSatisfy(r -> assertThat(LogCapture.text(r)).contains("sk-test-secret"));
    }

    @Test
    void loggableHeadersRedactEverythingOutsideTheAllowList() {
        Map<String, String> logged = Redaction.loggableHeaders(Map.of("Authorization", List.of("Bearer sk-abc"),
                "api-key", List.of("secret"), "x-request-id", List.of("req_1"), "x-ratelimit-remaining-requests", List.of("9")));

        assertThat(logged).containsEntry("authorization", "REDACTED").containsEntry("api-key", "REDACTED")
                .containsEntry("x-request-id", "req_1").containsEntry("x-ratelimit-remaining-requests", "9");
    }
}
