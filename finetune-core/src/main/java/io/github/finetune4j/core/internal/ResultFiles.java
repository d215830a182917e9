package io.github.finetune4j.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Result files (metrics CSV) arrive plain or base64-encoded; this returns the CSV bytes either way. */
public final class ResultFiles {
    private ResultFiles() {
    }

    /**
     * Decodes a result file when it is base64 text, otherwise returns it unchanged.
     *
     * @param content the downloaded bytes
     * @return the CSV bytes
     */
    public static byte[] decode(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 64), StandardCharsets.UTF_8).trim();
        if (head.isEmpty() || head.startsWith("step") || head.contains(",")) {
            return content;
        }
        try {
            byte[] decoded = Base64.getMimeDecoder().decode(new String(content, StandardCharsets.US_ASCII).trim());
            String decodedHead = new String(decoded, 0, Math.min(decoded.length, 16), StandardCharsets.UTF_8);
            return decodedHead.startsWith("step") ? decoded : content;
        } catch (IllegalArgumentException e) {
            return content;
        }
    }
}
