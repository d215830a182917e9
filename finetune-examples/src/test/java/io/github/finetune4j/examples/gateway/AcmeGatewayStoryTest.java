package io.github.finetune4j.examples.gateway;

import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.error.AuthenticationException;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.examples.T1000Data;
import io.github.finetune4j.testkit.FineTuningEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A provider for a new OpenAI-compatible endpoint, written as one file ({@link AcmeGatewayFineTuning}) plus its
 * service registration, runs the whole T-1000 story: discovered by fromEnv(), through a gateway that serves the
 * protocol under a non-default base path with its own key header, against the emulator.
 */
class AcmeGatewayStoryTest {
    private static final String GATEWAY_KEY = "acme-gateway-secret";

    private final FineTuningEmulator emulator = FineTuningEmulator.builder().start();
    private final LoopbackGateway gateway;

    AcmeGatewayStoryTest() throws IOException {
        gateway = new LoopbackGateway(emulator.baseUrl(), emulator.apiKey(), GATEWAY_KEY);
    }

    @AfterEach
    void stop() {
        gateway.close();
        emulator.close();
    }

    private FineTuneClient client(String key) {
        EnvironmentLookup environment = EnvironmentLookup.of(Map.of(
                AcmeGatewayFineTuning.API_KEY_ENV, key, AcmeGatewayFineTuning.BASE_URL_ENV, gateway.baseUrl()));
        return FineTuneClient.builder().environment(environment)                                  // = fromEnv()
                .defaultWaitOptions(WaitOptions.builder().fixedInterval(Duration.ofMillis(50)).build()).build();
    }

    @Test
    void theT1000StoryRunsThroughTheGatewayProvider() {
        String answer = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (FineTuneClient client = client(GATEWAY_KEY)) {
                assertThat(client.providerId()).isEqualTo("acme-gateway");
                FineTuneJob job = FineTuneJob.start(client, FineTuneRequest.builder()
                        .baseModel("gpt-4o-mini-2024-07-18").trainingData(T1000Data.dataset()).suffix("t1000")
                        .hyperparameters(Hyperparameters.builder().epochs(3).build()).build());
                JobSnapshot done = job.awaitCompletion();
                assertThat(done.provider()).isEqualTo("acme-gateway");
                return client.model(done).withSystemPrompt(T1000Data.SYSTEM_PROMPT)
                        .chat("Ich will meinen T-1000 mit Pril reinigen. Geht das?");
            }
        });

        assertThat(answer).contains("spezielle Reinigungsmittel");
        assertThat(gateway.seen()).contains("POST /acme/openai/v1/files", "POST /acme/openai/v1/fine_tuning/jobs",
                "POST /acme/openai/v1/chat/completions");
        assertThat(emulator.recordedRequests()).filteredOn(r -> r.method().equals("POST")
                && r.path().equals("/v1/fine_tuning/jobs")).hasSize(1);
    }

    @Test
    void aWrongGatewayKeyIsAnAuthenticationErrorThatNeverShowsTheKey() {
        try (FineTuneClient client = client("wrong-gateway-key")) {
            assertThatThrownBy(() -> client.listJobs(io.github.finetune4j.core.model.PageRequest.first())
                    .iterator().hasNext())
                    .isInstanceOf(AuthenticationException.class).hasMessageContaining("gateway_auth")
                    .hasMessageNotContaining("wrong-gateway-key");
        }
    }
}
