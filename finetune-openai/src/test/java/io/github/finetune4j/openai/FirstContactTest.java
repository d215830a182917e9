package io.github.finetune4j.openai;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.JobListener;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.error.AuthenticationException;
import io.github.finetune4j.core.error.TransportException;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.preflight.ValidationReport;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A provider that cannot be reached, or refuses the key, fails a start before any local work, saying where. */
class FirstContactTest {
    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final List<String> steps = new ArrayList<>();
    private final JobListener recorder = new JobListener() {
        @Override
        public void onPreflight(ValidationReport report) {
            steps.add("pre-flight");
        }
    };

    private static FineTuneRequest request() {
        Dataset.Builder data = Dataset.builder().name("t1000");
        for (int i = 0; i < 10; i++) {
            data.example("Frage " + i + "?", "Antwort " + i + ".");
        }
        return FineTuneRequest.builder().baseModel("gpt-4o-mini-2024-07-18").trainingData(data.build()).build();
    }

    @Test
    void aClosedPortFailsBeforeThePreflightNamingHostPortAndOperation() {
        // Nothing listens on port 1 of the loopback interface: the connection is refused at once.
        try (FineTuneClient client = FineTuneClient.builder().retryPolicy(RetryPolicy.none())
                .provider(OpenAiFineTuning.builder().apiKey("test-key").baseUrl("http://127.0.0.1:1/v1").build())
                .build()) {
            assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> FineTuneJob.start(client, request(), recorder)))
                    .isInstanceOfSatisfying(TransportException.class, e -> {
                        assertThat(e.isRequestPossiblySent()).isFalse();
                        assertThat(e).hasMessageContaining("GET http://127.0.0.1:1/v1/models/gpt-4o-mini-2024-07-18")
                                .hasMessageContaining("could not connect").hasMessageContaining("not sent");
                    });
        }
        assertThat(steps).isEmpty();
    }

    @Test
    void aWrongKeyFailsBeforeThePreflightNamingTheOperation() {
        server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Incorrect API key provided: sk-wrong***key.\",\"type\":"
                        + "\"invalid_request_error\",\"code\":\"invalid_api_key\"}}").build());

        try (FineTuneClient client = OpenAiFineTuning.builder().apiKey("sk-wrong-test-key")
                .baseUrl(server.url("/v1").uri()).buildClient()) {
            assertThatThrownBy(() -> FineTuneJob.start(client, request(), recorder))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertThat(e.errorCode()).contains("invalid_api_key");
                        assertThat(e).hasMessageContaining("GET http://" + server.getHostName() + ":" + server.getPort()
                                        + "/v1/models/gpt-4o-mini-2024-07-18 -> 401")
                                .hasMessageNotContaining("sk-wrong-test-key");
                    });
        }
        assertThat(steps).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
