package io.github.finetune4j.core.internal.preflight;

/**
 * What the pre-flight knows about one string: its token count, its personal-data matches and any special token.
 * Immutable except for {@link #hits}, a racy popularity counter used only by
 * {@link TextCache}.
 */
final class TextInfo {
    final String text;
    /** Tokens, or -1 when counting ran out of budget. */
    final int tokens;
    final PiiMatch[] matches;
    final boolean scanned;
    final String specialToken;
    int hits;

    TextInfo(String text, int tokens, PiiMatch[] matches, boolean scanned, String specialToken) {
        this.text = text;
        this.tokens = tokens;
        this.matches = matches;
        this.scanned = scanned;
        this.specialToken = specialToken;
    }

    boolean hasPii() {
        return matches.length > 0;
    }
}
