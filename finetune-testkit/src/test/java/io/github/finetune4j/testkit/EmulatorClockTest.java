package io.github.finetune4j.testkit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmulatorClockTest {

    @Test
    void manualClockStandsStillUntilAdvanced() {
        EmulatorClock clock = EmulatorClock.manual();

        assertThat(clock.now()).isEqualTo(EmulatorClock.DEFAULT_MANUAL_START);
        clock.advance(Duration.ofMinutes(3));

        assertThat(clock.now()).isEqualTo(EmulatorClock.DEFAULT_MANUAL_START.plus(Duration.ofMinutes(3)));
        assertThat(clock.isManual()).isTrue();
    }

    @Test
    void scaledClockRunsFasterThanRealTime() {
        EmulatorClock clock = EmulatorClock.scaled(1000);
        Instant first = clock.now();
        long realStart = System.nanoTime();
        while (System.nanoTime() - realStart < 5_000_000) {
            Thread.onSpinWait();
        }
        Instant later = clock.now();

        assertThat(Duration.between(first, later)).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
        assertThat(clock.isManual()).isFalse();
    }

    @Test
    void advanceOnScaledClockIsRejected() {
        assertThatThrownBy(() -> EmulatorClock.scaled(2).advance(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EmulatorClock.manual()");
    }

    @Test
    void negativeAdvanceAndBadSpeedAreRejected() {
        assertThatThrownBy(() -> EmulatorClock.manual().advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmulatorClock.scaled(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmulatorClock.scaled(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
