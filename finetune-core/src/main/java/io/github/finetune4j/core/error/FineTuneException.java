package io.github.finetune4j.core.error;

import java.util.Optional;

/**
 * Base of every exception the SDK throws for a failed operation. Unchecked.
 *
 * <p>Messages never contain API keys, tokens or request headers.
 */
public class FineTuneException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The provider id, or null. */

    private final String provider;
    /** The provider's request id, or null. */
    private final String requestId;

    /**
     * Creates an exception.
     *
     * @param message what went wrong
     * @param cause the underlying cause, or null
     * @param provider the provider id, or null when not provider-specific
     * @param requestId the provider's request id, or null
     */
    public FineTuneException(String message, Throwable cause, String provider, String requestId) {
        super(message, cause);
        this.provider = provider;
        this.requestId = requestId;
    }

    /**
     * Creates an exception without provider details.
     *
     * @param message what went wrong
     * @param cause the underlying cause, or null
     */
    public FineTuneException(String message, Throwable cause) {
        this(message, cause, null, null);
    }

    /**
     * The provider that was called.
     *
     * @return the provider id, for example {@code openai}, or empty
     */
    public Optional<String> provider() {
        return Optional.ofNullable(provider);
    }

    /**
     * The provider's id of the failed request, for support tickets.
     *
     * @return the request id, or empty
     */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }
}
