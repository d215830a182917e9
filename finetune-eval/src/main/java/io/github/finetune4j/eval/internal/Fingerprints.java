package io.github.finetune4j.eval.internal;

import io.github.finetune4j.core.model.Message;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** A SHA-256 over what a request sends, so a cached answer is reused only for the very same request. */
public final class Fingerprints {
    private Fingerprints() {
    }

    /**
     * The fingerprint of a chat request.
     *
     * @param model the model name
     * @param messages the messages sent
     * @return 64 hex digits
     */
    public static String of(String model, List<Message> messages) {
        MessageDigest digest = sha256();
        update(digest, model);
        for (Message m : messages) {
            update(digest, m.role().name());
            update(digest, m.name().orElse(""));
            update(digest, m.content().orElse(""));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
