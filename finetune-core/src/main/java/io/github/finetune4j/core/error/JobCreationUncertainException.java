package io.github.finetune4j.core.error;

/**
 * Creating a job failed in a way that leaves it open whether the provider created it: the request may have
 * reached the provider (a timeout or a reset after sending, a 5xx), and the job could not be found by its
 * idempotency key within the reconciliation window. The cause is the last failure. Running the same start again
 * (same request, hence the same idempotency key) finds the job if it exists instead of creating a second one.
 */
public class JobCreationUncertainException extends FineTuneException {
    private static final long serialVersionUID = 1L;

    /** The idempotency key the job would carry. */
    private final String idempotencyKey;

    /**
     * Creates the exception.
     *
     * @param idempotencyKey the key the job would carry
     * @param cause the last failure
     * @param provider the provider id
     */
    public JobCreationUncertainException(String idempotencyKey, FineTuneException cause, String provider) {
        super(provider + ": job creation failed (" + cause.getMessage() + "); the job may exist on the provider "
                + "with idempotency key " + idempotencyKey + ": start the same request again to find it instead of "
                + "creating a second one", cause, provider, cause.requestId().orElse(null));
        this.idempotencyKey = idempotencyKey;
    }

    /**
     * The idempotency key the job would carry (metadata {@code finetune4j_idempotency_key}).
     *
     * @return the key
     */
    public String idempotencyKey() {
        return idempotencyKey;
    }
}
