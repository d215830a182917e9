package io.github.finetune4j.core.model;

import java.util.Objects;

/**
 * Why a batch, or one request of it, failed.
 *
 * @param code the provider's error code, for example {@code invalid_request} or {@code http_500}; never blank
 * @param message the provider's explanation; may be empty, never null
 */
public record BatchError(String code, String message) {
    /**
     * Validates the components.
     *
     * @param code the provider's error code; never blank
     * @param message the provider's explanation; never null
     */
    public BatchError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (code.isBlank()) {
            throw new IllegalArgumentException("code must not be blank");
        }
    }

    @Override
    public String toString() {
        return message.isEmpty() ? code : code + ": " + message;
    }
}
