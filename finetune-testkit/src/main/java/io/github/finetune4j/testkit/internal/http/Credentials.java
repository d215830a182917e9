package io.github.finetune4j.testkit.internal.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The one secret the emulator accepts, as a bearer token or an {@code api-key} header value, compared in
 * constant time. Every dialect checks its callers with it.
 */
public final class Credentials {

    private final byte[] digest;

    /**
     * Creates the check.
     *
     * @param key the one key accepted
     */
    public Credentials(String key) {
        this.digest = sha256(key);
    }

    /**
     * Tells whether a given key is the accepted one.
     *
     * @param given the key as sent, or null
     * @return true when it matches
     */
    public boolean matches(String given) {
        return given != null && MessageDigest.isEqual(sha256(given.strip()), digest);
    }

    /**
     * Checks a request's {@code Authorization: Bearer <key>} header.
     *
     * @param request the request
     * @param missing the error when there is no bearer token
     * @param wrong the error when the token is not the key
     * @throws ApiError {@code missing} or {@code wrong}
     */
    public void requireBearer(Request request, ApiError missing, ApiError wrong) {
        String token = bearer(request.header("authorization"));
        if (token == null) {
            throw missing;
        }
        if (!matches(token)) {
            throw wrong;
        }
    }

    /**
     * Returns the token of an {@code Authorization: Bearer <token>} header.
     *
     * @param authorization the header value, or null
     * @return the token, or null when the header is missing, not {@code Bearer}, or empty
     */
    public static String bearer(String authorization) {
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
