package io.github.finetune4j.core.error;

/** HTTP 400 or 422: the provider rejected the request as invalid. */
public class BadRequestException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details the parts of the error response
     */
    public BadRequestException(ApiErrorDetails details) {
        super(details);
    }
}
