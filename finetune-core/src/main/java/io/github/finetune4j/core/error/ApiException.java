package io.github.finetune4j.core.error;

import java.time.Duration;
import java.util.Optional;

/**
 * The provider answered with an HTTP error status. Subclasses exist for the common statuses; any other status is
 * reported as this class itself.
 */
public class ApiException extends FineTuneException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status. */

    private final int statusCode;
    /** The provider's error code, or null. */
    private final String errorCode;
    /** The provider's error type, or null. */
    private final String errorType;
    /** The parameter at fault, or null. */
    private final String errorParam;
    /** The provider's message, or null. */
    private final String errorMessage;
    private final transient Duration retryAfter;

    /**
     * Creates an exception from the parts of an error response.
     *
     * @param details the parts
     */
    public ApiException(ApiErrorDetails details) {
        super(details.formatMessage(), null, details.provider(), details.requestId());
        this.statusCode = details.statusCode();
        this.errorCode = details.errorCode();
        this.errorType = details.errorType();
        this.errorParam = details.errorParam();
        this.errorMessage = details.errorMessage();
        this.retryAfter = details.retryAfter();
    }

    /**
     * Tells whether the service asked to come back later than the HTTP layer waits by itself
     * ({@link io.github.finetune4j.core.RetryPolicy#MAX_SERVER_DELAY}): a 429 (not an exhausted quota) or 5xx with a
     * longer {@code Retry-After}. Such a request was not retried; a caller with time to spare may repeat it after
     * {@link #retryAfter()}. Every other retryable failure has already been retried by the HTTP layer.
     *
     * @return true for a deferred answer
     */
    public boolean isDeferred() {
        boolean transientStatus = statusCode == 429 || statusCode >= 500 && statusCode <= 599;
        boolean quota = this instanceof RateLimitException && ((RateLimitException) this).isQuotaExhausted();
        return transientStatus && !quota && retryAfter != null
                && retryAfter.compareTo(io.github.finetune4j.core.RetryPolicy.MAX_SERVER_DELAY) > 0;
    }

    /**
     * All parsed fields of the error, for example to re-type it.
     *
     * @return the details
     */
    public ApiErrorDetails details() {
        return new ApiErrorDetails(provider().orElse(null), statusCode, errorCode, errorType, errorParam, errorMessage,
                requestId().orElse(null), retryAfter);
    }

    /**
     * The HTTP status.
     *
     * @return for example 400
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * The provider's machine-readable error code, for example {@code insufficient_quota}.
     *
     * @return the code, or empty
     */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /**
     * The provider's error type, for example {@code invalid_request_error}.
     *
     * @return the type, or empty
     */
    public Optional<String> errorType() {
        return Optional.ofNullable(errorType);
    }

    /**
     * The request parameter the error is about, for example {@code training_file} (Azure: {@code target}).
     *
     * @return the parameter, or empty
     */
    public Optional<String> errorParam() {
        return Optional.ofNullable(errorParam);
    }

    /**
     * The provider's explanation.
     *
     * @return the message, or empty
     */
    public Optional<String> errorMessage() {
        return Optional.ofNullable(errorMessage);
    }

    /**
     * How long the provider asked to wait before trying again.
     *
     * @return the delay, or empty
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
