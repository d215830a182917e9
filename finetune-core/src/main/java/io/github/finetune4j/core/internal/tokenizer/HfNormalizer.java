package io.github.finetune4j.core.internal.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The normalizer of a {@code tokenizer.json}: none, one of the Unicode normal forms ({@code NFC}, {@code NFD},
 * {@code NFKC}, {@code NFKD}), {@code Lowercase}, or a {@code Sequence} of them. Anything else is refused when
 * the file is read, so that no count is silently wrong.
 */
final class HfNormalizer {
    static final HfNormalizer NONE = new HfNormalizer(List.of());

    private final List<UnaryOperator<String>> steps;

    private HfNormalizer(List<UnaryOperator<String>> steps) {
        this.steps = steps;
    }

    /**
     * Reads the {@code normalizer} section.
     *
     * @param node the section, or null / JSON null for none
     * @return the normalizer
     * @throws IllegalArgumentException for a normalizer this reader does not implement
     */
    static HfNormalizer of(JsonNode node) {
        if (node == null || node.isNull()) {
            return NONE;
        }
        List<UnaryOperator<String>> steps = new ArrayList<>();
        add(node, steps);
        return new HfNormalizer(List.copyOf(steps));
    }

    private static void add(JsonNode node, List<UnaryOperator<String>> steps) {
        String type = node.path("type").asText("");
        switch (type) {
            case "NFC":
                steps.add(form(Normalizer.Form.NFC));
                break;
            case "NFD":
                steps.add(form(Normalizer.Form.NFD));
                break;
            case "NFKC":
                steps.add(form(Normalizer.Form.NFKC));
                break;
            case "NFKD":
                steps.add(form(Normalizer.Form.NFKD));
                break;
            case "Lowercase":
                steps.add(s -> s.toLowerCase(Locale.ROOT));
                break;
            case "Sequence":
                for (JsonNode step : node.path("normalizers")) {
                    add(step, steps);
                }
                break;
            default:
                throw new IllegalArgumentException("the normalizer \"" + type + "\" is not supported (supported: NFC,"
                        + " NFD, NFKC, NFKD, Lowercase and Sequence; byte-level BPE models use NFC or none)");
        }
    }

    private static UnaryOperator<String> form(Normalizer.Form form) {
        return s -> isAscii(s) || Normalizer.isNormalized(s, form) ? s : Normalizer.normalize(s, form);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    String apply(String text) {
        String s = text;
        for (UnaryOperator<String> step : steps) {
            s = step.apply(s);
        }
        return s;
    }

    boolean isNone() {
        return steps.isEmpty();
    }
}
