package io.github.finetune4j.core;

import io.github.finetune4j.core.model.BatchError;
import io.github.finetune4j.core.model.ChatResponse;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one request of a batch: exactly one of {@link #response()} and {@link #error()} is present.
 *
 * <p>The canonical constructor is outside the compatibility promise: use {@link #succeeded} or {@link #failed}.
 *
 * @param customId the id the request was sent with
 * @param response the answer, when the request succeeded
 * @param error why the request failed, when it did
 */
public record BatchChatRow(String customId, Optional<ChatResponse> response, Optional<BatchError> error) {
    /**
     * Validates the components.
     *
     * @param customId the id the request was sent with
     * @param response the answer, when the request succeeded
     * @param error why the request failed, when it did
     */
    public BatchChatRow {
        Objects.requireNonNull(customId, "customId");
        response = response == null ? Optional.empty() : response;
        error = error == null ? Optional.empty() : error;
        if (response.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("a batch row has either a response or an error");
        }
    }

    /**
     * A row that got an answer.
     *
     * @param customId the id
     * @param response the answer
     * @return the row
     */
    public static BatchChatRow succeeded(String customId, ChatResponse response) {
        return new BatchChatRow(customId, Optional.of(Objects.requireNonNull(response, "response")), Optional.empty());
    }

    /**
     * A row that failed.
     *
     * @param customId the id
     * @param error why
     * @return the row
     */
    public static BatchChatRow failed(String customId, BatchError error) {
        return new BatchChatRow(customId, Optional.empty(), Optional.of(Objects.requireNonNull(error, "error")));
    }

    /**
     * Tells whether the row got an answer.
     *
     * @return true when {@link #response()} is present
     */
    public boolean isSuccess() {
        return response.isPresent();
    }
}
