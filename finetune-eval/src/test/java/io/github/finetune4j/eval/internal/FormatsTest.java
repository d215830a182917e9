package io.github.finetune4j.eval.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

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
