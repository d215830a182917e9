package io.github.finetune4j.eval.internal;

import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.core.preflight.TokenEncoding;

import java.util.List;
import java.util.Locale;

/**
 * Exact token counts of chat requests and answers with the model's tiktoken encoding, resolved from the base model
 * ({@link TokenEncoding#forModel(String)}; unknown models are counted with {@code o200k_base}). A prompt is counted
 * with the OpenAI cookbook's formula: 3 tokens per message, plus the tokens of its role, content and name (and 1 for
 * a name), plus 3 tokens that prime the reply. Thread-safe: the encodings are core's, immutable and loaded once.
 */
public final class ChatTokens {
    private static final int TOKENS_PER_MESSAGE = 3;
    private static final int TOKENS_PER_NAME = 1;
    private static final int REPLY_PRIMING = 3;

    private ChatTokens() {
    }

    /**
     * The encoding used for a model.
     *
     * @param model a model name, fine-tuned names included
     * @return the encoding
     */
    public static TokenEncoding encodingOf(String model) {
        return TokenEncoding.forModel(model).orElse(TokenEncoding.O200K_BASE);
    }

    /**
     * The prompt tokens of a chat request.
     *
     * @param model the model the request is for
     * @param messages the messages sent
     * @return the token count
     */
    public static long prompt(String model, List<Message> messages) {
        TokenEncoding encoding = encodingOf(model);
        long total = REPLY_PRIMING;
        for (Message m : messages) {
            total += TOKENS_PER_MESSAGE;
            total += encoding.countTokens(m.role().name().toLowerCase(Locale.ROOT));
            total += m.content().map(encoding::countTokens).orElse(0);
            if (m.name().isPresent()) {
                total += TOKENS_PER_NAME + encoding.countTokens(m.name().get());
            }
        }
        return total;
    }

    /**
     * The tokens of a text, for example an answer.
     *
     * @param model the model that produced or reads it
     * @param text the text
     * @return the token count
     */
    public static long text(String model, String text) {
        return encodingOf(model).countTokens(text);
    }
}
