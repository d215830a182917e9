package io.github.finetune4j.core.preflight;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class CostEstimateBudgetTest {
    private static CostEstimate.Builder estimate() {
        return CostEstimate.builder().baseModel("gpt-4o-mini-2024-07-18").epochs(3).billingTokens(944)
                .trainedTokens(2832).priceTableVersion("openai-2026-11-22");
    }

    @Test
    void aCostWithinTheBudgetFits() {
        CostEstimate cost = estimate().pricePerMillionTokens(new BigDecimal("3")).estimatedCost(new BigDecimal("0.0085"))
                .build();

        assertThat(cost.budgetProblem(new BigDecimal("0.0085"))).isEmpty();
        assertThat(cost.budgetProblem(new BigDecimal("5"))).isEmpty();
    }

    @Test
    void aCostAboveTheBudgetSaysBothAmounts() {
        CostEstimate cost = estimate().pricePerMillionTokens(new BigDecimal("3")).estimatedCost(new BigDecimal("0.0085"))
                .build();

        assertThat(cost.budgetProblem(new BigDecimal("0.001")))
                .contains("estimated cost $0.0085 exceeds the budget of $0.001");
    }

    @Test
    void anUnknownCostNeverPassesABudget() {
        CostEstimate cost = estimate().baseModel("gpt-9-turbo").build();

        assertThat(cost.budgetProblem(new BigDecimal("1000"))).hasValueSatisfying(reason -> assertThat(reason)
                .contains("no training price is known for gpt-9-turbo in price table openai-2026-11-22")
                .contains("budget of $1000.00 cannot be checked"));
    }
}
