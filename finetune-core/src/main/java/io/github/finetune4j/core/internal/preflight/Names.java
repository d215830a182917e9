package io.github.finetune4j.core.internal.preflight;

import com.fasterxml.jackson.databind.JsonNode;

/** Small helpers for issue messages: short, never whole dataset values. */
final class Names {
    private static final int MAX_SHOWN = 40;

    private Names() {
    }

    /** A short quoted form of a key, role or function name taken from the data. */
    static String quote(String value) {
        String v = value.length() > MAX_SHOWN ? value.substring(0, MAX_SHOWN) + "..." : value;
        StringBuilder sb = new StringBuilder(v.length() + 2).append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            sb.append(c < 0x20 ? '?' : c);
        }
        return sb.append('"').toString();
    }

    /** The JSON type of a node, for messages such as "must be a string, not a number". */
    static String type(JsonNode node) {
        switch (node.getNodeType()) {
            case ARRAY:
                return "an array";
            case OBJECT:
                return "an object";
            case STRING:
                return "a string";
            case NUMBER:
                return "a number";
            case BOOLEAN:
                return "a boolean";
            case NULL:
                return "null";
            default:
                return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Whether a function name matches {@code ^[a-zA-Z0-9_-]{1,64}$}. */
    static boolean validFunctionName(String name) {
        if (name.isEmpty() || name.length() > 64) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
