package io.github.finetune4j.eval.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AxisTest {

    @Test
    void stepsAxisGetsRoundTicks() {
        Axis x = Axis.nice(0, 36, 8).integral();

        assertThat(x.min()).isZero();
        assertThat(x.max()).isEqualTo(40);
        assertThat(x.ticks()).containsExactly(0.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 35.0, 40.0);
        assertThat(x.decimals()).isZero();
    }

    @Test
    void lossAxisCoversTheLargestValueWithDecimals() {
        Axis y = Axis.nice(0, 2.31, 6);

        assertThat(y.max()).isGreaterThanOrEqualTo(2.31);
        assertThat(y.step()).isEqualTo(0.5);
        assertThat(y.decimals()).isEqualTo(1);
    }

    @Test
    void fewStepsStillGetIntegerTicks() {
        Axis x = Axis.nice(0, 3, 8).integral();

        assertThat(x.ticks()).containsExactly(0.0, 1.0, 2.0, 3.0);
    }

    @Test
    void degenerateRangeIsWidened() {
        Axis y = Axis.nice(1, 1, 6);

        assertThat(y.min()).isLessThan(1);
        assertThat(y.max()).isGreaterThan(1);
    }
}
