package io.github.finetune4j.core.internal.poll;

import io.github.finetune4j.core.spi.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A sleeper that returns at once, records each delay and advances its own clock by it. */
public final class RecordingSleeper implements Sleeper {
    public final List<Duration> sleeps = new ArrayList<>();
    private Instant now = Instant.parse("2026-11-22T10:00:00Z");
    private Runnable beforeEachSleep = () -> { };

    public Clock clock() {
        RecordingSleeper self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return self.now;
            }
        };
    }

    public void beforeEachSleep(Runnable action) {
        this.beforeEachSleep = action;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        beforeEachSleep.run();
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        sleeps.add(duration);
        now = now.plus(duration);
    }
}
