package io.github.finetune4j.core.spi;

import io.github.finetune4j.core.error.ApiException;
import io.github.finetune4j.core.error.TransportException;

/**
 * Performs HTTP requests for a provider: timeouts, retries with backoff ({@code Retry-After} honoured), logging with
 * redacted headers, and mapping of error statuses to the exception hierarchy. Thread-safe.
 */
public interface HttpTransport {
    /**
     * Sends a request, retrying as its {@link RetryMode} and the client's retry policy allow.
     *
     * @param call the request
     * @return the 2xx response
     * @throws ApiException (or a subclass) for an error status after retries ran out
     * @throws TransportException when the request could not be completed
     * @throws io.github.finetune4j.core.error.FineTuneInterruptedException if interrupted while waiting to retry
     */
    HttpResult send(HttpCall call);
}
