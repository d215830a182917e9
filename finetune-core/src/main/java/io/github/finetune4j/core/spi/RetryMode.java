package io.github.finetune4j.core.spi;

/** How the transport may repeat a request that failed in a retryable way. */
public enum RetryMode {
    /** Safe to repeat: GET, DELETE, cancel. Retried on connection failures, 408, 409, 429 and 5xx. */
    IDEMPOTENT,
    /**
     * Must not run twice (job creation, upload): retried only when the request provably never left (connection
     * refused) or on 429. Any other failure is surfaced so that the caller can check what happened.
     */
    NOT_IDEMPOTENT
}
