package io.github.finetune4j.core.error;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WaitTimeoutExceptionTest {
    @Test
    void theBudgetIsWrittenAsPeopleWriteIt() {
        assertThat(new WaitTimeoutException("job ftjob-1", Duration.ofSeconds(3), null))
                .hasMessage("job ftjob-1 did not finish within 3 s; it keeps running");
        assertThat(WaitTimeoutException.readable(Duration.ofMinutes(150))).isEqualTo("2 h 30 min");
        assertThat(WaitTimeoutException.readable(Duration.ofMillis(500))).isEqualTo("500 ms");
        assertThat(WaitTimeoutException.readable(Duration.ofHours(24))).isEqualTo("24 h");
    }
}
