package io.github.finetune4j.core.internal.tokenizer;

/**
 * A cheap upper bound of the longest pre-token a text can hold. Every pre-tokenizer this package knows (tiktoken's
 * and the byte-level BPE models' regular expressions) cuts a text where letters, digits, whitespace and other
 * characters meet, allowing at most a one-character prefix, a short suffix ({@code 's}) and one switch from
 * punctuation to line breaks inside a piece; so a piece holds at most two runs of one character class plus four
 * characters. The bound decides only which path counts a text; both paths count exactly.
 */
final class TextRuns {
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte SPACE = 3;
    private static final byte OTHER = 4;
    private static final byte[] ASCII = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? LETTER : c >= '0' && c <= '9' ? DIGIT
                    : c == ' ' || (c >= '\t' && c <= '\r') ? SPACE : OTHER;
        }
    }

    private TextRuns() {
    }

    /**
     * An upper bound of the UTF-8 length of the longest pre-token of {@code text}.
     *
     * @param text the text
     * @return bytes; at least the true longest piece
     */
    static long longestPieceBound(String text) {
        int n = text.length();
        int longest = 0;
        int run = 0;
        byte previous = 0;
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            byte cls;
            if (c < 128) {
                cls = ASCII[c];
                i++;
            } else {
                int cp = text.codePointAt(i);
                cls = classOf(cp);
                i += Character.charCount(cp);
            }
            if (cls == previous) {
                run++;
            } else {
                longest = Math.max(longest, run);
                run = 1;
                previous = cls;
            }
        }
        longest = Math.max(longest, run);
        return Math.min(3L * n, 4L * (2L * longest + 4));
    }

    private static byte classOf(int cp) {
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER:
            case Character.LOWERCASE_LETTER:
            case Character.TITLECASE_LETTER:
            case Character.MODIFIER_LETTER:
            case Character.OTHER_LETTER:
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.COMBINING_SPACING_MARK:
                return LETTER;
            case Character.DECIMAL_DIGIT_NUMBER:
            case Character.LETTER_NUMBER:
            case Character.OTHER_NUMBER:
                return DIGIT;
            default:
                return isWhiteSpace(cp) ? SPACE : OTHER;
        }
    }

    /** Unicode's White_Space property, which {@code \s} means in the pre-tokenizers' regular expressions. */
    static boolean isWhiteSpace(int cp) {
        return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028
                || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000
                || (cp < 128 && ASCII[cp] == SPACE);
    }
}
