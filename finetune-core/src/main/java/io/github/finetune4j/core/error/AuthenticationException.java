package io.github.finetune4j.core.error;

/** HTTP 401: the API key or token is missing, wrong or expired. */
public class AuthenticationException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param details the parts of the error response
     */
    public AuthenticationException(ApiErrorDetails details) {
        super(details);
    }
}
