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
