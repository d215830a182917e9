package io.github.finetune4j.core.internal.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code added_tokens} of a {@code tokenizer.json} ({@code <|im_start|>}, {@code <think>}, ...), split out of
 * a text as the Hugging Face library does when it encodes, with or without {@code add_special_tokens}: each occurrence
 * is one token and the text around it is tokenized on its own. Matching is leftmost-longest; tokens marked
 * {@code normalized: false} are matched in the raw text, the others in the normalized text; {@code lstrip} and
 * {@code rstrip} take the whitespace beside a match into the token, {@code single_word} matches only whole words.
 * Thread-safe.
 */
final class AddedTokens {
    static final AddedTokens NONE = new AddedTokens(List.of());

    /** One added token. */
    static final class Token {
        final String content;
        final boolean special;
        final boolean normalized;
        final boolean lstrip;
        final boolean rstrip;
        final boolean singleWord;

        Token(String content, boolean special, boolean normalized, boolean lstrip, boolean rstrip, boolean singleWord) {
            this.content = content;
            this.special = special;
            this.normalized = normalized;
            this.lstrip = lstrip;
            this.rstrip = rstrip;
            this.singleWord = singleWord;
        }
    }

    /** Receives the parts of a text: plain text to tokenize, or one added token. */
    interface Sink {
        /**
         * Takes a part.
         *
         * @param text the part
         * @param added true if it is one added token (with any whitespace it strips)
         * @return false to stop
         */
        boolean accept(String text, boolean added);
    }

    private final List<Token> tokens;
    private final Map<Character, List<Token>> raw = new HashMap<>();
    private final Map<Character, List<Token>> normalized = new HashMap<>();

    AddedTokens(List<Token> tokens) {
        this.tokens = List.copyOf(tokens);
        for (Token t : tokens) {
            if (t.content.isEmpty()) {
                continue;
            }
            (t.normalized ? normalized : raw).computeIfAbsent(t.content.charAt(0), k -> new ArrayList<>()).add(t);
        }
        Comparator<Token> longestFirst = Comparator.comparingInt((Token t) -> t.content.length()).reversed();
        raw.values().forEach(l -> l.sort(longestFirst));
        normalized.values().forEach(l -> l.sort(longestFirst));
    }

    /**
     * Reads the {@code added_tokens} section.
     *
     * @param node the array, or null
     * @return the tokens
     */
    static AddedTokens of(JsonNode node) {
        if (node == null || !node.isArray()) {
            return NONE;
        }
        List<Token> list = new ArrayList<>();
        for (JsonNode t : node) {
            list.add(new Token(t.path("content").asText(""), t.path("special").asBoolean(false),
                    t.path("normalized").asBoolean(!t.path("special").asBoolean(false)),
                    t.path("lstrip").asBoolean(false), t.path("rstrip").asBoolean(false),
                    t.path("single_word").asBoolean(false)));
        }
        return new AddedTokens(list);
    }

    /** The contents of the tokens marked special, such as {@code <|im_end|>}. */
    List<String> special() {
        List<String> out = new ArrayList<>();
        for (Token t : tokens) {
            if (t.special) {
                out.add(t.content);
            }
        }
        return out;
    }

    boolean hasRaw() {
        return !raw.isEmpty();
    }

    boolean hasNormalized() {
        return !normalized.isEmpty();
    }

    /**
     * Splits a text at the tokens matched in raw text ({@code normalized: false}).
     *
     * @return false if the sink stopped
     */
    boolean splitRaw(String text, Sink sink) {
        return split(text, raw, sink);
    }

    /**
     * Splits a normalized text at the tokens matched after normalization.
     *
     * @return false if the sink stopped
     */
    boolean splitNormalized(String text, Sink sink) {
        return split(text, normalized, sink);
    }

    private static boolean split(String text, Map<Character, List<Token>> byFirst, Sink sink) {
        if (byFirst.isEmpty()) {
            return sink.accept(text, false);
        }
        int done = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            List<Token> candidates = byFirst.get(text.charAt(i));
            if (candidates == null) {
                continue;
            }
            for (Token t : candidates) {
                if (!text.startsWith(t.content, i)) {
                    continue;
                }
                int start = i;
                int end = i + t.content.length();
                if (t.singleWord && (isWordChar(text, start - 1) || isWordChar(text, end))) {
                    continue;
                }
                if (t.lstrip) {
                    while (start > done && Character.isWhitespace(text.charAt(start - 1))) {
                        start--;
                    }
                }
                if (t.rstrip) {
                    while (end < n && Character.isWhitespace(text.charAt(end))) {
                        end++;
                    }
                }
                if (start > done && !sink.accept(text.substring(done, start), false)) {
                    return false;
                }
                if (!sink.accept(text.substring(start, end), true)) {
                    return false;
                }
                done = end;
                i = end - 1;
                break;
            }
        }
        return done >= n || sink.accept(text.substring(done), false);
    }

    private static boolean isWordChar(String text, int at) {
        if (at < 0 || at >= text.length()) {
            return false;
        }
        char c = text.charAt(at);
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
