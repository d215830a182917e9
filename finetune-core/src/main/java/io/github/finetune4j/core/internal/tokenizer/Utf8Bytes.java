package io.github.finetune4j.core.internal.tokenizer;

/**
 * UTF-8 encoding of a range of a string without copying the range into a new string first. An unpaired surrogate
 * becomes {@code '?'}, as {@link String#getBytes(java.nio.charset.Charset)} does (the pre-flight reports such
 * strings as errors before their counts matter).
 */
final class Utf8Bytes {
    private Utf8Bytes() {
    }

    /**
     * The UTF-8 length of {@code s[start, end)}.
     *
     * @param s the string
     * @param start the first char
     * @param end the end, exclusive
     * @return the length in bytes
     */
    static int length(CharSequence s, int start, int end) {
        int length = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1))) {
                length += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                length++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    /**
     * Encodes {@code s[start, end)}.
     *
     * @param s the string
     * @param start the first char
     * @param end the end, exclusive
     * @return the bytes, exactly as long as needed
     */
    static byte[] encode(CharSequence s, int start, int end) {
        byte[] out = new byte[length(s, start, end)];
        int o = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[o++] = (byte) c;
            } else if (c < 0x800) {
                out[o++] = (byte) (0xC0 | c >> 6);
                out[o++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[o++] = (byte) (0xF0 | cp >> 18);
                out[o++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[o++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[o++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                out[o++] = '?';
            } else {
                out[o++] = (byte) (0xE0 | c >> 12);
                out[o++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[o++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return out;
    }
}
