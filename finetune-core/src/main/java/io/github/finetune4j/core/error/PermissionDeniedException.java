package io.github.finetune4j.core.error;

/** HTTP 403: the credentials may not do this. */
public class PermissionDeniedException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details the parts of the error response
     */
    public PermissionDeniedException(ApiErrorDetails details) {
        super(details);
    }
}
