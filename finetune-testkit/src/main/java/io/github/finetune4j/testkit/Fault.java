package io.github.finetune4j.testkit;

import io.github.finetune4j.testkit.internal.http.FaultRule;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A fault the emulator injects into the next matching request(s), for testing how a client copes with errors.
 * Immutable: the {@code times}/{@code on…} methods return copies. Hand it to {@link Faults#inject(Fault)}.
 *
 * <pre>{@code
 * emulator.faults().inject(Fault.rateLimit(Duration.ofSeconds(1)).times(2));          // next two requests: 429
 * emulator.faults().inject(Fault.serviceUnavailable().onPath("/fine_tuning/jobs"));    // next jobs request: 503
 * emulator.faults().inject(Fault.dropConnection().onMethod("POST").onPath("/files"));  // next upload: cut off
 * }</pre>
 *
 * <p>What the emulator does with a matching request:
 * <ul>
 *   <li>{@link #status(int)}, {@link #serverError()}, {@link #serviceUnavailable()}, {@link #rateLimit(Duration)},
 *       {@link #malformedJson()}: answers at once and does <em>not</em> process the request.</li>
 *   <li>{@link #hang(Duration)}: holds the request for the duration (or until the emulator closes), then
 *       processes and answers it normally, so a client with a shorter timeout times out.</li>
 *   <li>{@link #dropConnection()}: processes the request, sends the status, the headers and half of the body, then
 *       closes the connection. The request took effect although the client saw no response, which is how a
 *       duplicated create shows up in tests.</li>
 * </ul>
 */
public final class Fault {

    private final FaultRule.Kind kind;
    private final int status;
    private final Duration retryAfter;
    private final Duration hang;
    private final int times;
    private final String method;
    private final String pathPrefix;

    private Fault(FaultRule.Kind kind, int status, Duration retryAfter, Duration hang, int times, String method,
                  String pathPrefix) {
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
        this.hang = hang;
        this.times = times;
        this.method = method;
        this.pathPrefix = pathPrefix;
    }

    /**
     * Answers with an error status and the service's error body for it: {@code server_error} for 5xx, a rate
     * limit error for 429, {@code invalid_request_error} otherwise.
     *
     * @param status the HTTP status, 400 to 599
     * @return the fault, for one request on any path
     * @throws IllegalArgumentException if {@code status} is not in 400..599
     */
    public static Fault status(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 400..599: " + status);
        }
        return new Fault(FaultRule.Kind.STATUS, status, null, null, 1, null, null);
    }

    /**
     * Answers 500 with {@code "The server had an error while processing your request. Sorry about that!"}.
     *
     * @return the fault, for one request on any path
     */
    public static Fault serverError() {
        return status(500);
    }

    /**
     * Answers 503 with {@code "The engine is currently overloaded, please try again later."}.
     *
     * @return the fault, for one request on any path
     */
    public static Fault serviceUnavailable() {
        return status(503);
    }

    /**
     * Answers 429 {@code rate_limit_exceeded} with {@code Retry-After} (whole seconds, rounded up) and
     * {@code retry-after-ms}.
     *
     * @param retryAfter the delay the client is asked to wait, zero or positive
     * @return the fault, for one request on any path
     * @throws NullPointerException if {@code retryAfter} is null
     * @throws IllegalArgumentException if {@code retryAfter} is negative
     */
    public static Fault rateLimit(Duration retryAfter) {
        return new Fault(FaultRule.Kind.RATE_LIMIT, 429, nonNegative(retryAfter, "retryAfter"), null, 1, null, null);
    }

    /**
     * Holds the request for {@code duration} before answering it normally. A client whose timeout is shorter
     * sees a timeout. Closing the emulator ends the wait.
     *
     * @param duration how long to hold the request, zero or positive
     * @return the fault, for one request on any path
     * @throws NullPointerException if {@code duration} is null
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public static Fault hang(Duration duration) {
        return new Fault(FaultRule.Kind.HANG, 0, null, nonNegative(duration, "duration"), 1, null, null);
    }

    /**
     * Processes the request, then sends the headers with the full {@code Content-Length} and only half of the
     * body, and closes the connection.
     *
     * @return the fault, for one request on any path
     */
    public static Fault dropConnection() {
        return new Fault(FaultRule.Kind.DROP_CONNECTION, 0, null, null, 1, null, null);
    }

    /**
     * Answers 200 with a JSON content type and a body that is cut off in the middle of an object, without
     * processing the request.
     *
     * @return the fault, for one request on any path
     */
    public static Fault malformedJson() {
        return new Fault(FaultRule.Kind.MALFORMED_JSON, 0, null, null, 1, null, null);
    }

    /**
     * Applies the fault to the next {@code count} matching requests instead of one.
     *
     * @param count how many requests, at least 1
     * @return a copy with the count
     * @throws IllegalArgumentException if {@code count} is less than 1
     */
    public Fault times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        return new Fault(kind, status, retryAfter, hang, count, method, pathPrefix);
    }

    /**
     * Restricts the fault to paths that start with {@code prefix}, either relative to the dialect's root
     * ({@code /fine_tuning/jobs}, which matches {@code /v1/fine_tuning/jobs}, {@code /openai/v1/fine_tuning/jobs}
     * and {@code /openai/fine_tuning/jobs}) or absolute ({@code /v1/fine_tuning/jobs},
     * {@code /openai/deployments/my-deployment/chat/completions}, {@code /subscriptions}). On Azure and ARM paths the
     * error body is Azure's; on the Azure data plane a delay is also sent as {@code x-ms-retry-after-ms}.
     * A prefix matches whole segments: {@code /files} matches {@code /files/file-abc} but not {@code /filesystem}.
     *
     * @param prefix the path prefix, starting with {@code /}
     * @return a copy restricted to the prefix
     * @throws NullPointerException if {@code prefix} is null
     * @throws IllegalArgumentException if {@code prefix} does not start with {@code /}
     */
    public Fault onPath(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.startsWith("/")) {
            throw new IllegalArgumentException("prefix must start with '/': " + prefix);
        }
        return new Fault(kind, status, retryAfter, hang, times, method, prefix);
    }

    /**
     * Restricts the fault to one HTTP method.
     *
     * @param httpMethod the method, e.g. {@code POST}; any case
     * @return a copy restricted to the method
     * @throws NullPointerException if {@code httpMethod} is null
     */
    public Fault onMethod(String httpMethod) {
        Objects.requireNonNull(httpMethod, "httpMethod");
        return new Fault(kind, status, retryAfter, hang, times, httpMethod.toUpperCase(Locale.ROOT), pathPrefix);
    }

    /**
     * Adds {@code Retry-After} and {@code retry-after-ms} headers to a status fault.
     *
     * @param delay the delay to announce, zero or positive
     * @return a copy with the headers
     * @throws NullPointerException if {@code delay} is null
     * @throws IllegalArgumentException if {@code delay} is negative
     * @throws IllegalStateException if this is not a status or rate-limit fault
     */
    public Fault retryAfter(Duration delay) {
        if (kind != FaultRule.Kind.STATUS && kind != FaultRule.Kind.RATE_LIMIT) {
            throw new IllegalStateException("retryAfter(...) applies to status and rate-limit faults only");
        }
        return new Fault(kind, status, nonNegative(delay, "delay"), hang, times, method, pathPrefix);
    }

    FaultRule toRule() {
        return new FaultRule(kind, status, retryAfter, hang, times, method, pathPrefix);
    }

    @Override
    public String toString() {
        return "Fault[" + kind.name().toLowerCase(Locale.ROOT) + (status > 0 ? " " + status : "")
                + ", times=" + times + (method != null ? ", method=" + method : "")
                + (pathPrefix != null ? ", path=" + pathPrefix : "") + "]";
    }

    private static Duration nonNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }
}
