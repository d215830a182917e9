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
 *       {@link #insufficientQuota()}, {@link #echoRequestHeaders()}, {@link #malformedJson()}: answers at once and
 *       does <em>not</em> process the request (its body is read and dropped, so a client still sending sees the
 *       answer).</li>
 *   <li>{@link #lateArrival(Duration)} (also {@link #hang(Duration)}): holds the request for the duration (or until
 *       the emulator closes), then processes and answers it. A client with a shorter timeout gives up and
 *       retries; the first request takes effect after the retry, as a request delayed in the network does.</li>
 *   <li>{@link #lateResponse(Duration)}: processes the request at once, then holds the answer for the duration. A
 *       client with a shorter timeout gives up although the request took effect ("job created, client timed
 *       out").</li>
 *   <li>{@link #dropConnection()}: processes the request, sends the status, the headers and half of the body, then
 *       closes the connection. The request took effect although the client saw no response, which is how a
 *       duplicated create shows up in tests.</li>
 *   <li>{@link #restartServer()}: reads half of the request body, then restarts the server: every open
 *       connection drops (an upload part is cut off), the emulator listens again on the same port and keeps all
 *       its state. The request does not take effect.</li>
 * </ul>
 *
 * <pre>{@code
 * emulator.faults().inject(Fault.lateResponse(Duration.ofSeconds(3)).onMethod("POST").onPath("/fine_tuning/jobs"));
 * emulator.faults().inject(Fault.restartServer().onPath("/uploads"));                   // cuts the next part
 * emulator.faults().inject(Fault.echoRequestHeaders());              // the key comes back in the error body
 * }</pre>
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
     * Answers 429 with OpenAI's {@code insufficient_quota} error ({@code type} and {@code code}
     * {@code insufficient_quota}, "You exceeded your current quota, please check your plan and billing
     * details. …") and no {@code Retry-After}: a 429 that waiting does not cure. On Azure and ARM paths the same
     * code and message come in the dialect's error body.
     *
     * @return the fault, for one request on any path
     */
    public static Fault insufficientQuota() {
        return new Fault(FaultRule.Kind.INSUFFICIENT_QUOTA, 429, null, null, 1, null, null);
    }

    /**
     * Answers 400 the way a careless gateway does: the error repeats every request header, {@code Authorization}
     * and {@code api-key} included, as {@code name: value} pairs in {@code message}, URL-encoded
     * ({@code name=value&...}) in {@code param} (Azure: {@code target}), and as sent in {@code code}. For testing
     * that a client scrubs secrets from every field of an error.
     *
     * @return the fault, for one request on any path
     */
    public static Fault echoRequestHeaders() {
        return echoRequestHeaders(400);
    }

    /**
     * Like {@link #echoRequestHeaders()}, with another status (e.g. 502, which clients retry).
     *
     * @param status the HTTP status, 400 to 599
     * @return the fault, for one request on any path
     * @throws IllegalArgumentException if {@code status} is not in 400..599
     */
    public static Fault echoRequestHeaders(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 400..599: " + status);
        }
        return new Fault(FaultRule.Kind.ECHO_HEADERS, status, null, null, 1, null, null);
    }

    /**
     * Holds the request for {@code delay}, then processes and answers it: the request takes effect late, as one
     * delayed in the network. A client whose timeout is shorter gives up (and may retry) before the request has
     * any effect. The same as {@link #hang(Duration)}.
     *
     * @param delay how long the request is held before it takes effect, zero or positive
     * @return the fault, for one request on any path
     * @throws NullPointerException if {@code delay} is null
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    public static Fault lateArrival(Duration delay) {
        return new Fault(FaultRule.Kind.HANG, 0, null, nonNegative(delay, "delay"), 1, null, null);
    }

    /**
     * Processes the request at once and holds its answer for {@code delay}: the request has taken effect (a job
     * exists) while a client whose timeout is shorter sees only a timeout. Closing the emulator ends the wait
     * without an answer.
     *
     * @param delay how long the answer is held, zero or positive
     * @return the fault, for one request on any path
     * @throws NullPointerException if {@code delay} is null
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    public static Fault lateResponse(Duration delay) {
        return new Fault(FaultRule.Kind.LATE_RESPONSE, 0, null, nonNegative(delay, "delay"), 1, null, null);
    }

    /**
     * Reads half of the request body (64 KiB when its length is not announced), then restarts the server: every
     * open connection is dropped, in-flight requests are cut off, and the emulator listens again on the same
     * port with all its state (files, jobs, uploads and their parts). The request does not take effect. For
     * testing that an upload resumes after the server went away mid-part.
     *
     * @return the fault, for one request on any path
     */
    public static Fault restartServer() {
        return new Fault(FaultRule.Kind.RESTART_SERVER, 0, null, null, 1, null, null);
    }

    /**
     * Holds the request for {@code duration} before answering it normally. A client whose timeout is shorter
     * sees a timeout. Closing the emulator ends the wait. The same as {@link #lateArrival(Duration)}.
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
