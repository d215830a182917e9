package io.github.finetune4j.testkit.internal.azure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The one secret the emulator accepts, as an {@code api-key} header value or as a bearer token, compared in
 * constant time.
 */
final class Credentials {

    private final byte[] digest;

    Credentials(String key) {
        this.digest = sha256(key);
    }

    boolean matches(String given) {
        return given != null && MessageDigest.isEqual(sha256(given.strip()), digest);
    }

    /** Returns the token of an {@code Authorization: Bearer <token>} header, or null. */
    static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
