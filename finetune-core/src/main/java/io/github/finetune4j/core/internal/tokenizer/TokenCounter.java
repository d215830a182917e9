package io.github.finetune4j.core.internal.tokenizer;

/**
 * Counts the tokens of ordinary text (no special tokens, no chat template) for one tokenizer. Thread-safe.
 */
public interface TokenCounter {
    /**
     * Counts the tokens of a text.
     *
     * @param text the text
     * @param budget asked during long counts
     * @return the number of tokens, or {@link PriorityBpe#OVER_BUDGET} if the budget ran out first
     */
    int count(String text, WorkBudget budget);

    /**
     * The tokenizer's name, for reports: {@code o200k_base}, or the model a {@code tokenizer.json} belongs to.
     *
     * @return the name
     */
    String name();
}
