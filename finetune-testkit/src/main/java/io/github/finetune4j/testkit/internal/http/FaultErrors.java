package io.github.finetune4j.testkit.internal.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The errors injected faults answer with, worded like the service's own.
 */
final class FaultErrors {

    private FaultErrors() {
    }

    static ApiError of(FaultRule rule) {
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
}
