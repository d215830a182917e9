package io.github.finetune4j.together;

import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.error.ApiException;
import io.github.finetune4j.core.error.AuthenticationException;
import io.github.finetune4j.core.error.BadRequestException;
import io.github.finetune4j.core.error.RateLimitException;
import io.github.finetune4j.core.error.ResponseFormatException;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobStatus;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Together's error envelope, statuses and retry headers as the core transport maps them, on a scripted server. */
class TogetherErrorsTest {
    private static final String KEY = "tgp_v1_errors-test-key";
    private static final String JOB = "{\"id\":\"ft-1\",\"status\":\"running\",\"model\":\"m\","
            + "\"training_file\":\"file-1\",\"created_at\":\"2026-12-06T10:00:00.000Z\","
            + "\"updated_at\":\"2026-12-06T10:01:00.000Z\",\"events\":[]}";

    @StartStop
    public final MockWebServer server = new MockWebServer();
    private FineTuneClient client;

    @BeforeEach
    void connect() {
        client = TogetherAiFineTuning.builder().apiKey(KEY).baseUrl(server.url("/v1").toString())
                .buildClient(FineTuneClient.builder().requestTimeout(Duration.ofSeconds(5)).retryPolicy(RetryPolicy.defaults()
                        .withBackoff(Duration.ofMillis(1), Duration.ofMillis(5))));
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .addHeader("x-request-id", "req-" + status).body(body).build();
    }

    @Test
    void theErrorEnvelopeBecomesTheTypedExceptionWithItsFields() {
        server.enqueue(json(400, "{\"error\":{\"message\":\"Invalid value for 'training_type.lora_r'\","
                + "\"type\":\"invalid_request_error\",\"param\":\"training_type.lora_r\",\"code\":\"invalid_value\"}}"));

        Throwable thrown = catchThrowable(() -> client.attach(JobId.of("ft-1")).latest());

        assertThat(thrown).isInstanceOfSatisfying(BadRequestException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.errorCode()).contains("invalid_value");
            assertThat(e.errorType()).contains("invalid_request_error");
            assertThat(e.errorParam()).contains("training_type.lora_r");
            assertThat(e.requestId()).contains("req-400");
            assertThat(e.provider()).contains("together");
        });
    }

    @Test
    void aDynamicRateLimitIsRetriedAfterTheDelayTheServiceAsks() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after-ms", "5")
                .body("{\"error\":{\"message\":\"rate limited\",\"type\":\"dynamic_request_limited\"}}").build());
        server.enqueue(json(200, JOB));

        assertThat(client.attach(JobId.of("ft-1")).latest().status()).isEqualTo(JobStatus.RUNNING);
        assertThat(server.getRequestCount()).isEqualTo(2);
        RecordedRequest first = server.takeRequest(1, SECONDS);
        assertThat(first.getUrl().encodedPath()).isEqualTo("/v1/fine-tunes/ft-1");
        assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void aRateLimitThatOutlastsTheRetriesIsARateLimitException() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(429, "{\"error\":{\"message\":\"slow down\",\"type\":\"dynamic_token_limited\"}}"));
        }

        assertThat(catchThrowable(() -> client.attach(JobId.of("ft-1")).latest()))
                .isInstanceOf(RateLimitException.class).hasMessageContaining("slow down");
    }

    @Test
    void paymentRequiredIsAnApiExceptionWithItsStatus() {

        server.enqueue(json(200, JOB));
        io.github.finetune4j.core.FineTuneJob job = client.attach(JobId.of("ft-1"));
        server.enqueue(json(402, "{\"error\":{\"message\":\"Credit limit exceeded\",\"type\":\"credit_limit\","
                + "\"code\":\"insufficient_credits\"}}"));

        Throwable thrown = catchThrowable(job::cancel);

        assertThat(thrown).isExactlyInstanceOf(ApiException.class);
        assertThat(((ApiException) thrown).statusCode()).isEqualTo(402);
        assertThat(thrown.getMessage()).contains("Credit limit exceeded").doesNotContain(KEY);
    }

    @Test
    void aRejectedKeyNeverAppearsInTheError() {
        server.enqueue(json(401, "{\"error\":{\"message\":\"Invalid API key provided: " + KEY + "\","
                + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));

        Throwable thrown = catchThrowable(() -> client.attach(JobId.of("ft-1")).latest());

        assertThat(thrown).isInstanceOf(AuthenticationException.class);
        assertThat(thrown.toString()).doesNotContain(KEY);
    }

    @Test
    void anUnreadableJobIsAResponseFormatException() {
        server.enqueue(json(200, "{\"id\":\"ft-1\",\"status\":\"running\"}"));

        assertThat(catchThrowable(() -> client.attach(JobId.of("ft-1")).latest()))
                .isInstanceOf(ResponseFormatException.class).hasMessageContaining("Together AI")
                .hasMessageContaining("missing");
    }

    @Test
    void statusWordsAreMappedCaseInsensitivelyAndUnknownOnesKept() throws Exception {
        server.enqueue(json(200, JOB.replace("\"running\"", "\"COMPRESSING\"")));
        server.enqueue(json(200, JOB.replace("\"running\"", "\"user_error\"")));
        server.enqueue(json(200, JOB.replace("\"running\"", "\"migrating\"")));

        assertThat(client.attach(JobId.of("ft-1")).latest().status()).isEqualTo(JobStatus.RUNNING);
        io.github.finetune4j.core.model.JobSnapshot failed = client.attach(JobId.of("ft-1")).latest();
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error()).hasValueSatisfying(e -> assertThat(e.message()).contains("user_error"));
        io.github.finetune4j.core.model.JobSnapshot unknown = client.attach(JobId.of("ft-1")).latest();
        assertThat(unknown.status()).isEqualTo(JobStatus.UNKNOWN);
        assertThat(unknown.rawStatus()).isEqualTo("migrating");
    }
}
