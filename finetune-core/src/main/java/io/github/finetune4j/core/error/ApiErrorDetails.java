package io.github.finetune4j.core.error;

import java.time.Duration;

/**
 * The parts of a provider's error response, from which {@link ApiException} and its subclasses are built.
 *
 * @param provider the provider id
 * @param statusCode the HTTP status
 * @param errorCode the error code, or null
 * @param errorType the error type, or null
 * @param errorParam the parameter at fault, or null
 * @param errorMessage the provider's message (already redacted and shortened), or null
 * @param requestId the request id, or null
 * @param retryAfter the requested delay, or null
 * @param operation the request that got the error, as {@code "GET https://host:443/path"} (no query), or null
 */
public record ApiErrorDetails(String provider, int statusCode, String errorCode, String errorType, String errorParam,
                              String errorMessage, String requestId, Duration retryAfter, String operation) {

    /**
     * The parts of an error response whose request is not known (yet); see {@link #withOperation(String)}.
     *
     * @param provider the provider id
     * @param statusCode the HTTP status
     * @param errorCode the error code, or null
     * @param errorType the error type, or null
     * @param errorParam the parameter at fault, or null
     * @param errorMessage the provider's message (already redacted and shortened), or null
     * @param requestId the request id, or null
     * @param retryAfter the requested delay, or null
     */
    public ApiErrorDetails(String provider, int statusCode, String errorCode, String errorType, String errorParam,
                           String errorMessage, String requestId, Duration retryAfter) {
        this(provider, statusCode, errorCode, errorType, errorParam, errorMessage, requestId, retryAfter, null);
    }

    /**
     * The same details for the request that got them.
     *
     * @param request method and endpoint, as {@code "GET https://host:443/path"}; never with a query or a secret
     * @return a copy naming the request
     */
    public ApiErrorDetails withOperation(String request) {
        return new ApiErrorDetails(provider, statusCode, errorCode, errorType, errorParam, errorMessage, requestId,
                retryAfter, request);
    }

    /**
     * The exception message: {@code "<provider>: <operation> -> <status> <errorCode>: <message> (request-id: ...)"},
     * without the operation part when it is not known.
     *
     * @return the message
     */
    public String formatMessage() {
        StringBuilder sb = new StringBuilder();
        sb.append(provider == null ? "provider" : provider);
        if (operation != null) {
            sb.append(": ").append(operation).append(" ->");
        }
        sb.append(' ').append(statusCode);
        if (errorCode != null) {
            sb.append(' ').append(errorCode);
        } else if (errorType != null) {
            sb.append(' ').append(errorType);
        }
        sb.append(": ").append(errorMessage == null ? "(no message)" : errorMessage);
        if (errorParam != null) {
            sb.append(" [param: ").append(errorParam).append(']');
        }
        if (requestId != null) {
            sb.append(" (request-id: ").append(requestId).append(')');
        }
        return sb.toString();
    }
}
