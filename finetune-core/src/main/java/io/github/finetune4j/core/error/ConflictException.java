package io.github.finetune4j.core.error;

/** HTTP 409: the resource is in a state that does not allow the operation. */
public class ConflictException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details the parts of the error response
     */
    public ConflictException(ApiErrorDetails details) {
        super(details);
    }
}
