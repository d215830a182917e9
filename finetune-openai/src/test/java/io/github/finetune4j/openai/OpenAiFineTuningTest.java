package io.github.finetune4j.openai;

import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.spi.FineTuneProviderFactory;
import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.core.spi.JobControl;
import io.github.finetune4j.core.spi.ProviderCapabilities;
import io.github.finetune4j.openai.support.TestProviders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class OpenAiFineTuningTest {
    private static final String SECRET = "sk-proj-THIS-MUST-NOT-LEAK";

    private final TestProviders providers = TestProviders.create();

    @AfterEach
    void closeProviders() {
        providers.close();
    }

    @Test
    void toStringNeverRevealsTheApiKey() {
        OpenAiFineTuning factory = OpenAiFineTuning.builder().apiKey(SECRET).organization("org-x").build();

        assertThat(factory.toString()).doesNotContain(SECRET).doesNotContain("THIS-MUST-NOT-LEAK")
                .contains("REDACTED");
    }

    @Test
    void providerToStringNeverRevealsTheApiKey() {
        OpenAiFineTuning factory = OpenAiFineTuning.builder().apiKey(SECRET).build();

        assertThat(providers.provider(factory).toString()).doesNotContain("THIS-MUST-NOT-LEAK");
    }

    @Test
    void idIsOpenai() {
        assertThat(new OpenAiFineTuning().id()).isEqualTo("openai");
    }

    @Test
    void isConfiguredWhenKeyIsExplicitOrInEnvironment() {
        assertThat(OpenAiFineTuning.builder().apiKey("k").build().isConfigured(EnvironmentLookup.empty())).isTrue();
        assertThat(new OpenAiFineTuning().isConfigured(EnvironmentLookup.of(Map.of("OPENAI_API_KEY", "k")))).isTrue();
        assertThat(new OpenAiFineTuning().isConfigured(EnvironmentLookup.empty())).isFalse();
        assertThat(new OpenAiFineTuning().isConfigured(EnvironmentLookup.of(Map.of("OPENAI_API_KEY", " ")))).isFalse();
    }

    @Test
    void createWithoutKeyThrowsIllegalStateExceptionNamingSetterAndVariable() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new OpenAiFineTuning().create(providers.context()))
                .withMessage("API key missing: call apiKey(...) or set OPENAI_API_KEY");
    }

    @Test
    void defaultBaseUrlIsTheOpenAiApi() {
        assertThat(OpenAiFineTuning.DEFAULT_BASE_URL).isEqualTo("https://api.openai.com/v1");
        assertThat(OpenAiFineTuning.builder().apiKey("k").build().create(providers.context()).toString())
                .contains("https://api.openai.com/v1");
    }

    @Test
    void openAiItselfAnnouncesTheEndOfNewJobsButOtherBaseUrlsDoNot() {
        FineTuneProvider officialProvider = OpenAiFineTuning.builder().apiKey("k").build().create(providers.context());
        ProviderCapabilities official = officialProvider.capabilities();
        ProviderCapabilities gateway = OpenAiFineTuning.builder().apiKey("k").baseUrl("https://gateway.example.com/v1")
                .build().create(providers.context()).capabilities();

        assertThat(official.newJobsEndOn()).contains(LocalDate.of(2027, 1, 6));
        assertThat(official.afterEndAdvice()).hasValueSatisfying(a -> assertThat(a).contains("azure-openai"));
        assertThat(officialProvider.feature(JobControl.class)).isPresent();
        assertThat(gateway.newJobsEndOn()).isEmpty();
        assertThat(gateway.supportsMetadataFilter()).isTrue();
    }

    @Test
    void plainHttpToRemoteHostIsRefused() {
        OpenAiFineTuning factory = OpenAiFineTuning.builder().apiKey("k").baseUrl("http://example.com/v1").build();

        assertThatIllegalArgumentException().isThrownBy(() -> factory.create(providers.context()))
                .withMessageContaining("http://");
    }

    @Test
    void malformedBaseUrlInEnvironmentIsReportedWithTheVariableName() {
        try (TestProviders env = TestProviders.withEnvironment(Map.of("OPENAI_API_KEY", "k",
                "OPENAI_BASE_URL", "ftp://files.example.com"))) {
            assertThatIllegalArgumentException().isThrownBy(() -> new OpenAiFineTuning().create(env.context()))
                    .withMessageStartingWith("OPENAI_BASE_URL");
        }
    }

    @Test
    void builderRejectsBadValues() {
        OpenAiFineTuning.Builder builder = OpenAiFineTuning.builder();

        assertThatIllegalArgumentException().isThrownBy(() -> builder.apiKey(" "));
        assertThatNullPointerException().isThrownBy(() -> builder.apiKey(null));
        assertThatIllegalArgumentException().isThrownBy(() -> builder.baseUrl("not a url"));
        assertThatIllegalArgumentException().isThrownBy(() -> builder.baseUrl("ftp://example.com/v1"));
        assertThatIllegalArgumentException().isThrownBy(() -> builder.baseUrl("https://example.com/v1?x=1"));
        assertThatIllegalArgumentException().isThrownBy(() -> builder.organization(""));
        assertThatIllegalArgumentException().isThrownBy(() -> builder.project(" "));
    }

    @Test
    void serviceLoaderDiscoversTheFactory() {
        assertThat(ServiceLoader.load(FineTuneProviderFactory.class).stream()
                .map(ServiceLoader.Provider::type))
                .contains(OpenAiFineTuning.class);
    }
}
