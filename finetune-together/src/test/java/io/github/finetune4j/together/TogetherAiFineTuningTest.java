package io.github.finetune4j.together;

import io.github.finetune4j.core.ApiKey;
import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.spi.ProviderCapabilities;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Configuration: the environment, the defaults, what the provider declares, and secrets kept out of text. */
class TogetherAiFineTuningTest {
    private static final String KEY = "tgp_v1_test-secret-key-0123456789";

    private static FineTuneClient fromEnvironment(Map<String, String> variables) {
        return FineTuneClient.builder().environment(EnvironmentLookup.of(variables)).build();
    }

    @Test
    void theKeyAloneSelectsTogetherThroughFromEnvRules() {
        try (FineTuneClient client = fromEnvironment(Map.of("TOGETHER_API_KEY", KEY))) {
            assertThat(client.providerId()).isEqualTo("together");
            assertThat(client.toString()).doesNotContain(KEY);
        }
    }

    @Test
    void isConfiguredByTheKeyOnTheBuilderOrInTheEnvironment() {
        assertThat(new TogetherAiFineTuning().isConfigured(EnvironmentLookup.of(Map.of("TOGETHER_API_KEY", KEY))))
                .isTrue();
        assertThat(new TogetherAiFineTuning().isConfigured(EnvironmentLookup.of(Map.of("TOGETHER_API_KEY", " "))))
                .isFalse();
        assertThat(new TogetherAiFineTuning().isConfigured(EnvironmentLookup.empty())).isFalse();
        assertThat(TogetherAiFineTuning.builder().apiKey(KEY).build().isConfigured(EnvironmentLookup.empty()))
                .isTrue();
    }

    @Test
    void aMissingKeyNamesItsVariable() {
        assertThatThrownBy(() -> FineTuneClient.builder().environment(EnvironmentLookup.empty())
                .provider(new TogetherAiFineTuning()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TOGETHER_API_KEY");
    }

    @Test
    void plainHttpToAnotherHostIsRefused() {
        assertThatThrownBy(() -> fromEnvironment(Map.of("TOGETHER_API_KEY", KEY, "TOGETHER_BASE_URL",
                "http://together.example/v1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain http://");
    }

    @Test
    void toStringsNeverShowTheKeyOrTheHubToken() {
        TogetherTraining training = TogetherTraining.builder().pushToHub("acme/t1000", ApiKey.of("hf_secret_hub"))
                .build();
        FineTuneRequest request = FineTuneRequest.builder().baseModel("m").trainingFile(
                io.github.finetune4j.core.model.FileId.of("file-1")).providerOptions(training).build();

        assertThat(TogetherAiFineTuning.builder().apiKey(KEY).build().toString()).doesNotContain(KEY)
                .contains("REDACTED");
        assertThat(training.toString()).doesNotContain("hf_secret_hub").contains("hub=acme/t1000");
        assertThat(training.describe()).doesNotContain("hf_secret_hub");
        assertThat(request.toString()).doesNotContain("hf_secret_hub");
    }

    @Test
    void declaresNoMetadataFilterAndOpenModelRowsWithTheirTemplates() {
        try (io.github.finetune4j.core.spi.HttpStack stack = io.github.finetune4j.core.spi.HttpStack.builder("t")
                .build()) {
            ProviderCapabilities capabilities = TogetherAiFineTuning.builder().apiKey(KEY).build()
                    .create(stack.context()).capabilities();

            assertThat(capabilities.supportsMetadataFilter()).isFalse();
            assertThat(capabilities.priceTable().find("Qwen/Qwen3-8B")).hasValueSatisfying(row -> {
                assertThat(row.chatTemplate()).contains(io.github.finetune4j.core.preflight.ChatTemplate.QWEN3);
                assertThat(row.tokenizerModelId()).contains("Qwen/Qwen3-8B");
            });
            assertThat(capabilities.priceTable().find("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"))
                    .hasValueSatisfying(row -> assertThat(row.tokenizerModelId())
                            .contains("meta-llama/Llama-3.1-8B-Instruct"));
        }
    }

    @Test
    void trainingOptionsAreCheckedWhenBuilt() {
        assertThatThrownBy(() -> TogetherTraining.builder().fullTraining().loraDropout(0.1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("full training");
        assertThatThrownBy(() -> TogetherTraining.builder().loraDropout(0.1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need the rank");
        assertThatThrownBy(() -> TogetherTraining.builder().lora(16, 32).loraDropout(1.0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> TogetherTraining.builder().pushToHub("not a repo", ApiKey.of("t")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("owner/name");
        assertThatThrownBy(() -> TogetherTraining.builder().fromCheckpoint("ft-1").fromHubModel("a/b", null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> TogetherTraining.builder().cosineScheduler(0.1, 0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numCycles");
        assertThat(TogetherTraining.builder().lora(16, 32).checkpoints(3).build().toBuilder().build().describe())
                .isEqualTo("lora(r=16,alpha=32) checkpoints=3");
    }
}
