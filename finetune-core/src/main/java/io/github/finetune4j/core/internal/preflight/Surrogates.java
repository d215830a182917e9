package io.github.finetune4j.core.internal.preflight;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Finds UTF-16 surrogates that do not form a pair: a JSON escape of U+D800 to U+DFFF without its partner, or
 * the three bytes {@code ED A0 80} that encode a surrogate directly (not valid UTF-8). Neither can be encoded as
 * UTF-8 for tokenizing or training. The byte checks are cheap and run on every line; the tree walk that names the
 * field runs only on lines they flag.
 */
final class Surrogates {
    private Surrogates() {
    }

    /**
     * Whether the line holds a JSON escape of a surrogate (U+D800 to U+DFFF) that is not half of an escaped pair.
     *
     * @param b the line
     * @param from its first byte
     * @param to its end
     * @return true if an escape is unpaired
     */
    static boolean hasUnpairedEscape(byte[] b, int from, int to) {
        boolean pendingHigh = false;
        int i = from;
        while (i < to) {
            if (b[i] != '\\') {
                if (pendingHigh) {
                    return true;
                }
                i++;
                continue;
            }
            if (i + 1 >= to) {
                return pendingHigh;
            }
            if (b[i + 1] != 'u' || i + 6 > to) {
                if (pendingHigh) {
                    return true;
                }
                i += 2;
                continue;
            }
            int unit = hex(b, i + 2);
            if (unit >= 0xD800 && unit <= 0xDBFF) {
                if (pendingHigh) {
                    return true;
                }
                pendingHigh = true;
            } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
                if (!pendingHigh) {
                    return true;
                }
                pendingHigh = false;
            } else if (pendingHigh) {
                return true;
            }
            i += 6;
        }
        return pendingHigh;
    }

    private static int hex(byte[] b, int at) {
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(b[at + k], 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    /**
     * Whether every invalid UTF-8 sequence of the line is a surrogate encoded in three bytes ({@code ED A0..BF xx}),
     * so that the line can still be parsed to find the fields holding them.
     *
     * @param b the line
     * @param from its first byte
     * @param to its end
     * @return true if surrogates are the only problem
     */
    static boolean onlyEncodedSurrogates(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int bad = Utf8.firstInvalid(b, i, to);
            if (bad < 0) {
                return true;
            }
            if (bad + 2 >= to || (b[bad] & 0xFF) != 0xED || (b[bad + 1] & 0xE0) != 0xA0 || (b[bad + 2] & 0xC0) != 0x80) {
                return false;
            }
            i = bad + 3;
        }
        return true;
    }

    /**
     * Reports every key and string value holding an unpaired surrogate, with its field path.
     *
     * @param root the parsed line
     * @param ctx the line
     * @return how many were reported
     */
    static int report(JsonNode root, LineContext ctx) {
        return walk(root, "", ctx);
    }

    private static int walk(JsonNode node, String path, LineContext ctx) {
        int found = 0;
        if (node.isTextual()) {
            int at = firstUnpaired(node.textValue());
            if (at >= 0) {
                ctx.error(path, "unpaired_surrogate", "holds the unpaired UTF-16 surrogate U+"
                        + Integer.toHexString(node.textValue().charAt(at)).toUpperCase(java.util.Locale.ROOT)
                        + " at character " + (at + 1) + ", which has no UTF-8 encoding; remove it or complete the pair");
                found++;
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                found += walk(node.get(i), path + "[" + i + "]", ctx);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String field = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (firstUnpaired(e.getKey()) >= 0) {
                    ctx.error(path, "unpaired_surrogate", "a key holds an unpaired UTF-16 surrogate, which has no UTF-8"
                            + " encoding");
                    found++;
                }
                found += walk(e.getValue(), field, ctx);
            }
        }
        return found;
    }

    /**
     * The index of the first unpaired surrogate.
     *
     * @param s a string
     * @return the index, or -1
     */
    static int firstUnpaired(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Writes unpaired surrogates of a serialized JSON line as JSON escapes: {@code getBytes} would turn them into
     * {@code '?'} and hide them, while the escape is found and reported like one read from a file. A surrogate can
     * only occur inside a JSON string, where the escape means the same character.
     *
     * @param json one serialized JSON value
     * @return the same JSON, UTF-8 encodable
     */
    static String escapeUnpaired(String json) {
        if (firstUnpaired(json) < 0) {
            return json;
        }
        StringBuilder sb = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))) {
                sb.append(c).append(json.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
