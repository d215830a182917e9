package io.github.finetune4j.testkit.internal.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One injected fault: what to do, for how many more requests, and which requests it applies to.
 *
 * @param kind what happens to a matching request
 * @param status the HTTP status for {@link Kind#STATUS} and {@link Kind#RATE_LIMIT}
 * @param retryAfter the {@code Retry-After} to send, or null
 * @param hang how long {@link Kind#HANG} holds the request and {@link Kind#LATE_RESPONSE} its response, or null
 * @param times how many matching requests the fault applies to, at least 1
 * @param method the method a request must have, upper case, or null for any
 * @param pathPrefix the path prefix a request must have, or null for any
 */
public record FaultRule(Kind kind, int status, Duration retryAfter, Duration hang, int times, String method,
                        String pathPrefix) {

    /** What happens to a request the rule matches. */
    public enum Kind {
        /** Answer with an error status and the service's error body; the request is not processed. */
        STATUS,
        /** Answer 429 with {@code Retry-After}; the request is not processed. */
        RATE_LIMIT,
        /** Hold the request, then process and answer it normally: the effect arrives late. */
        HANG,
        /** Process the request at once, then hold the response: the effect is there, the answer arrives late. */
        LATE_RESPONSE,
        /** Process the request, send the headers and half of the body, then close the connection. */
        DROP_CONNECTION,
        /** Answer 200 with a body that is not valid JSON; the request is not processed. */
        MALFORMED_JSON,
        /** Answer 429 {@code insufficient_quota}; the request is not processed. */
        INSUFFICIENT_QUOTA,
        /** Answer with an error whose message, param and code repeat every request header; not processed. */
        ECHO_HEADERS,
        /** Read half of the body, then restart the server: every connection drops, the state stays. */
        RESTART_SERVER
    }
    public FaultRule {
        Objects.requireNonNull(kind, "kind");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        method = method == null ? null : method.toUpperCase(Locale.ROOT);
    }

    /**
     * Tells whether a request matches this rule.
     *
     * @param requestMethod the request's method
     * @param fullPath the decoded full path, e.g. {@code /v1/fine_tuning/jobs}
     * @param relativePath the decoded path relative to the dialect, e.g. {@code /fine_tuning/jobs}
     * @return true when the rule applies
     */
    public boolean matches(String requestMethod, String fullPath, String relativePath) {
        if (method != null && !method.equals(requestMethod)) {
            return false;
        }
        return pathPrefix == null || hasPrefix(fullPath, pathPrefix) || hasPrefix(relativePath, pathPrefix);
    }

    private static boolean hasPrefix(String path, String prefix) {
        String p = prefix.endsWith("/") && prefix.length() > 1 ? prefix.substring(0, prefix.length() - 1) : prefix;
        return path.equals(p) || path.startsWith(p.endsWith("/") ? p : p + "/");
    }
}
