package io.github.finetune4j.testkit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FineTuningEmulatorExtensionTest {

    private static final List<FineTuningEmulator> SEEN = new ArrayList<>();

    @AfterAll
    static void everyTestGotItsOwnEmulatorAndAllWereClosed() {
        assertThat(SEEN).doesNotHaveDuplicates();
        assertThat(SEEN).allMatch(FineTuningEmulator::isClosed);
    }

    @Nested
    @ExtendWith(FineTuningEmulatorExtension.class)
    class WithDefaults {

        FineTuningEmulator field;
        private FineTuningEmulator fromBeforeEach;

        @BeforeEach
        void setUp(FineTuningEmulator emulator) {
            fromBeforeEach = emulator;
        }

        @Test
        void injectsAStartedEmulatorIntoParametersAndFields(FineTuningEmulator emulator) {
            SEEN.add(emulator);

            assertThat(emulator.isClosed()).isFalse();
            assertThat(new EmulatorHttp(emulator).get("/models").status()).isEqualTo(200);
            assertThat(field).isSameAs(emulator);
            assertThat(fromBeforeEach).isSameAs(emulator);
        }

        @Test
        void givesTheNextTestAFreshEmulator(FineTuningEmulator emulator) {
            SEEN.add(emulator);

            assertThat(emulator.recordedRequests()).isEmpty();
        }
    }

    @Nested
    class WithConfiguration {

        @RegisterExtension
        final FineTuningEmulatorExtension extension = FineTuningEmulatorExtension.using(() ->
                FineTuningEmulator.builder().clock(EmulatorClock.manual()).apiKey("configured-key"));

        FineTuningEmulator emulator;

        @Test
        void usesTheSuppliedBuilder() {
            SEEN.add(emulator);

            assertThat(emulator.apiKey()).isEqualTo("configured-key");
            assertThat(emulator.clock().isManual()).isTrue();
            emulator.clock().advance(Duration.ofSeconds(1));
        }

        @Test
        void suppliesAFreshClockPerTest() {
            SEEN.add(emulator);

            assertThat(emulator.clock().now()).isEqualTo(EmulatorClock.DEFAULT_MANUAL_START);
        }
    }
}
