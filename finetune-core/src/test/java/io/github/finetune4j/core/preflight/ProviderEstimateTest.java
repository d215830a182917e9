package io.github.finetune4j.core.preflight;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderEstimateTest {

    @Test
    void aSmallJobIsNotShownAsFree() {
        assertThat(estimate("0.0085").toText()).isEqualTo("together estimates $0.0085 (3,285 training tokens)");
        assertThat(estimate("0.02").toText()).startsWith("together estimates $0.02 (");
        assertThat(estimate("0.5").toText()).startsWith("together estimates $0.50 (");
    }

    @Test
    void dollarsAreShownInCents() {
        assertThat(estimate("12.345").toText()).startsWith("together estimates $12.35 (");
    }

    @Test
    void withoutAPriceTheReasonIsGiven() {
        assertThat(ProviderEstimate.builder("together").unavailableReason("no price for this model").build()
                .toText()).isEqualTo("together estimates no price (no price for this model)");
    }

    private static ProviderEstimate estimate(String usd) {
        return ProviderEstimate.builder("together").totalPriceUsd(new BigDecimal(usd)).trainTokens(3285).build();
    }
}
