package io.github.finetune4j.core.spi;

import io.github.finetune4j.core.model.ChatRequest;
import io.github.finetune4j.core.model.ChatResponse;

/** Asking a model. One HTTP exchange per call; implementations are thread-safe. */
public interface ChatOperations {
    /**
     * Asks a model.
     *
     * @param request the conversation; its model is a model name, or a deployment name where the provider answers
     *     through deployments
     * @return the answer
     */
    ChatResponse chat(ChatRequest request);
}
