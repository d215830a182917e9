package io.github.finetune4j.azure.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/** Small helpers for reading wire values; a missing required value is an {@link IllegalStateException}. */
final class Wire {
    private Wire() {
    }

    static <T> T require(T value, String field) {
        if (value == null) {
            throw new IllegalStateException("missing " + field);
        }
        return value;
    }

    static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("missing " + field);
        }
        return value;
    }

    static Instant instant(Long unixSeconds, String field) {
        return Instant.ofEpochSecond(require(unixSeconds, field));
    }

    /** Null, zero and negative values mean "not set". */
    static Optional<Instant> optionalInstant(Long unixSeconds) {
        return unixSeconds == null || unixSeconds <= 0 ? Optional.empty()
                : Optional.of(Instant.ofEpochSecond(unixSeconds));
    }

    static Optional<LocalDate> date(Long unixSeconds) {
        return optionalInstant(unixSeconds).map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC));
    }
}
