package io.github.finetune4j.core.internal.preflight;

import com.knuddels.jtokkit.api.Encoding;

/**
 * Counts the tokens of a string (as tiktoken's {@code encode} does for text without special tokens), scans it for
 * personal data and looks for special tokens, with a {@link TextCache} in front. Thread-safe.
 */
final class TextAnalyzer {
    private static final TextInfo EMPTY = new TextInfo("", 0, PiiScanner.NONE, true, null);

    private final Encoding encoding;
    private final boolean scanPii;
    private final TextCache cache = new TextCache();

    TextAnalyzer(Encoding encoding, boolean scanPii) {
        this.encoding = encoding;
        this.scanPii = scanPii;
    }

    /**
     * Analyses a string.
     *
     * @param text the string
     * @param scan whether personal data should be looked for (when the run scans at all)
     * @return what is known about it
     */
    TextInfo analyze(String text, boolean scan) {
        if (text.isEmpty()) {
            return EMPTY;
        }
        boolean wantScan = scan && scanPii;
        TextInfo cached = cache.get(text);
        if (cached != null && (cached.scanned || !wantScan)) {
            return cached;
        }
        int tokens = cached != null ? cached.tokens : encoding.countTokensOrdinary(text);
        PiiMatch[] matches = wantScan ? PiiScanner.scan(text) : PiiScanner.NONE;
        TextInfo info = new TextInfo(text, tokens, matches, wantScan, SpecialTokens.find(text));
        cache.put(info);
        return info;
    }

    /**
     * Counts tokens only (no scan, no cache): for the bare-counting baseline and tests.
     *
     * @param text the string
     * @return the token count
     */
    int count(String text) {
        return encoding.countTokensOrdinary(text);
    }
}
