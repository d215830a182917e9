package io.github.finetune4j.testkit.internal.chat;

/**
 * Decides what an emulated model answers. A fine-tuned model answers with the assistant turn of its most similar
 * training question ({@link CharNgramIndex}); a base model answers with a fixed, generic text that says it is an
 * emulation. Deterministic.
 */
public final class ChatResponder {

    private static final int QUOTE_LIMIT = 80;

    private ChatResponder() {
    }

    /**
     * The answer of a fine-tuned model.
     *
     * @param index the model's training index, possibly empty
     * @param question the last user message, or null
     * @return the answer
     */
    public static String fineTuned(CharNgramIndex index, String question) {
        if (index == null || index.isEmpty()) {
            return "I was fine-tuned on examples without a user and assistant turn, so I have nothing to answer "
                    + "with. (FineTuningEmulator: this is an emulation, not a language model.)";
        }
        return index.best(question == null ? "" : question).answer();
    }

    /**
     * The answer of a base model.
     *
     * @param model the model id
     * @param question the last user message, or null
     * @return the answer
     */
    public static String base(String model, String question) {
        String quoted = question == null ? "" : question.strip();
        if (quoted.length() > QUOTE_LIMIT) {
            quoted = quoted.substring(0, QUOTE_LIMIT) + "…";
        }
        return "Hello! This is an emulated " + model + " answering from FineTuningEmulator. It is not a language "
                + "model, so it can only acknowledge your message" + (quoted.isEmpty() ? "" : ": \"" + quoted + "\"")
                + ". Fine-tune a model on your examples to get answers from them.";
    }
}
