package io.github.finetune4j.core.internal.preflight;

import io.github.finetune4j.core.internal.tokenizer.TokenCounter;
import io.github.finetune4j.core.internal.tokenizer.WorkBudget;

/**
 * Counts the tokens of a string (ordinary text without special tokens, as tiktoken's {@code encode} counts it, or
 * the tokenizer's own rule), scans it for personal data and looks for special tokens, with a {@link TextCache} in
 * front. Thread-safe.
 */
final class TextAnalyzer {
    private static final TextInfo EMPTY = new TextInfo("", 0, PiiScanner.NONE, true, null);

    private final TokenCounter counter;
    private final boolean scanPii;
    private final SpecialTokens special;
    private final TextCache cache = new TextCache();

    TextAnalyzer(TokenCounter counter, boolean scanPii) {
        this(counter, scanPii, new SpecialTokens(TokenizerChoice.OPENAI_SPECIAL_TOKENS));
    }

    TextAnalyzer(TokenCounter counter, boolean scanPii, SpecialTokens special) {
        this.counter = counter;
        this.scanPii = scanPii;
        this.special = special;
    }

    /**
     * Analyses a string.
     *
     * @param text the string
     * @param scan whether personal data should be looked for (when the run scans at all)
     * @param budget what counting this string may spend
     * @return what is known about it; its tokens are {@code -1} when the budget ran out
     */
    TextInfo analyze(String text, boolean scan, WorkBudget budget) {
        if (text.isEmpty()) {
            return EMPTY;
        }
        boolean wantScan = scan && scanPii;
        TextInfo cached = cache.get(text);
        if (cached != null && (cached.scanned || !wantScan)) {
            return cached;
        }
        int tokens = cached != null ? cached.tokens : counter.count(text, budget);
        PiiMatch[] matches = wantScan ? PiiScanner.scan(text) : PiiScanner.NONE;
        TextInfo info = new TextInfo(text, tokens, matches, wantScan, special.find(text));
        if (tokens >= 0) {
            cache.put(info);
        }
        return info;
    }

    /**
     * Counts tokens only (no scan, no cache): for the bare-counting baseline and tests.
     *
     * @param text the string
     * @return the token count
     */
    int count(String text) {
        return counter.count(text, WorkBudget.UNLIMITED);
    }
}
