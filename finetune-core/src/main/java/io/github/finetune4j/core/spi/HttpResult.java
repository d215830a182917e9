package io.github.finetune4j.core.spi;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A successful (2xx) HTTP response. Error statuses never reach providers: the transport turns them into
 * {@link io.github.finetune4j.core.error.ApiException}s.
 *
 * @param statusCode the status, 200 to 299
 * @param headers response headers, names in lower case
 * @param body the body bytes
 */
public record HttpResult(int statusCode, Map<String, List<String>> headers, byte[] body) {
    /** The headers that carry a request id, in the order they are consulted. */
    public static final List<String> REQUEST_ID_HEADERS = List.of("x-request-id", "apim-request-id",
            "x-ms-request-id", "client-request-id", "cf-ray");

    /**
     * Validates the components.
     *
     * @param statusCode the status, 200 to 299
     * @param headers response headers, names in lower case
     * @param body the body bytes
     */
    public HttpResult {
        Map<String, List<String>> lower = new TreeMap<>();
        Objects.requireNonNull(headers, "headers").forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        headers = Map.copyOf(lower);
        Objects.requireNonNull(body, "body");
    }

    /**
     * The first value of a header.
     *
     * @param name the name, any case
     * @return the value, or empty
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The request id the service gave this response, from the first of {@link #REQUEST_ID_HEADERS} present.
     *
     * @return the id, or empty
     */
    public Optional<String> requestId() {
        return requestId(this::header);
    }

    /**
     * The request id from response headers: {@code x-request-id} (OpenAI, Together), {@code apim-request-id}
     * (Azure OpenAI), {@code x-ms-request-id} (Azure Resource Manager, Entra ID), {@code client-request-id},
     * {@code cf-ray} (Together AI, whose own SDK names it its request id).
     *
     * @param header looks up the first value of a header by name
     * @return the id, or empty
     */
    public static Optional<String> requestId(java.util.function.Function<String, Optional<String>> header) {
        for (String name : REQUEST_ID_HEADERS) {
            Optional<String> value = header.apply(name).filter(v -> !v.isBlank());
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /**
     * How long the service asked the client to wait: {@code retry-after-ms}, {@code x-ms-retry-after-ms},
     * {@code retry-after} (seconds or an HTTP date), else Together AI's {@code x-ratelimit-reset} (seconds).
     *
     * @param clock the clock, for HTTP-date values
     * @return the delay, or empty when none (or an unreadable one) was given
     */
    public Optional<Duration> retryAfter(Clock clock) {
        return io.github.finetune4j.core.internal.http.RetryAfter.parse(this::header, clock);
    }

    /**
     * The body as UTF-8 text.
     *
     * @return the text
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "HttpResult[" + statusCode + ", " + body.length + " bytes]";
    }
}
