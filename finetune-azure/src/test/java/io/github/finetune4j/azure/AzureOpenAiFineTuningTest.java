package io.github.finetune4j.azure;

import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.azure.support.TestProviders;
import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.spi.FineTuneProviderFactory;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ServiceLoader;

import static io.github.finetune4j.azure.support.TestProviders.FIXTURES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AzureOpenAiFineTuningTest {
    private static final String JOB_PATH = "/fine_tuning/jobs/ftjob-5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c";

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private Map<String, String> azureEnv() {
        return Map.of("AZURE_OPENAI_ENDPOINT", server.url("/").toString(), "AZURE_OPENAI_API_KEY", "env-key");
    }

    @Test
    void isConfiguredNeedsAnEndpointAndAKey() {
        AzureOpenAiFineTuning fromEnv = new AzureOpenAiFineTuning();

        assertThat(fromEnv.isConfigured(EnvironmentLookup.of(azureEnv()))).isTrue();
        assertThat(fromEnv.isConfigured(EnvironmentLookup.of(Map.of("AZURE_OPENAI_ENDPOINT",
                "https://x.openai.azure.com")))).isFalse();
        assertThat(fromEnv.isConfigured(EnvironmentLookup.of(Map.of("AZURE_OPENAI_API_KEY", "k")))).isFalse();
        assertThat(AzureOpenAiFineTuning.builder().endpoint("https://x.openai.azure.com")
                .credential(r -> null).build().isConfigured(EnvironmentLookup.empty())).isTrue();
    }

    @Test
    void theEnvironmentConfiguresTheV1RouteWithTheApiKeyHeader() throws Exception {
        server.enqueue(FIXTURES.json("jobs/get-running.json"));
        FineTuneProvider provider = TestProviders.withEnvironment(azureEnv()).provider(new AzureOpenAiFineTuning());

        provider.getJob(JobId.of("ftjob-5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c"));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/v1" + JOB_PATH);
        assertThat(request.getHeaders().get("api-key")).isEqualTo("env-key");
    }

    @Test
    void aDatedApiVersionInTheEnvironmentSelectsTheDatedRoute() throws Exception {
        server.enqueue(FIXTURES.json("jobs/get-running.json"));
        Map<String, String> env = new java.util.HashMap<>(azureEnv());
        env.put("AZURE_OPENAI_API_VERSION", "2025-04-01-preview");
        FineTuneProvider provider = TestProviders.withEnvironment(env).provider(new AzureOpenAiFineTuning());

        provider.getJob(JobId.of("ftjob-5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c"));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai" + JOB_PATH);
        assertThat(request.getUrl().queryParameter("api-version")).isEqualTo("2025-04-01-preview");
    }

    @Test
    void anExplicitRouteWinsOverTheApiVersion() throws Exception {
        server.enqueue(FIXTURES.json("jobs/get-running.json"));
        FineTuneProvider provider = TestProviders.create().provider(AzureOpenAiFineTuning.builder()
                .endpoint(server.url("/openai/v1/").uri()).apiKey("k").apiVersion("2024-10-21")
                .route(AzureApiRoute.V1).build());

        provider.getJob(JobId.of("ftjob-5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c"));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/v1" + JOB_PATH);
        assertThat(request.getUrl().query()).isNull();
    }

    @Test
    void aMissingEndpointNamesItsVariable() {
        TestProviders providers = TestProviders.withEnvironment(Map.of("AZURE_OPENAI_API_KEY", "k"));

        assertThatThrownBy(() -> providers.provider(new AzureOpenAiFineTuning()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AZURE_OPENAI_ENDPOINT");
    }

    @Test
    void aMissingKeyNamesItsVariableAndTheCredentialAlternative() {
        TestProviders providers = TestProviders.withEnvironment(Map.of("AZURE_OPENAI_ENDPOINT",
                "https://x.openai.azure.com"));

        assertThatThrownBy(() -> providers.provider(new AzureOpenAiFineTuning()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AZURE_OPENAI_API_KEY").hasMessageContaining("credential(...)");
    }

    @Test
    void plainHttpToAHostOtherThanLoopbackIsRefused() {
        AzureOpenAiFineTuning factory = AzureOpenAiFineTuning.builder().endpoint("http://x.openai.azure.com")
                .apiKey("k").build();

        assertThatThrownBy(() -> TestProviders.create().provider(factory))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://");
    }

    @Test
    void aKeyAndACredentialTogetherAreRefused() {
        AzureOpenAiFineTuning.Builder builder = AzureOpenAiFineTuning.builder().apiKey("k").credential(r -> null);

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("not both");
    }

    @Test
    void toStringNeverShowsTheKey() {
        AzureOpenAiFineTuning factory = AzureOpenAiFineTuning.builder().endpoint("https://x.openai.azure.com")
                .apiKey("super-secret-value").build();

        assertThat(factory.toString()).doesNotContain("super-secret-value").contains("REDACTED");
        assertThat(TestProviders.create().provider(factory).toString()).doesNotContain("super-secret-value");
    }

    @Test
    void theServiceLoaderFindsTheFactory() {
        assertThat(ServiceLoader.load(FineTuneProviderFactory.class).stream().map(ServiceLoader.Provider::type))
                .contains(AzureOpenAiFineTuning.class);
    }

    @Test
    void fromEnvironmentPicksAzureWhenOnlyAzureIsConfigured() {
        try (FineTuneClient client = FineTuneClient.builder().environment(EnvironmentLookup.of(azureEnv())).build()) {
            assertThat(client.providerId()).isEqualTo("azure-openai");
        }
    }

    @Test
    void fromEnvironmentRefusesWhenOpenAiIsConfiguredToo() {
        Map<String, String> both = new java.util.HashMap<>(azureEnv());
        both.put("OPENAI_API_KEY", "openai-key");

        assertThatThrownBy(() -> FineTuneClient.builder().environment(EnvironmentLookup.of(both)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("azure-openai")
                .hasMessageContaining("provider(");
    }

    @Test
    void anExplicitProviderChoiceWinsWhenBothAreConfigured() {
        Map<String, String> both = new java.util.HashMap<>(azureEnv());
        both.put("OPENAI_API_KEY", "openai-key");

        try (FineTuneClient client = FineTuneClient.builder().environment(EnvironmentLookup.of(both))
                .provider("azure-openai").build()) {
            assertThat(client.providerId()).isEqualTo("azure-openai");
        }
    }

    @Test
    void badEnvironmentValuesAreRefusedClearly() {
        Map<String, String> env = new java.util.HashMap<>(azureEnv());
        env.put("AZURE_OPENAI_API_VERSION", "latest");

        assertThatThrownBy(() -> TestProviders.withEnvironment(env).provider(new AzureOpenAiFineTuning()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("api-version");
    }
}
