package io.github.finetune4j.core.error;

/**
 * The request could not be completed: connection refused or reset, a timeout, or another I/O failure. The cause is
 * the underlying {@link java.io.IOException}.
 */
public class TransportException extends FineTuneException {
    private static final long serialVersionUID = 1L;

    /** Whether the request may have reached the server. */

    private final boolean requestSent;

    /**
     * Creates the exception.
     *
     * @param message what failed, without secrets
     * @param cause the I/O failure
     * @param provider the provider id
     * @param requestSent whether the request may have reached the server (false only when it provably did not)
     */
    public TransportException(String message, Throwable cause, String provider, boolean requestSent) {
        super(message, cause, provider, null);
        this.requestSent = requestSent;
    }

    /**
     * Tells whether the server may have received the request. A create call that failed with this true is
     * ambiguous: the job may exist.
     *
     * @return false only when the connection was never established
     */
    public boolean isRequestPossiblySent() {
        return requestSent;
    }
}
