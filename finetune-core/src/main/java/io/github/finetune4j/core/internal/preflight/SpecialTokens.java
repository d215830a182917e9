package io.github.finetune4j.core.internal.preflight;

/**
 * The special tokens OpenAI rejects in training text (a job fails after queueing when one occurs).
 */
final class SpecialTokens {
    private static final String[] TOKENS = {
        "<|endoftext|>", "<|fim_prefix|>", "<|fim_middle|>", "<|fim_suffix|>", "<|endofprompt|>"};

    private SpecialTokens() {
    }

    /**
     * The first special token in a text.
     *
     * @param text the text
     * @return the token, or null if there is none
     */
    static String find(String text) {
        int at = text.indexOf("<|");
        while (at >= 0) {
            for (String token : TOKENS) {
                if (text.startsWith(token, at)) {
                    return token;
                }
            }
            at = text.indexOf("<|", at + 2);
        }
        return null;
    }
}
