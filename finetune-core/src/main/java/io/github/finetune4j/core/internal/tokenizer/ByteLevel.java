package io.github.finetune4j.core.internal.tokenizer;

import java.util.Arrays;

/**
 * GPT-2's byte-level alphabet, which byte-level BPE vocabularies are written in: every byte is shown as one
 * printable character ({@code Ġ} for a space, {@code Ċ} for a newline). Counting works on the raw bytes, so only
 * the way back, from a vocabulary entry to its bytes, is needed.
 */
final class ByteLevel {
    private static final int[] BYTE_OF_CHAR = new int[324];

    static {
        Arrays.fill(BYTE_OF_CHAR, -1);
        int next = 256;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            BYTE_OF_CHAR[printable ? b : next++] = b;
        }
    }

    private ByteLevel() {
    }

    /**
     * The bytes a vocabulary entry stands for.
     *
     * @param token an entry written in the byte-level alphabet
     * @return its bytes, or null if a character is outside the alphabet
     */
    static byte[] decode(String token) {
        byte[] out = new byte[token.length()];
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            int b = c < BYTE_OF_CHAR.length ? BYTE_OF_CHAR[c] : -1;
            if (b < 0) {
                return null;
            }
            out[i] = (byte) b;
        }
        return out;
    }
}
