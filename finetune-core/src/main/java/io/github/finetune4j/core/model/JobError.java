package io.github.finetune4j.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a job failed, as the provider reported it.
 *
 * @param code the provider's machine-readable code, for example {@code invalid_training_file}
 * @param message the provider's explanation, never null
 * @param param the request field that caused the failure, for example {@code training_file}
 */
public record JobError(Optional<String> code, String message, Optional<String> param) {
    /**
     * Validates the components.
     *
     * @param code the provider's machine-readable code, for example {@code invalid_training_file}
     * @param message the provider's explanation, never null
     * @param param the request field that caused the failure, for example {@code training_file}
     */
    public JobError {
        code = code == null ? Optional.empty() : code;
        Objects.requireNonNull(message, "message");
        param = param == null ? Optional.empty() : param;
    }

    /**
     * Creates an error from nullable parts.
     *
     * @param code the code, or null
     * @param message the message, never null
     * @param param the parameter, or null
     * @return the error
     */
    public static JobError of(String code, String message, String param) {
        return new JobError(Optional.ofNullable(code), message, Optional.ofNullable(param));
    }
}
