package io.github.finetune4j.core.error;

/** HTTP 5xx: the provider failed. */
public class ServerException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details the parts of the error response
     */
    public ServerException(ApiErrorDetails details) {
        super(details);
    }
}
