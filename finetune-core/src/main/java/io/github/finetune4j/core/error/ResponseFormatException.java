package io.github.finetune4j.core.error;

/** The provider's answer did not have the expected shape. */
public class ResponseFormatException extends FineTuneException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was expected, without secrets
     * @param cause the parse failure, or null
     * @param provider the provider id
     * @param requestId the request id, or null
     */
    public ResponseFormatException(String message, Throwable cause, String provider, String requestId) {
        super(message, cause, provider, requestId);
    }
}
