package io.github.finetune4j.core.internal.preflight;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The special tokens a run's tokenizer and chat template reserve ({@code <|endoftext|>} for OpenAI's encodings,
 * {@code <|im_start|>} for ChatML, ...): training text that holds one is rejected by the provider or teaches the
 * model a broken format. Found with one {@code indexOf} per distinct two-character prefix. Immutable.
 */
final class SpecialTokens {
    private final Map<String, List<String>> byPrefix = new LinkedHashMap<>();

    SpecialTokens(Collection<String> tokens) {
        for (String t : tokens) {
            if (t.length() >= 2) {
                List<String> list = byPrefix.computeIfAbsent(t.substring(0, 2), k -> new ArrayList<>());
                if (!list.contains(t)) {
                    list.add(t);
                }
            }
        }
    }

    /**
     * The leftmost special token in a text.
     *
     * @param text the text
     * @return the token, or null if there is none
     */
    String find(String text) {
        String found = null;
        int foundAt = Integer.MAX_VALUE;
        for (Map.Entry<String, List<String>> e : byPrefix.entrySet()) {
            for (int at = text.indexOf(e.getKey()); at >= 0 && at < foundAt; at = text.indexOf(e.getKey(), at + 1)) {
                String hit = at(text, at, e.getValue());
                if (hit != null) {
                    found = hit;
                    foundAt = at;
                    break;
                }
            }
        }
        return found;
    }

    private static String at(String text, int at, List<String> tokens) {
        for (String token : tokens) {
            if (text.startsWith(token, at)) {
                return token;
            }
        }
        return null;
    }
}
