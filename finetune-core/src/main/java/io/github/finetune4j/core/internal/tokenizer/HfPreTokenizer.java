package io.github.finetune4j.core.internal.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pre-tokenizer of a byte-level BPE {@code tokenizer.json}: {@code Split} by a pattern, {@code ByteLevel}, or a
 * {@code Sequence} of them, applied as the Hugging Face library applies them: each step cuts every piece the
 * previous step left. {@code ByteLevel} turns bytes into its printable alphabet, which changes nothing for counting,
 * but its {@code add_prefix_space} puts a space before every piece that does not start with one, and its
 * {@code use_regex} cuts with GPT-2's pattern. Other pre-tokenizers are refused when the file is read.
 */
final class HfPreTokenizer {
    /** GPT-2's pattern, which {@code ByteLevel} applies when {@code use_regex} is true. */
    static final String GPT2_PATTERN = "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";

    /** One step. */
    private interface Step {
        void apply(String piece, List<String> out);
    }

    private enum Behavior { ISOLATED, REMOVED, MERGED_WITH_PREVIOUS, MERGED_WITH_NEXT }

    private final List<Step> steps;

    private HfPreTokenizer(List<Step> steps) {
        this.steps = steps;
    }

    /**
     * Reads the {@code pre_tokenizer} section.
     *
     * @param node the section, or null / JSON null for none (the whole text is one piece)
     * @return the pre-tokenizer
     * @throws IllegalArgumentException for a pre-tokenizer this reader does not implement
     */
    static HfPreTokenizer of(JsonNode node) {
        List<Step> steps = new ArrayList<>();
        if (node != null && !node.isNull()) {
            add(node, steps);
        }
        return new HfPreTokenizer(List.copyOf(steps));
    }

    private static void add(JsonNode node, List<Step> steps) {
        String type = node.path("type").asText("");
        switch (type) {
            case "Sequence":
                for (JsonNode step : node.path("pretokenizers")) {
                    add(step, steps);
                }
                break;
            case "Split":
                steps.add(split(node));
                break;
            case "ByteLevel":
                boolean prefix = node.path("add_prefix_space").asBoolean(false);
                boolean regex = node.path("use_regex").asBoolean(true);
                Step gpt2 = regex ? split(RegexTranslation.compile(GPT2_PATTERN), Behavior.ISOLATED) : null;
                steps.add((piece, out) -> {
                    String p = prefix && !piece.startsWith(" ") ? " " + piece : piece;
                    if (gpt2 != null) {
                        gpt2.apply(p, out);
                    } else {
                        out.add(p);
                    }
                });
                break;
            default:
                throw new IllegalArgumentException("the pre-tokenizer \"" + type + "\" is not supported (supported:"
                        + " Split, ByteLevel and Sequence, as byte-level BPE models such as Llama 3, Qwen 2.5/3 and"
                        + " Mistral Nemo use them)");
        }
    }

    private static Step split(JsonNode node) {
        if (node.path("invert").asBoolean(false)) {
            throw new IllegalArgumentException("a Split pre-tokenizer with \"invert\": true is not supported");
        }
        JsonNode pattern = node.path("pattern");
        Pattern compiled;
        if (pattern.has("Regex")) {
            compiled = RegexTranslation.compile(pattern.get("Regex").asText());
        } else if (pattern.has("String")) {
            compiled = Pattern.compile(Pattern.quote(pattern.get("String").asText()));
        } else {
            throw new IllegalArgumentException("a Split pre-tokenizer needs a \"Regex\" or \"String\" pattern");
        }
        String behavior = node.path("behavior").asText("Isolated");
        switch (behavior) {
            case "Isolated":
                return split(compiled, Behavior.ISOLATED);
            case "Removed":
                return split(compiled, Behavior.REMOVED);
            case "MergedWithPrevious":
                return split(compiled, Behavior.MERGED_WITH_PREVIOUS);
            case "MergedWithNext":
                return split(compiled, Behavior.MERGED_WITH_NEXT);
            default:
                throw new IllegalArgumentException("the Split behavior \"" + behavior + "\" is not supported");
        }
    }

    private static Step split(Pattern pattern, Behavior behavior) {
        return (piece, out) -> {
            int last = 0;
            String carry = null;
            for (Matcher m = pattern.matcher(piece); m.find(); ) {
                if (m.end() == m.start()) {
                    continue;
                }
                String gap = piece.substring(last, m.start());
                String match = m.group();
                switch (behavior) {
                    case ISOLATED:
                        addNonEmpty(out, gap);
                        out.add(match);
                        break;
                    case REMOVED:
                        addNonEmpty(out, gap);
                        break;
                    case MERGED_WITH_PREVIOUS:
                        addNonEmpty(out, gap + match);
                        break;
                    default:
                        addNonEmpty(out, carry == null ? gap : carry + gap);
                        carry = match;
                        break;
                }
                last = m.end();
            }
            String rest = piece.substring(last);
            addNonEmpty(out, carry == null ? rest : carry + rest);
        };
    }

    private static void addNonEmpty(List<String> out, String piece) {
        if (!piece.isEmpty()) {
            out.add(piece);
        }
    }

    /**
     * Cuts a (normalized) text into pieces.
     *
     * @param text the text
     * @return the pieces in order
     */
    List<String> pieces(String text) {
        List<String> current = new ArrayList<>(1);
        current.add(text);
        for (Step step : steps) {
            List<String> next = new ArrayList<>(current.size() * 2 + 4);
            for (String piece : current) {
                step.apply(piece, next);
            }
            current = next;
        }
        return current;
    }
}
