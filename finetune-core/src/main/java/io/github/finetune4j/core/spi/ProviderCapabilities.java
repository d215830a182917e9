package io.github.finetune4j.core.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * What a provider supports, as data the core consults.
 *
 * @param supportsPause whether jobs can be paused and resumed
 * @param supportsMetadataFilter whether jobs can be listed filtered by metadata (used for exactly-once creation)
 * @param idempotencyHeader the request header the provider honours as an idempotency key, if any
 */
public record ProviderCapabilities(boolean supportsPause, boolean supportsMetadataFilter,
                                   Optional<String> idempotencyHeader) {
    /** Turns a null optional into an empty one. */
    public ProviderCapabilities {
        idempotencyHeader = idempotencyHeader == null ? Optional.empty() : idempotencyHeader;
    }

    /**
     * Capabilities without an idempotency header.
     *
     * @param supportsPause whether jobs can be paused
     * @param supportsMetadataFilter whether jobs can be filtered by metadata
     * @return the capabilities
     */
    public static ProviderCapabilities of(boolean supportsPause, boolean supportsMetadataFilter) {
        return new ProviderCapabilities(supportsPause, supportsMetadataFilter, Optional.empty());
    }

    /**
     * These capabilities with an idempotency header.
     *
     * @param header the header name
     * @return new capabilities
     */
    public ProviderCapabilities withIdempotencyHeader(String header) {
        return new ProviderCapabilities(supportsPause, supportsMetadataFilter,
                Optional.of(Objects.requireNonNull(header, "header")));
    }
}
