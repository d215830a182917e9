package io.github.finetune4j.core.spi;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider supports, as data the core consults.
 *
 * @param supportsPause whether jobs can be paused and resumed
 * @param supportsMetadataFilter whether jobs can be listed filtered by metadata (used for exactly-once creation)
 * @param idempotencyHeader the request header the provider honours as an idempotency key, if any
 * @param newJobsEndOn the date from which the provider accepts no new fine-tuning jobs at all, if announced
 * @param afterEndAdvice what to use instead once {@code newJobsEndOn} has passed
 */
public record ProviderCapabilities(boolean supportsPause, boolean supportsMetadataFilter,
                                   Optional<String> idempotencyHeader, Optional<LocalDate> newJobsEndOn,
                                   Optional<String> afterEndAdvice) {
    /**
     * Validates the components.
     *
     * @param supportsPause whether jobs can be paused and resumed
     * @param supportsMetadataFilter whether jobs can be listed filtered by metadata (used for exactly-once creation)
     * @param idempotencyHeader the request header the provider honours as an idempotency key, if any
     * @param newJobsEndOn the date from which the provider accepts no new fine-tuning jobs at all, if announced
     * @param afterEndAdvice what to use instead once {@code newJobsEndOn} has passed
     */
    public ProviderCapabilities {
        idempotencyHeader = idempotencyHeader == null ? Optional.empty() : idempotencyHeader;
        newJobsEndOn = newJobsEndOn == null ? Optional.empty() : newJobsEndOn;
        afterEndAdvice = afterEndAdvice == null ? Optional.empty() : afterEndAdvice;
    }

    /**
     * Capabilities without an idempotency header or an end date.
     *
     * @param supportsPause whether jobs can be paused
     * @param supportsMetadataFilter whether jobs can be filtered by metadata
     * @return the capabilities
     */
    public static ProviderCapabilities of(boolean supportsPause, boolean supportsMetadataFilter) {
        return new ProviderCapabilities(supportsPause, supportsMetadataFilter, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * These capabilities with an idempotency header.
     *
     * @param header the header name
     * @return new capabilities
     */
    public ProviderCapabilities withIdempotencyHeader(String header) {
        return new ProviderCapabilities(supportsPause, supportsMetadataFilter,
                Optional.of(Objects.requireNonNull(header, "header")), newJobsEndOn, afterEndAdvice);
    }

    /**
     * These capabilities with the date from which the provider accepts no new jobs.
     *
     * @param date the first day on which new jobs are refused
     * @param advice what to use instead, for the error message
     * @return new capabilities
     */
    public ProviderCapabilities withNewJobsEndingOn(LocalDate date, String advice) {
        return new ProviderCapabilities(supportsPause, supportsMetadataFilter, idempotencyHeader,
                Optional.of(Objects.requireNonNull(date, "date")), Optional.of(Objects.requireNonNull(advice, "advice")));
    }
}
