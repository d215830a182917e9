package io.github.finetune4j.core.error;

/** HTTP 404: the file, job or model does not exist (or is not visible to these credentials). */
public class NotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details the parts of the error response
     */
    public NotFoundException(ApiErrorDetails details) {
        super(details);
    }
}
