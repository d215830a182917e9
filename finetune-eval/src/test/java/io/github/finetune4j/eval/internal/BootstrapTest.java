package io.github.finetune4j.eval.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BootstrapTest {
    private static final double[] SCORES = {1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1};

    @Test
    void sameSeedGivesTheSameInterval() {
        double[] a = Bootstrap.meanInterval(SCORES, 2000, 0.95, 42);
        double[] b = Bootstrap.meanInterval(SCORES, 2000, 0.95, 42);

        assertThat(a).containsExactly(b);
    }

    @Test
    void intervalIsRecordedForSeed42() {
        double[] ci = Bootstrap.meanInterval(SCORES, 2000, 0.95, 42);

        assertThat(ci[0]).isEqualTo(0.75);
        assertThat(ci[1]).isCloseTo(0.5, within(0.09));
        assertThat(ci[2]).isCloseTo(1.0, within(0.09));
        assertThat(ci[1]).isLessThan(ci[0]);
        assertThat(ci[2]).isGreaterThan(ci[0]);
    }

    @Test
    void anotherSeedMayMoveTheBoundsButNotTheMean() {
        double[] a = Bootstrap.meanInterval(SCORES, 500, 0.95, 1);
        double[] b = Bootstrap.meanInterval(SCORES, 500, 0.95, 2);

        assertThat(a[0]).isEqualTo(b[0]);
    }

    @Test
    void constantScoresGiveAZeroWidthInterval() {
        assertThat(Bootstrap.meanInterval(new double[] {0.5, 0.5, 0.5}, 1000, 0.95, 7))
                .containsExactly(0.5, 0.5, 0.5);
    }

    @Test
    void noValuesGiveNaNAndOneValueGivesAPoint() {
        assertThat(Bootstrap.meanInterval(new double[0], 1000, 0.95, 7)).containsOnly(Double.NaN);
        assertThat(Bootstrap.meanInterval(new double[] {0.3}, 1000, 0.95, 7)).containsExactly(0.3, 0.3, 0.3);
    }

    @Test
    void quantileInterpolatesLinearly() {
        assertThat(Bootstrap.quantile(new double[] {1, 2, 3, 4}, 0.5)).isEqualTo(2.5);
        assertThat(Bootstrap.quantile(new double[] {1, 2, 3, 4}, 0.0)).isEqualTo(1.0);
        assertThat(Bootstrap.quantile(new double[] {1, 2, 3, 4}, 1.0)).isEqualTo(4.0);
    }
}
