package io.github.finetune4j.core.internal.http;

import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.error.ApiException;
import io.github.finetune4j.core.error.ConflictException;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.error.RateLimitException;
import io.github.finetune4j.core.error.TransportException;
import io.github.finetune4j.core.spi.HttpBody;
import io.github.finetune4j.core.spi.HttpCall;
import io.github.finetune4j.core.spi.RetryMode;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Tries to break the README's retry promise: "Retries HTTP requests on connection failures, 408, 409, 429 and 5xx
 * with exponential backoff and jitter, honouring retry-after-ms, Retry-After and x-should-retry. A 429
 * insufficient_quota is not retried. Job creation and uploads are only retried when the request provably never left,
 * or on 429." Waits are read from the transport's onRetry hook; requests are counted on the server.
 */
class RetryBehaviourTest {
    @StartStop
    public final MockWebServer server = new MockWebServer();

    /** 2026-01-01T00:00:00.750Z: a quarter second before the HTTP dates below. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00.750Z"), ZoneOffset.UTC);
    private static final String ONE_SECOND_LATER = "Thu, 01 Jan 2026 00:00:01 GMT";
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    private JdkHttpTransport transport(RetryPolicy policy) {
        JdkHttpTransport t = new JdkHttpTransport("openai", HttpClient.newHttpClient(), policy, Duration.ofSeconds(5),
                "finetune-java/test", false, CLOCK);
        t.onRetry(waits::add);
        return t;
    }

    /** Backoff of 1 to 2 ms, so that a server-given delay is told apart from the client's own. */
    private JdkHttpTransport transport() {
        return transport(RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(2)));
    }

    private HttpCall get() {
        return HttpCall.builder("GET", server.url("/v1/fine_tuning/jobs/ftjob-1").uri())
                .header("Authorization", "Bearer sk-test-0123456789").build();
    }

    private HttpCall create() {
        return HttpCall.builder("POST", server.url("/v1/fine_tuning/jobs").uri())
                .header("Authorization", "Bearer sk-test-0123456789").body(HttpBody.json("{}"))
                .retryMode(RetryMode.NOT_IDEMPOTENT).build();
    }

    private static MockResponse error(int status, String... headers) {
        MockResponse.Builder b = new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"try later\",\"type\":\"server_error\",\"code\":\"busy\"}}");
        for (int i = 0; i < headers.length; i += 2) {
            b.addHeader(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    private static MockResponse ok() {
        return new MockResponse.Builder().addHeader("Content-Type", "application/json").body("{\"id\":\"ftjob-1\"}")
                .build();
    }

    private <T> T bounded(org.junit.jupiter.api.function.ThrowingSupplier<T> action) {
        return assertTimeoutPreemptively(BOUND, action);
    }

    // ---- Retry-After in its three spellings -------------------------------------------------------------------

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {429, 503})
    void retryAfterInSecondsIsTheWait(int status) {
        server.enqueue(error(status, "Retry-After", "1"));
        server.enqueue(ok());

        bounded(() -> transport().send(get()));

        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {429, 503})
    void retryAfterAsAnHttpDateIsMeasuredFromTheInjectedClock(int status) {
        server.enqueue(error(status, "Retry-After", ONE_SECOND_LATER));
        server.enqueue(ok());

        bounded(() -> transport().send(get()));

        assertThat(waits).containsExactly(Duration.ofMillis(250));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retryAfterAsAnHttpDateInThePastMeansNow() {
        server.enqueue(error(503, "Retry-After", "Wed, 31 Dec 2025 23:59:00 GMT"));
        server.enqueue(ok());

        bounded(() -> transport().send(get()));

        assertThat(waits).containsExactly(Duration.ZERO);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"retry-after-ms", "x-ms-retry-after-ms"})
    void retryAfterInMillisecondsIsTheWait(String header) {
        server.enqueue(error(503, header, "35"));
        server.enqueue(ok());

        bounded(() -> transport().send(get()));

        assertThat(waits).containsExactly(Duration.ofMillis(35));
    }

    @Test
    void togethersSuggestedWaitIsTheWaitWhenNoRetryAfterIsGiven() {
        server.enqueue(error(429, "x-ratelimit-reset", "0.04"));
        server.enqueue(ok());

        bounded(() -> transport().send(get()));

        assertThat(waits).containsExactly(Duration.ofMillis(40));
    }

    @Test
    void retryAfterBeatsTogethersSuggestedWait() {
        server.enqueue(error(429, "x-ratelimit-reset", "0.04", "Retry-After", "1"));
        server.enqueue(ok());

        bounded(() -> transport().send(get()));

        assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void millisecondsBeatSecondsWhenBothAreGiven() {
        server.enqueue(error(429, "retry-after-ms", "20", "Retry-After", "30"));
        server.enqueue(ok());

        bounded(() -> transport().send(get()));

        assertThat(waits).containsExactly(Duration.ofMillis(20));
    }

    @ParameterizedTest(name = "Retry-After: {0}")
    @ValueSource(strings = {"soon", "-5", "NaN", "Thu, 99 Foo 2026"})
    void anUnreadableRetryAfterFallsBackToTheClientsOwnBackoff(String value) {
        server.enqueue(error(503, "Retry-After", value));
        server.enqueue(ok());

        bounded(() -> transport(new RetryPolicy(3, Duration.ofMillis(40), Duration.ofMillis(40), 2, 0)).send(get()));

        assertThat(waits).containsExactly(Duration.ofMillis(40));
    }

    @Test
    void aCreateIsRetriedAfterTheDelayA429AskedFor() {
        server.enqueue(error(429, "Retry-After", ONE_SECOND_LATER));
        server.enqueue(ok());

        bounded(() -> transport().send(create()));

        assertThat(waits).containsExactly(Duration.ofMillis(250));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    // ---- above the 60 s cap: surfaces at once, deferred ------------------------------------------------------

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {429, 503})
    void aRetryAfterAboveTheCapSurfacesAtOnceAsDeferred(int status) {
        server.enqueue(error(status, "Retry-After", "61"));
        server.enqueue(ok());

        ApiException e = bounded(() -> catchThrowableOfType(() -> transport().send(get()), ApiException.class));

        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.isDeferred()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(61));
        assertThat(waits).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anHttpDateAboveTheCapSurfacesAtOnceAsDeferred() {
        server.enqueue(error(503, "Retry-After", "Thu, 01 Jan 2026 00:05:00 GMT"));

        ApiException e = bounded(() -> catchThrowableOfType(() -> transport().send(get()), ApiException.class));

        assertThat(e.isDeferred()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofMillis(299_250));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void millisecondsAboveTheCapOnACreateSurfaceAtOnceAsDeferred() {
        server.enqueue(error(429, "retry-after-ms", "60001"));

        ApiException e = bounded(() -> catchThrowableOfType(() -> transport().send(create()), ApiException.class));

        assertThat(e).isInstanceOf(RateLimitException.class);
        assertThat(e.isDeferred()).isTrue();
        assertThat(waits).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aDelayAtTheCapIsNotDeferred() {
        // 60 s is still waited by the transport; only longer delays are handed to the caller
        ApiException e = (ApiException) io.github.finetune4j.core.internal.http.ApiErrors.toException(
                ApiErrors.details("openai", 503, new byte[0], null, Duration.ofSeconds(60), List.of()));

        assertThat(e.isDeferred()).isFalse();
    }

    // ---- x-should-retry ---------------------------------------------------------------------------------------

    @Test
    void shouldRetryTrueRetriesAStatusThatIsNotNormallyRetried() {
        server.enqueue(error(400, "x-should-retry", "true"));
        server.enqueue(ok());

        bounded(() -> transport().send(get()));

        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void withoutShouldRetryA400IsNotRetried() {
        server.enqueue(error(400));
        server.enqueue(ok());

        assertThatThrownBy(() -> bounded(() -> transport().send(get()))).isInstanceOf(ApiException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504})
    void shouldRetryFalseStopsARetryableStatus(int status) {
        server.enqueue(error(status, "x-should-retry", "false", "retry-after-ms", "1"));
        server.enqueue(ok());

        ApiException e = bounded(() -> catchThrowableOfType(() -> transport().send(get()), ApiException.class));

        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldRetryTrueDoesNotMakeAFailedCreateRepeatable() {
        // the README: creation is retried only when the request never left, or on 429
        server.enqueue(error(500, "x-should-retry", "true"));
        server.enqueue(ok());

        assertThatThrownBy(() -> bounded(() -> transport().send(create()))).isInstanceOf(ApiException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    // ---- 5xx ----------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {500, 502, 503, 504, 507, 520, 524, 529, 599})
    void everyServerErrorIsRetriedForAnIdempotentCall(int status) {
        // the README: "Retries HTTP requests on connection failures, 408, 409, 429 and 5xx"; gateways answer
        // 520-524 (Cloudflare) and 529 (overloaded) for passing trouble
        server.enqueue(error(status));
        server.enqueue(ok());

        bounded(() -> transport().send(get()));

        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {400, 401, 403, 404, 410, 418, 422})
    void clientErrorsAreNotRetried(int status) {
        server.enqueue(error(status));
        server.enqueue(ok());

        ApiException e = bounded(() -> catchThrowableOfType(() -> transport().send(get()), ApiException.class));

        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    // ---- 408 and 409 -----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {408, 409})
    void idempotentCallsAreRetriedOn408And409(int status) {
        server.enqueue(error(status));
        server.enqueue(error(status));
        server.enqueue(ok());

        bounded(() -> transport().send(get()));

        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(waits).hasSize(2);
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {408, 409, 500, 502, 503, 504})
    void aCreateIsNotRetriedOnAStatusThatMayFollowAReceivedRequest(int status) {
        server.enqueue(error(status));
        server.enqueue(ok());

        ApiException e = bounded(() -> catchThrowableOfType(() -> transport().send(create()), ApiException.class));

        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void a409ThatKeepsComingSurfacesAsConflictAfterAllAttempts() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(error(409));
        }

        assertThatThrownBy(() -> bounded(() -> transport().send(get()))).isInstanceOf(ConflictException.class);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    // ---- quota ------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET", "POST"})
    void insufficientQuotaIsNeverRetriedWhateverTheHeadersSay(String method) {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
                .addHeader("retry-after-ms", "1").addHeader("x-should-retry", "true")
                .body("{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\","
                        + "\"param\":null,\"code\":\"insufficient_quota\"}}").build());
        server.enqueue(ok());

        RateLimitException e = bounded(() -> catchThrowableOfType(
                () -> transport().send(method.equals("GET") ? get() : create()), RateLimitException.class));

        assertThat(e.isQuotaExhausted()).isTrue();
        assertThat(e.isDeferred()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void aQuotaTypeWithoutACodeIsAlsoNotRetried() {
        server.enqueue(new MockResponse.Builder().code(429)
                .body("{\"error\":{\"message\":\"quota\",\"type\":\"insufficient_quota\",\"code\":null}}").build());
        server.enqueue(ok());

        assertThatThrownBy(() -> bounded(() -> transport().send(get()))).isInstanceOf(RateLimitException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    // ---- backoff ----------------------------------------------------------------------------------------------

    @Test
    void backoffDoublesUpToItsMaximumWithJitterBelowTheNominalValue() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(error(503));
        }

        assertThatThrownBy(() -> bounded(() -> transport(new RetryPolicy(4, Duration.ofMillis(20),
                Duration.ofMillis(30), 2, 0.25)).send(get()))).isInstanceOf(ApiException.class);

        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(waits).hasSize(3);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(15), Duration.ofMillis(20));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(22), Duration.ofMillis(30));
        assertThat(waits.get(2)).isBetween(Duration.ofMillis(22), Duration.ofMillis(30));
    }

    @Test
    void withoutJitterTheBackoffIsExact() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(error(502));
        }

        assertThatThrownBy(() -> bounded(() -> transport(new RetryPolicy(4, Duration.ofMillis(10),
                Duration.ofMillis(25), 2, 0)).send(get()))).isInstanceOf(ApiException.class);

        assertThat(waits).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(25));
    }

    // ---- connection failures ----------------------------------------------------------------------------------

    @Test
    void aRefusedConnectionIsRetriedEvenForACreateAndReportedAsNotSent() throws Exception {
        try (Socket reserved = refusingPort()) {
            HttpCall post = HttpCall.builder("POST", URI.create("http://127.0.0.1:" + reserved.getLocalPort()
                    + "/v1/fine_tuning/jobs")).body(HttpBody.json("{}")).retryMode(RetryMode.NOT_IDEMPOTENT).build();

            TransportException e = bounded(() -> catchThrowableOfType(() -> transport().send(post),
                    TransportException.class));

            assertThat(e.isRequestPossiblySent()).isFalse();
            assertThat(e).hasMessageContaining("http://127.0.0.1:" + reserved.getLocalPort() + "/v1/fine_tuning/jobs")
                    .hasMessageContaining("the request was not sent");
            assertThat(waits).hasSize(2);
        }
    }

    @Test
    void aConnectionDroppedAfterTheRequestArrivedIsNotRetriedForACreate() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false))
                .build());
        server.enqueue(ok());

        TransportException e = bounded(() -> catchThrowableOfType(() -> transport().send(create()),
                TransportException.class));

        assertThat(e.isRequestPossiblySent()).isTrue();
        assertThat(e).hasMessageContaining("may have reached the server");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void aResponseCutInTheMiddleOfItsBodyIsNotRetriedForACreate() {
        server.enqueue(new MockResponse.Builder().body("{\"id\":\"ftjob-1\",\"padding\":\"" + "x".repeat(4096) + "\"}")
                .onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build());
        server.enqueue(ok());

        TransportException e = bounded(() -> catchThrowableOfType(() -> transport().send(create()),
                TransportException.class));

        assertThat(e.isRequestPossiblySent()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aGetWhoseConnectionDroppedAfterTheRequestArrivedIsRepeated() {
        // the JDK client itself repeats a GET once on a dropped connection, so only the outcome is checked here
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false))
                .build());
        server.enqueue(ok());

        assertThat(bounded(() -> transport().send(get())).bodyText()).contains("ftjob-1");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anInterruptDuringTheWaitAfterAConnectionFailureAlsoStopsWithTheFlagKept() throws Exception {
        try (Socket reserved = refusingPort()) {
            JdkHttpTransport transport = transport(new RetryPolicy(3, Duration.ofSeconds(30), Duration.ofSeconds(30),
                    2, 0));
            HttpCall call = HttpCall.builder("GET", URI.create("http://127.0.0.1:" + reserved.getLocalPort() + "/v1/x"))
                    .build();

            Interrupted outcome = interruptWhileWaiting(transport, call);

            assertThat(outcome.thrown).isInstanceOf(FineTuneInterruptedException.class)
                    .hasMessageContaining("http://127.0.0.1:" + reserved.getLocalPort() + "/v1/x");
            assertThat(outcome.flagKept).isTrue();
        }
    }

    @Test
    void anInterruptDuringTheWaitStopsRetryingAndKeepsTheFlag() throws Exception {
        server.enqueue(error(503, "retry-after-ms", "30000"));
        server.enqueue(ok());

        Interrupted outcome = interruptWhileWaiting(transport(), get());

        assertThat(outcome.thrown).isInstanceOf(FineTuneInterruptedException.class);
        assertThat(outcome.flagKept).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    /** What a caller saw when it was interrupted while the transport waited between attempts. */
    private static final class Interrupted {
        Throwable thrown;
        boolean flagKept;
    }

    /** Sends on a new thread and interrupts it once the transport announced its wait before the next attempt. */
    private static Interrupted interruptWhileWaiting(JdkHttpTransport transport, HttpCall call) throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        transport.onRetry(d -> waiting.countDown());
        Interrupted outcome = new Interrupted();
        CountDownLatch done = new CountDownLatch(1);
        Thread caller = new Thread(() -> {
            try {
                transport.send(call);
            } catch (Throwable t) {
                outcome.thrown = t;
                outcome.flagKept = Thread.currentThread().isInterrupted();
            } finally {
                done.countDown();
            }
        });
        caller.start();
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        assertThat(done.await(10, TimeUnit.SECONDS)).as("the wait ended at the interrupt").isTrue();
        return outcome;
    }

    @Test
    void retriesThatRanOutAreReportedByTheExceptionAndLoggedOnlyAtDebug() throws Exception {
        List<LogRecord> records;
        try (Socket reserved = refusingPort(); LogCapture logs = LogCapture.all()) {
            HttpCall call = HttpCall.builder("GET", URI.create("http://127.0.0.1:" + reserved.getLocalPort() + "/v1/x"))
                    .build();
            assertThatThrownBy(() -> bounded(() -> transport().send(call))).isInstanceOf(TransportException.class);
            server.enqueue(error(408));
            server.enqueue(error(408));
            server.enqueue(error(408));
            assertThatThrownBy(() -> bounded(() -> transport().send(get()))).isInstanceOf(ApiException.class);
            records = logs.sdkRecords();
        }

        assertThat(records).filteredOn(r -> r.getLevel().intValue() > Level.FINE.intValue()).isEmpty();
        assertThat(records).filteredOn(r -> r.getLevel() == Level.FINE).hasSizeGreaterThanOrEqualTo(2)
                .anySatisfy(r -> assertThat(LogCapture.text(r)).contains("/v1/x").contains("attempts: 3"))
                .anySatisfy(r -> assertThat(LogCapture.text(r)).contains("408").contains("attempts: 3"));
    }

    @Test
    void aSingleNonRetryableAnswerIsNotAWarning() {
        List<LogRecord> records;
        server.enqueue(error(404));
        try (LogCapture logs = LogCapture.all()) {
            assertThatThrownBy(() -> bounded(() -> transport().send(get()))).isInstanceOf(ApiException.class);
            records = logs.sdkRecords();
        }

        assertThat(records).isNotEmpty().noneMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue());
    }

    /**
     * A loopback port that refuses connections and stays reserved for the test: a socket bound to it but never
     * listening, so no other process can start a server on it while the test runs (unlike a just-closed port).
     */
    static Socket refusingPort() throws java.io.IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress("127.0.0.1", 0));
        return socket;
    }
}
