package io.github.finetune4j.eval.internal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

    @Test
    void dollarAmountsKeepTheDigitsThatMatter() {
        assertThat(Formats.usd(new BigDecimal("12.5"))).isEqualTo("$12.50");
        assertThat(Formats.usd(new BigDecimal("0.04601"))).isEqualTo("$0.046");
        assertThat(Formats.usd(new BigDecimal("0.0085"))).isEqualTo("$0.0085");
        assertThat(Formats.usd(new BigDecimal("0.000725640"))).isEqualTo("$0.000726");
        assertThat(Formats.usd(BigDecimal.ZERO)).isEqualTo("$0.00");
    }

    @Test
    void durationsReadNaturally() {
        assertThat(Formats.duration(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(Formats.duration(Duration.ofMillis(4200))).isEqualTo("4.2 s");
        assertThat(Formats.duration(Duration.ofSeconds(725))).isEqualTo("12 min 5 s");
        assertThat(Formats.duration(Duration.ofMinutes(123))).isEqualTo("2 h 3 min");
    }

    @Test
    void intervalsAndMissingValues() {
        assertThat(Formats.interval(0.875, 0.625, 1.0)).isEqualTo("0.88 [0.63, 1.00]");
        assertThat(Formats.interval(Double.NaN, Double.NaN, Double.NaN)).isEqualTo("-");
        assertThat(Formats.tokens(1234)).isEqualTo("1,234");
        assertThat(Formats.tokens(48.375)).isEqualTo("48.4");
    }
}
