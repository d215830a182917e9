package io.github.finetune4j.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer of a chat completion.
 *
 * @param id the completion's identifier
 * @param model the model that answered
 * @param text the answer text, empty string when the model only called tools or refused
 * @param finishReason why generation stopped, for example {@code stop} or {@code length}
 * @param usage the tokens used, when reported
 */
public record ChatResponse(String id, String model, String text, Optional<String> finishReason,
                           Optional<TokenUsage> usage) {
    /**
     * Validates the components.
     *
     * @param id the completion's identifier
     * @param model the model that answered
     * @param text the answer text, empty string when the model only called tools or refused
     * @param finishReason why generation stopped, for example {@code stop} or {@code length}
     * @param usage the tokens used, when reported
     */
    public ChatResponse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(text, "text");
        finishReason = finishReason == null ? Optional.empty() : finishReason;
        usage = usage == null ? Optional.empty() : usage;
    }
}
