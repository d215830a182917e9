package io.github.finetune4j.cli.command;

import java.time.Clock;
import java.time.format.DateTimeFormatter;

/** How times are shown: local date and time to the second, in the clock's zone. */
final class Times {
    private Times() {
    }

    static DateTimeFormatter formatter(Clock clock) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(clock.getZone());
    }
}
