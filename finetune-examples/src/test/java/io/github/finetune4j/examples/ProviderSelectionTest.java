package io.github.finetune4j.examples;

import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.FineTuneClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FineTuneClient.fromEnv() with both providers on the class path, as in an application that has both. */
class ProviderSelectionTest {
    private static final Map<String, String> OPENAI = Map.of("OPENAI_API_KEY", "test-openai-key");
    private static final Map<String, String> AZURE = Map.of("AZURE_OPENAI_ENDPOINT", "https://t1000.openai.azure.com",
            "AZURE_OPENAI_API_KEY", "test-azure-key");

    private static String providerFor(Map<String, String> variables) {
        try (FineTuneClient client = FineTuneClient.builder().environment(EnvironmentLookup.of(variables)).build()) {
            return client.providerId();
        }
    }

    private static Map<String, String> both() {
        Map<String, String> all = new java.util.HashMap<>(OPENAI);
        all.putAll(AZURE);
        return all;
    }

    @Test
    void openAiKeyAloneSelectsOpenAi() {
        assertThat(providerFor(OPENAI)).isEqualTo("openai");
    }

    @Test
    void azureEndpointAndKeySelectAzure() {
        assertThat(providerFor(AZURE)).isEqualTo("azure-openai");
    }

    @Test
    void bothConfiguredIsRefusedWithTheWayToChoose() {
        assertThatThrownBy(() -> providerFor(both())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("several providers").hasMessageContaining("provider(")
                .message().doesNotContain("test-openai-key").doesNotContain("test-azure-key");
    }

    @Test
    void anExplicitChoiceWinsWhenBothAreConfigured() {
        try (FineTuneClient client = FineTuneClient.builder().environment(EnvironmentLookup.of(both()))
                .provider("azure-openai").build()) {
            assertThat(client.providerId()).isEqualTo("azure-openai");
        }
    }

    @Test
    void theProviderVariableChoosesWhenBothAreConfigured() {
        Map<String, String> all = new java.util.HashMap<>(both());
        all.put("FINETUNE_PROVIDER", "openai");

        assertThat(providerFor(all)).isEqualTo("openai");
    }

    @Test
    void nothingConfiguredNamesTheVariablesToSet() {
        assertThatThrownBy(() -> providerFor(Map.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OPENAI_API_KEY").hasMessageContaining("AZURE_OPENAI_ENDPOINT");
    }
}
