package io.github.finetune4j.core.spi;

import io.github.finetune4j.core.error.ApiException;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.TransportException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /**
     * Sends a request whose successful response body goes straight into a file instead of memory (a download of
     * any size); retried like {@link #send}, each attempt starting the file over. Error responses are read and
     * mapped as by {@link #send}. This default keeps the body in memory and then writes it: transports that can
     * stream override it.
     *
     * @param call the request
     * @param target the file to write (created or truncated)
     * @return the 2xx response, with an empty body
     * @throws ApiException (or a subclass) for an error status after retries ran out
     * @throws TransportException when the request could not be completed
     * @throws FineTuneException if the file cannot be written
     * @throws io.github.finetune4j.core.error.FineTuneInterruptedException if interrupted while waiting to retry
     */
    default HttpResult download(HttpCall call, Path target) {
        HttpResult result = send(call);
        try {
            Files.write(target, result.body());
        } catch (IOException e) {
            throw new FineTuneException("cannot write " + target + ": " + e.getMessage(), e);
        }
        return new HttpResult(result.statusCode(), result.headers(), new byte[0]);
    }
}
