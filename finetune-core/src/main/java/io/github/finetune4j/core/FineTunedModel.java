package io.github.finetune4j.core;

import io.github.finetune4j.core.model.ChatResponse;
import io.github.finetune4j.core.model.Message;

import java.util.List;
import java.util.Optional;

/**
 * A model to ask: a fine-tuned model, a checkpoint, or any other model of the provider. Immutable; the
 * {@code with...} methods return variants.
 *
 * <pre>{@code
 * FineTunedModel model = client.model(done).withSystemPrompt("Du chattest jetzt mit dem Kundenservice ...");
 * String answer = model.chat("Ich will meinen T-1000 mit Pril reinigen. Geht das?");
 * }</pre>
 */
public interface FineTunedModel {
    /**
     * The model name sent to the provider.
     *
     * @return for example {@code ft:gpt-4o-mini-2024-07-18:org:t1000:abc123}
     */
    String name();

    /**
     * The system prompt put before every question, if set.
     *
     * @return the prompt, or empty
     */
    Optional<String> systemPrompt();

    /**
     * A variant that puts a system prompt before every question; use the one the model was trained with.
     *
     * @param prompt the system prompt
     * @return a new model handle
     */
    FineTunedModel withSystemPrompt(String prompt);

    /**
     * A variant with a sampling temperature.
     *
     * @param temperature 0 to 2
     * @return a new model handle
     * @throws IllegalArgumentException if out of range
     */
    FineTunedModel withTemperature(double temperature);

    /**
     * A variant that limits the answer's length.
     *
     * @param maxTokens positive
     * @return a new model handle
     * @throws IllegalArgumentException if not positive
     */
    FineTunedModel withMaxTokens(int maxTokens);

    /**
     * Asks one question (after the system prompt, if set) and returns the answer's text.
     *
     * @param question the user message
     * @return the answer text
     * @throws io.github.finetune4j.core.error.FineTuneException if the provider refuses or cannot be reached
     */
    String chat(String question);

    /**
     * Sends a conversation (after the system prompt, if set and the conversation has none).
     *
     * @param messages the conversation
     * @return the full answer with usage
     * @throws io.github.finetune4j.core.error.FineTuneException if the provider refuses or cannot be reached
     */
    ChatResponse chat(List<Message> messages);
}
