package io.github.finetune4j.core.preflight;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class UsdTest {
    @Test
    void fromOneDollarUpAnAmountIsWrittenInCents() {
        assertThat(Usd.format(new BigDecimal("12.5"))).isEqualTo("$12.50");
        assertThat(Usd.format(new BigDecimal("1"))).isEqualTo("$1.00");
        assertThat(Usd.format(new BigDecimal("1234.567"))).isEqualTo("$1234.57");
    }

    @Test
    void belowOneDollarUpToFourDecimalsSoThatASmallJobDoesNotReadAsFree() {
        assertThat(Usd.format(new BigDecimal("0.69"))).isEqualTo("$0.69");
        assertThat(Usd.format(new BigDecimal("0.0123"))).isEqualTo("$0.0123");
        assertThat(Usd.format(new BigDecimal("0.01234"))).isEqualTo("$0.0123");
        assertThat(Usd.format(new BigDecimal("0.04601"))).isEqualTo("$0.046");
        assertThat(Usd.format(new BigDecimal("0.5000"))).isEqualTo("$0.50");
    }

    @Test
    void belowOneCentUpToSixDecimals() {
        assertThat(Usd.format(new BigDecimal("0.0085"))).isEqualTo("$0.0085");
        assertThat(Usd.format(new BigDecimal("0.000726"))).isEqualTo("$0.000726");
        assertThat(Usd.format(new BigDecimal("0.00000049"))).isEqualTo("$0.00");
        assertThat(Usd.format(BigDecimal.ZERO)).isEqualTo("$0.00");
    }

    @Test
    void aNegativeAmountPutsTheSignBeforeTheDollar() {
        assertThat(Usd.format(new BigDecimal("-0.5"))).isEqualTo("-$0.50");
        assertThat(Usd.amount(new BigDecimal("-12.345"))).isEqualTo("-12.35");
    }

    @Test
    void theDigitsAloneForTextThatNamesTheCurrencyInWords() {
        assertThat(Usd.amount(new BigDecimal("0.0085"))).isEqualTo("0.0085");
        assertThat(Usd.amount(new BigDecimal("8"))).isEqualTo("8.00");
        assertThat(Usd.amount(new BigDecimal("1E+3"))).isEqualTo("1000.00");
    }

    @Test
    void nullIsRefused() {
        assertThatNullPointerException().isThrownBy(() -> Usd.format(null)).withMessage("amount");
    }
}
