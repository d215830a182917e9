package io.github.finetune4j.core;

import io.github.finetune4j.core.model.ChatRequest;

import java.util.Objects;

/**
 * One request of a batch: a chat completion and the id its answer comes back under.
 *
 * @param customId an id unique within the batch (1 to 64 characters), for example an example id
 * @param request the chat completion to run; on Azure its model is the global-batch deployment
 */
public record BatchChatRequest(String customId, ChatRequest request) {
    /** Longest custom id the providers accept. */
    public static final int MAX_CUSTOM_ID_LENGTH = 64;

    /**
     * Validates the components.
     *
     * @param customId an id unique within the batch, 1 to 64 characters
     * @param request the chat completion to run
     */
    public BatchChatRequest {
        Objects.requireNonNull(customId, "customId");
        Objects.requireNonNull(request, "request");
        if (customId.isBlank() || customId.length() > MAX_CUSTOM_ID_LENGTH) {
            throw new IllegalArgumentException("customId must have 1 to " + MAX_CUSTOM_ID_LENGTH
                    + " characters: '" + customId + "'");
        }
    }

    /**
     * Pairs an id with a request.
     *
     * @param customId the id
     * @param request the request
     * @return the batch request
     */
    public static BatchChatRequest of(String customId, ChatRequest request) {
        return new BatchChatRequest(customId, request);
    }
}
