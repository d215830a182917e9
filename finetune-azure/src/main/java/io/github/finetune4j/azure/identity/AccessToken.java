package io.github.finetune4j.azure.identity;

import io.github.finetune4j.core.ApiKey;

import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token and the instant it expires. The token is held as an {@link ApiKey}, so this record prints as
 * {@code AccessToken[token=ApiKey[REDACTED], expiresAt=...]} and never shows the token.
 *
 * @param token the token, sent as {@code Authorization: Bearer <token>}
 * @param expiresAt when the token stops being accepted
 */
public record AccessToken(ApiKey token, Instant expiresAt) {
    /**
     * Validates the components.
     *
     * @param token the token, sent as {@code Authorization: Bearer <token>}
     * @param expiresAt when the token stops being accepted
     */
    public AccessToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * Wraps a token string at once.
     *
     * @param token the token, not blank
     * @param expiresAt when it expires
     * @return the token
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code token} is blank
     */
    public static AccessToken of(String token, Instant expiresAt) {
        return new AccessToken(ApiKey.of(Objects.requireNonNull(token, "token")), expiresAt);
    }

    /**
     * Tells whether the token has expired at an instant.
     *
     * @param now the instant to check
     * @return true if {@code now} is at or after {@link #expiresAt()}
     */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
