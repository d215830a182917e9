package io.github.finetune4j.testkit.internal.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The errors injected faults answer with, worded like the service's own.
 */
final class FaultErrors {

    private FaultErrors() {
    }

    /** The message of the insufficient-quota fault, the service's own words. */
    static final String INSUFFICIENT_QUOTA = "You exceeded your current quota, please check your plan and billing "
            + "details. For more information on this error, read the docs: "
            + "https://platform.openai.com/docs/guides/error-codes/api-errors.";

    static ApiError of(FaultRule rule, Map<String, List<String>> requestHeaders) {
        if (rule.kind() == FaultRule.Kind.INSUFFICIENT_QUOTA) {
            return ApiError.verbatim(429, "insufficient_quota", INSUFFICIENT_QUOTA, null, "insufficient_quota");
        }
        if (rule.kind() == FaultRule.Kind.ECHO_HEADERS) {
            return echo(rule.status(), requestHeaders);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        Duration retryAfter = rule.retryAfter();
        if (retryAfter != null) {
            long millis = retryAfter.toMillis();
            headers.put("retry-after", Long.toString(Math.max(0, (millis + 999) / 1000)));
            headers.put("retry-after-ms", Long.toString(millis));
        }
        int status = rule.status();
        if (status == 429) {
            return new ApiError(429, "requests", "Rate limit reached for requests (injected by FineTuningEmulator).",
                    null, "rate_limit_exceeded", headers);
        }
        if (status == 503) {
            return new ApiError(503, "server_error",
                    "The engine is currently overloaded, please try again later.", null, null, headers);
        }
        if (status >= 500) {
            return new ApiError(status, "server_error",
                    "The server had an error while processing your request. Sorry about that!", null, null, headers);
        }
        return new ApiError(status, "invalid_request_error", "Injected fault: HTTP " + status + ".", null, null,
                headers);
    }

    /**
     * What a careless gateway answers: every request header, {@code Authorization} and {@code api-key} included,
     * in the message as sent, in {@code param} URL-encoded and in {@code code} as sent.
     */
    private static ApiError echo(int status, Map<String, List<String>> requestHeaders) {
        StringJoiner plain = new StringJoiner("; ");
        StringJoiner encoded = new StringJoiner("&");
        requestHeaders.forEach((name, values) -> values.forEach(value -> {
            plain.add(name + ": " + value);
            encoded.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }));
        return ApiError.verbatim(status, status >= 500 ? "server_error" : "invalid_request_error",
                "Gateway rejected the request (injected by FineTuningEmulator). Request headers: " + plain,
                encoded.toString(), plain.toString());
    }
}
