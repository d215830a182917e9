package io.github.finetune4j.testkit.internal.state;

import java.util.Objects;

/**
 * Why a job failed, as the job object reports it.
 *
 * @param code the error code, e.g. {@code invalid_training_file}
 * @param message the message
 * @param param the parameter that caused it, or null
 */
public record JobError(String code, String message, String param) {
    public JobError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
