package io.github.finetune4j.openai.protocol;

import java.time.Instant;
import java.util.Optional;

/** Converts the wire's Unix seconds to instants. */
final class Times {
    private Times() {
    }

    static Instant required(Long unixSeconds, String field) {
        return Instant.ofEpochSecond(WireFormatException.require(unixSeconds, field));
    }

    /** Null or 0 (which OpenAI sends for "not known") means absent. */
    static Optional<Instant> optional(Long unixSeconds) {
        return unixSeconds == null || unixSeconds <= 0 ? Optional.empty()
                : Optional.of(Instant.ofEpochSecond(unixSeconds));
    }
}
