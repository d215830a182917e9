package io.github.finetune4j.core.internal.tokenizer;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns the pre-tokenizer patterns of {@code tokenizer.json} files (written for the Rust library's Oniguruma
 * engine) into Java patterns with the same meaning. The byte-level models' patterns use only constructs that mean
 * the same in both once Java is told that {@code \s}, {@code \w} and {@code \d} are Unicode classes
 * ({@link Pattern#UNICODE_CHARACTER_CLASS}, which also makes {@code (?i)} fold case by Unicode rules, so that
 * {@code (?i:'s)} matches {@code 'S} and {@code 'ſ} as in Oniguruma): {@code \p{L}}, {@code \p{N}} and the other
 * general categories, possessive quantifiers ({@code ?+}, {@code ++}), atomic groups and look-ahead. What differs
 * is rewritten: Oniguruma's {@code \h} (a hex digit; Java's is horizontal space), POSIX brackets such as
 * {@code [[:alpha:]]}, negated properties ({@code \p{^L}}) and script names without Java's {@code Is} prefix
 * ({@code \p{Han}}).
 */
final class RegexTranslation {
    private RegexTranslation() {
    }

    /**
     * Compiles an Oniguruma pattern as Java.
     *
     * @param onig the pattern from the file
     * @return the Java pattern
     * @throws IllegalArgumentException if the pattern uses something Java cannot express the same way
     */
    static Pattern compile(String onig) {
        String java = translate(onig);
        try {
            return Pattern.compile(java, Pattern.UNICODE_CHARACTER_CLASS);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("the pre-tokenizer pattern cannot be read as a Java pattern: "
                    + e.getDescription() + " at index " + e.getIndex(), e);
        }
    }

    static String translate(String onig) {
        StringBuilder out = new StringBuilder(onig.length() + 16);
        int i = 0;
        while (i < onig.length()) {
            char c = onig.charAt(i);
            if (c == '\\' && i + 1 < onig.length()) {
                char n = onig.charAt(i + 1);
                if (n == 'h') {
                    out.append("[0-9a-fA-F]");
                    i += 2;
                    continue;
                }
                if (n == 'H') {
                    out.append("[^0-9a-fA-F]");
                    i += 2;
                    continue;
                }
                if ((n == 'p' || n == 'P') && i + 2 < onig.length() && onig.charAt(i + 2) == '{') {
                    int close = onig.indexOf('}', i + 3);
                    if (close > 0) {
                        String name = onig.substring(i + 3, close);
                        char letter = n;
                        if (name.startsWith("^")) {
                            name = name.substring(1);
                            letter = n == 'p' ? 'P' : 'p';
                        }
                        out.append('\\').append(letter).append('{').append(property(name)).append('}');
                        i = close + 1;
                        continue;
                    }
                }
                out.append(c).append(n);
                i += 2;
                continue;
            }
            if (c == '[' && onig.startsWith("[:", i)) {
                int close = onig.indexOf(":]", i + 2);
                if (close > 0) {
                    out.append(posix(onig.substring(i + 2, close)));
                    i = close + 2;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String property(String name) {
        if (compiles("\\p{" + name + "}")) {
            return name;
        }
        if (compiles("\\p{Is" + name + "}")) {
            return "Is" + name;
        }
        throw new IllegalArgumentException("the pre-tokenizer pattern uses the property \\p{" + name
                + "}, which Java does not know");
    }

    private static boolean compiles(String pattern) {
        try {
            Pattern.compile(pattern);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static String posix(String name) {
        switch (name) {
            case "alpha":
                return "\\p{Alpha}";
            case "digit":
                return "\\p{Digit}";
            case "alnum":
                return "\\p{Alnum}";
            case "upper":
                return "\\p{Upper}";
            case "lower":
                return "\\p{Lower}";
            case "space":
                return "\\s";
            case "punct":
                return "\\p{Punct}";
            case "xdigit":
                return "0-9a-fA-F";
            default:
                throw new IllegalArgumentException("the pre-tokenizer pattern uses [:" + name + ":], which is not"
                        + " supported");
        }
    }
}
