package io.github.finetune4j.core.preflight;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class PriceTableTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "gpt-4o-mini-2024-07-18, O200K_BASE",
        "gpt-4o-2024-08-06, O200K_BASE",
        "gpt-4.1-2025-04-14, O200K_BASE",
        "gpt-4.1-nano-2025-04-14, O200K_BASE",
        "o4-mini-2025-04-16, O200K_BASE",
        "gpt-5-mini, O200K_BASE",
        "ft:gpt-4o-mini-2024-07-18:acme::9abc, O200K_BASE",
        "ft:gpt-4.1-mini-2025-04-14:acme:support:9abc, O200K_BASE",
        "gpt-4o-mini-2024-07-18.ft-0123456789abcdef, O200K_BASE",
        "gpt-3.5-turbo-0125, CL100K_BASE",
        "gpt-35-turbo-0613, CL100K_BASE",
        "ft:gpt-3.5-turbo-0125:acme::x, CL100K_BASE",
        "gpt-4-0613, CL100K_BASE",
        "GPT-4O-MINI, O200K_BASE",
    })
    void encodingFollowsTheBaseModel(String model, TokenEncoding expected) {
        assertThat(TokenEncoding.forModel(model)).contains(expected);
    }

    @Test
    void unknownModelHasNoEncoding() {
        assertThat(TokenEncoding.forModel("llama-3.3-70b")).isEmpty();
    }

    @Test
    void longestPrefixWinsAndFineTunedNamesResolveToTheirBase() {
        PriceTable openAi = PriceTable.openAi();

        assertThat(openAi.find("gpt-4o-mini-2024-07-18").orElseThrow().trainingPricePerMillionTokens())
                .contains(new BigDecimal("3.00"));
        assertThat(openAi.find("gpt-4o-2024-08-06").orElseThrow().trainingPricePerMillionTokens())
                .contains(new BigDecimal("25.00"));
        assertThat(openAi.find("gpt-4.1-nano-2025-04-14").orElseThrow().maxTokensPerExample()).isEqualTo(32_768);
        assertThat(openAi.find("gpt-3.5-turbo-0613").orElseThrow().maxTokensPerExample()).isEqualTo(4_096);
        assertThat(openAi.find("gpt-3.5-turbo-1106").orElseThrow().maxTokensPerExample()).isEqualTo(16_385);
        assertThat(openAi.find("ft:gpt-4.1-mini-2025-04-14:acme::x").orElseThrow().model()).isEqualTo("gpt-4.1-mini");
        assertThat(PriceTable.azureOpenAi().find("gpt-35-turbo-0125").orElseThrow().encoding())
                .isEqualTo(TokenEncoding.CL100K_BASE);
        assertThat(openAi.find("llama")).isEmpty();
    }

    @Test
    void tablesAreVersionedAndCanBeOverridden() {
        PriceTable azure = PriceTable.azureOpenAi();
        PriceTable mine = azure.toBuilder().version("azure-sweden-2026-12").putModel(ModelLimits.builder()
                .model("gpt-4.1-mini").encoding(TokenEncoding.O200K_BASE).maxTokensPerExample(65_536)
                .trainingPricePerMillionTokens(new BigDecimal("5.50")).build()).build();

        assertThat(azure.version()).isEqualTo("azure-openai-2026-11-22");
        assertThat(azure.find("gpt-4.1-mini").orElseThrow().trainingPricePerMillionTokens()).isEmpty();
        assertThat(azure.maxTrainedTokensPerJob()).contains(2_000_000_000L);
        assertThat(mine.find("gpt-4.1-mini-2025-04-14").orElseThrow().trainingPricePerMillionTokens())
                .contains(new BigDecimal("5.50"));
        assertThat(mine.models()).hasSameSizeAs(azure.models());
        assertThat(mine.version()).isEqualTo("azure-sweden-2026-12");
    }

    @Test
    void togetherDeclaresItsOwnTableWithOpenModelRowsAndNoInventedPrices() {
        PriceTable together = PriceTable.together();

        ModelLimits llama = together.find("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference").orElseThrow();
        assertThat(together.provider()).isEqualTo("together");
        assertThat(together.version()).isEqualTo("together-2026-11-22");
        assertThat(llama.maxTokensPerExample()).isEqualTo(131_072);
        assertThat(llama.chatTemplate()).contains(ChatTemplate.LLAMA_3);
        assertThat(llama.tokenizerModelId()).contains("meta-llama/Llama-3.1-8B-Instruct");
        assertThat(llama.trainingPricePerMillionTokens()).isEmpty();
        PriceTable priced = together.toBuilder().putModel(llama.toBuilder()
                .trainingPricePerMillionTokens(new BigDecimal("0.48")).build()).build();
        assertThat(priced.find("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference").orElseThrow()
                .tokenizerModelId()).as("toBuilder keeps the open-model fields")
                .contains("meta-llama/Llama-3.1-8B-Instruct");
    }
}
