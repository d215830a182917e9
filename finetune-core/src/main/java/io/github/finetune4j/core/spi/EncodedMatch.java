package io.github.finetune4j.core.spi;

import java.nio.charset.StandardCharsets;

/**
 * Finds a known value in a text however it was written back: each character of the value may appear as itself,
 * percent-encoded (its UTF-8 bytes, hex digits in either case; {@code +} for a space) or JSON-escaped
 * ({@code \\/}, {@code \\"}, {@code \\\\}, {@code \\n} ..., {@code \\uXXXX}). A loop over the value, no regular
 * expressions, so long values such as JSON Web Tokens cost no stack (only a {@code %} or backslash in the value
 * recurses). Stateless.
 */
final class EncodedMatch {
    private EncodedMatch() {
    }

    /**
     * Matches a value at a position.
     *
     * @param text the text
     * @param at where the value would start
     * @param value the value
     * @return the index just after the match, or -1 when the value (in any of its forms) does not start at {@code at}
     */
    static int end(String text, int at, String value) {
        return end(text, at, value, 0);
    }

    /**
     * Matches the value from its index {@code from} on. A {@code %} or a backslash in the value is ambiguous where
     * the text has the same character: it is either the start of an escape of it ({@code %25}, {@code \\}) or that
     * character itself; the escaped reading, the longer one, is tried first and the literal one when the rest of the
     * value does not follow it. Only those characters
     * recurse, so the depth is the number of them in the value, not its length.
     */
    private static int end(String text, int at, String value, int from) {
        int t = at;
        for (int v = from; v < value.length(); ) {
            int cp = value.codePointAt(v);
            int next = v + Character.charCount(cp);
            if ((cp == '%' || cp == '\\') && t < text.length() && text.charAt(t) == cp) {
                int escaped = cp == '%' ? percentEncoded(text, t, cp) : jsonEscaped(text, t, cp);
                int rest = escaped < 0 ? -1 : end(text, escaped, value, next);
                if (rest >= 0) {
                    return rest;
                }
                t = t + 1;
            } else {
                t = character(text, t, cp);
            }
            if (t < 0) {
                return -1;
            }
            v = next;
        }
        return t;
    }

    /** Matches one character of the value at {@code t}; the index after it, or -1. */
    private static int character(String text, int t, int cp) {
        if (t >= text.length()) {
            return -1;
        }
        if (text.codePointAt(t) == cp) {
            return t + Character.charCount(cp);
        }
        char c = text.charAt(t);
        if (c == '+' && cp == ' ') {
            return t + 1;
        }
        if (c == '%') {
            return percentEncoded(text, t, cp);
        }
        if (c == '\\') {
            return jsonEscaped(text, t, cp);
        }
        return -1;
    }

    private static int percentEncoded(String text, int t, int cp) {
        int p = t;
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
            int octet = hexByte(text, p);
            if (octet != (b & 0xff)) {
                return -1;
            }
            p += 3;
        }
        return p;
    }

    /** The byte written as {@code %XX} at {@code p}, or -1. */
    private static int hexByte(String text, int p) {
        if (p + 3 > text.length() || text.charAt(p) != '%') {
            return -1;
        }
        int hi = Character.digit(text.charAt(p + 1), 16);
        int lo = Character.digit(text.charAt(p + 2), 16);
        return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
    }

    private static int jsonEscaped(String text, int t, int cp) {
        if (t + 1 >= text.length()) {
            return -1;
        }
        char e = text.charAt(t + 1);
        if (e == 'u') {
            int p = t;
            for (char unit : Character.toChars(cp)) {
                if (p + 6 > text.length() || text.charAt(p) != '\\' || text.charAt(p + 1) != 'u') {
                    return -1;
                }
                int value = 0;
                for (int k = p + 2; k < p + 6; k++) {
                    int d = Character.digit(text.charAt(k), 16);
                    if (d < 0) {
                        return -1;
                    }
                    value = value * 16 + d;
                }
                if (value != unit) {
                    return -1;
                }
                p += 6;
            }
            return p;
        }
        int plain;
        switch (e) {
            case 'b': plain = '\b'; break;
            case 'f': plain = '\f'; break;
            case 'n': plain = '\n'; break;
            case 'r': plain = '\r'; break;
            case 't': plain = '\t'; break;
            case '/': case '"': case '\\': plain = e; break;
            default: return -1;
        }
        return plain == cp ? t + 2 : -1;
    }
}
