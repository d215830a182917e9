package io.github.finetune4j.eval;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class InferencePriceTableTest {
    private final InferencePriceTable prices = InferencePriceTable.openAi();

    @Test
    void fineTunedAndCheckpointNamesArePricedAtTheFineTunedRateOfTheirBase() {
        assertThat(prices.find("ft:gpt-4o-mini-2024-07-18:org:t1000:abc")).hasValueSatisfying(p -> {
            assertThat(p.kind()).isEqualTo(ModelKind.FINE_TUNED);
            assertThat(p.inputPerMillionTokens()).isEqualByComparingTo("0.30");
            assertThat(p.outputPerMillionTokens()).isEqualByComparingTo("1.20");
        });
        assertThat(prices.find("ft:gpt-4.1-mini-2025-04-14:org::x:ckpt-step-10").orElseThrow().model())
                .isEqualTo("gpt-4.1-mini");
        assertThat(prices.find("gpt-4o-mini-2024-07-18.ft-0123456789abcdef").orElseThrow().kind())
                .isEqualTo(ModelKind.FINE_TUNED);
    }

    @Test
    void baseModelsArePricedAtTheirOwnRateWithTheLongestPrefixWinning() {
        assertThat(prices.find("gpt-4o-mini-2024-07-18").orElseThrow().inputPerMillionTokens())
                .isEqualByComparingTo("0.15");
        assertThat(prices.find("gpt-4o-2024-08-06").orElseThrow().inputPerMillionTokens())
                .isEqualByComparingTo("2.50");
        assertThat(prices.find("gpt-4.1-nano-2025-04-14").orElseThrow().model()).isEqualTo("gpt-4.1-nano");
        assertThat(prices.find("claude-sonnet")).isEmpty();
    }

    @Test
    void withAddsOrReplacesARow() {
        InferencePriceTable mine = prices.with(InferencePrice.of("gpt-4o-mini", ModelKind.BASE, "0.10", "0.40"))
                .with(InferencePrice.of("my-model", ModelKind.BASE, "1", "2"));

        assertThat(mine.find("gpt-4o-mini-2024-07-18").orElseThrow().inputPerMillionTokens())
                .isEqualByComparingTo("0.10");
        assertThat(mine.find("my-model-v2")).isPresent();
        assertThat(mine.prices()).hasSize(prices.prices().size() + 1);
    }

    @Test
    void costPer1000RequestsComesFromTokensAndPrices() {
        CostComparison cost = CostComparison.builder().candidate("fine-tuned").model("ft:gpt-4o-mini:org::x")
                .promptTokensPerRequest(100).completionTokensPerRequest(20)
                .price(InferencePrice.of("gpt-4o-mini", ModelKind.FINE_TUNED, "0.30", "1.20")).build();

        // 1,000 x (100 x 0.30 + 20 x 1.20) / 1,000,000 = 0.03 + 0.024
        assertThat(cost.promptCostPer1000Requests())
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.03"));
        assertThat(cost.completionCostPer1000Requests())
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.024"));
        assertThat(cost.costPer1000Requests()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.054"));
    }

    @Test
    void unpricedModelHasNoCost() {
        CostComparison cost = CostComparison.builder().candidate("x").model("unknown").promptTokensPerRequest(10)
                .build();

        assertThat(cost.costPer1000Requests()).isEmpty();
    }
}
