package io.github.finetune4j.azure.internal;

import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.azure.AzureOpenAiFineTuning;
import io.github.finetune4j.azure.identity.TokenRequest;
import io.github.finetune4j.testsupport.Fixtures;
import io.github.finetune4j.azure.support.RecordingCredential;
import io.github.finetune4j.azure.support.TestProviders;
import io.github.finetune4j.core.error.AuthenticationException;
import io.github.finetune4j.core.error.RateLimitException;
import io.github.finetune4j.core.model.ChatRequest;
import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Message;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static io.github.finetune4j.azure.support.TestProviders.FIXTURES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AzureChatTest {
    private static final String SYSTEM =
            "Du chattest jetzt mit dem Kundenservice für den Hochleistungs-Staubsauger T-1000.";
    private static final String QUESTION = "Ich will meinen T-1000 mit Pril reinigen. Geht das?";

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final TestProviders providers = TestProviders.create();

    private static ChatRequest request() {
        return ChatRequest.builder().model("t1000").messages(List.of(Message.system(SYSTEM), Message.user(QUESTION)))
                .temperature(0.2).build();
    }

    @Test
    void chatOnV1SendsTheDeploymentAsModel() throws Exception {
        server.enqueue(FIXTURES.json("chat/completion.json"));

        ChatResponse answer = providers.v1(server).chat(request());

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/v1/chat/completions");
        assertThat(Fixtures.parse(request.getBody().utf8())).isEqualTo(FIXTURES.tree("chat/request-v1.json"));
        assertThat(answer.text()).startsWith("Bitte verwenden Sie kein Pril.");
        assertThat(answer.finishReason()).contains("stop");
        assertThat(answer.usage()).hasValueSatisfying(u -> assertThat(u.totalTokens()).isEqualTo(60));
    }

    @Test
    void chatOnTheDatedRoutePutsTheDeploymentIntoThePath() throws Exception {
        server.enqueue(FIXTURES.json("chat/completion.json"));

        providers.dated(server).chat(request());

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/deployments/t1000/chat/completions");
        assertThat(request.getUrl().queryParameter("api-version")).isEqualTo("2024-10-21");
        assertThat(Fixtures.parse(request.getBody().utf8()).has("model")).isFalse();
    }

    @Test
    void entraAuthenticationSendsABearerTokenForTheCognitiveServicesScope() throws Exception {
        server.enqueue(FIXTURES.json("chat/completion.json"));
        RecordingCredential credential = new RecordingCredential();
        FineTuneProvider provider = providers.provider(AzureOpenAiFineTuning.builder()
                .endpoint(server.url("/").uri()).credential(credential).build());

        provider.chat(request());

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getHeaders().get("Authorization"))
                .isEqualTo("Bearer " + RecordingCredential.tokenFor(TokenRequest.COGNITIVE_SERVICES_SCOPE));
        assertThat(request.getHeaders().get("api-key")).isNull();
        assertThat(credential.scopes()).containsExactly(TokenRequest.COGNITIVE_SERVICES_SCOPE);
    }

    @Test
    void entraTokensAreCachedAcrossRequests() throws Exception {
        server.enqueue(FIXTURES.json("chat/completion.json"));
        server.enqueue(FIXTURES.json("chat/completion.json"));
        RecordingCredential credential = new RecordingCredential();
        FineTuneProvider provider = providers.provider(AzureOpenAiFineTuning.builder()
                .endpoint(server.url("/").uri()).credential(credential).build());

        provider.chat(request());
        provider.chat(request());

        assertThat(credential.scopes()).hasSize(1);
        assertThat(server.takeRequest(1, SECONDS)).isNotNull();
    }

    @ParameterizedTest
    @CsvSource({"retry-after-ms, 2000, PT2S", "x-ms-retry-after-ms, 1500, PT1.5S", "retry-after, 3, PT3S"})
    void throttlingCarriesTheRequestedDelay(String header, String value, Duration expected) {
        server.enqueue(FIXTURES.builder(429).addHeader(header, value).body(FIXTURES.text("errors/rate-limited.json"))
                .build());
        FineTuneProvider provider = providers.v1(server);

        assertThatThrownBy(() -> provider.chat(request())).isInstanceOfSatisfying(RateLimitException.class, e -> {
            assertThat(e.retryAfter()).contains(expected);
            assertThat(e.errorCode()).contains("429");
            assertThat(e.isQuotaExhausted()).isFalse();
        });
    }

    @Test
    void aWrongKeyIsAnAuthenticationErrorWithoutTheKey() {
        server.enqueue(FIXTURES.json(401, "errors/unauthorized.json"));
        FineTuneProvider provider = providers.v1(server);

        assertThatThrownBy(() -> provider.chat(request())).isInstanceOfSatisfying(AuthenticationException.class,
                e -> {
                    assertThat(e.getMessage()).contains("Access denied").doesNotContain(TestProviders.KEY);
                    assertThat(e.requestId()).contains(TestProviders.REQUEST_ID);
                });
    }

    @Test
    void aMissingDeploymentIsNotFoundWithItsCode() {
        server.enqueue(FIXTURES.json(404, "errors/deployment-not-found.json"));
        FineTuneProvider provider = providers.v1(server);

        assertThatThrownBy(() -> provider.chat(request()))
                .isInstanceOfSatisfying(io.github.finetune4j.core.error.NotFoundException.class,
                        e -> assertThat(e.errorCode()).contains("DeploymentNotFound"));
    }
}
