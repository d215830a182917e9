package io.github.finetune4j.core.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/** Reads how long a server asked the client to wait: {@code retry-after-ms}, {@code x-ms-retry-after-ms}, {@code retry-after}. */
public final class RetryAfter {
    private RetryAfter() {
    }

    /**
     * Parses the delay from response headers.
     *
     * @param header looks up the first value of a header by lower-case name
     * @param clock the clock, for HTTP-date values
     * @return the delay, or empty when none (or an unreadable one) was given
     */
    public static Optional<Duration> parse(Function<String, Optional<String>> header, Clock clock) {
        for (String name : new String[] {"retry-after-ms", "x-ms-retry-after-ms"}) {
            Optional<Duration> ms = header.apply(name).flatMap(v -> number(v).map(d -> Duration.ofMillis(d.longValue())));
            if (ms.isPresent()) {
                return ms;
            }
        }
        Optional<String> value = header.apply("retry-after");
        if (value.isEmpty()) {
            // Together AI's suggested wait, in seconds, on a rate limit that names no Retry-After
            return header.apply("x-ratelimit-reset").flatMap(RetryAfter::number)
                    .map(s -> Duration.ofMillis((long) (s * 1000)));
        }
        Optional<Double> seconds = number(value.get());
        if (seconds.isPresent()) {
            return Optional.of(Duration.ofMillis((long) (seconds.get() * 1000)));
        }
        try {
            Instant at = ZonedDateTime.parse(value.get().trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(clock.instant(), at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> number(String v) {
        try {
            double d = Double.parseDouble(v.trim());
            return d >= 0 && Double.isFinite(d) ? Optional.of(d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
