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
    void scaledClockShowsTheWallClockAndCarriesItsSpeed() {
        Instant before = Instant.now();
        EmulatorClock clock = EmulatorClock.scaled(1000);
        Instant shown = clock.now();
        Instant after = Instant.now();

        assertThat(shown).isBetween(before.minusMillis(5), after.plusMillis(5));
        assertThat(clock.speed()).isEqualTo(1000.0);
        assertThat(clock.isManual()).isFalse();
    }

    @Test
    void manualClockHasSpeedOne() {
        assertThat(EmulatorClock.manual().speed()).isEqualTo(1.0);
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
