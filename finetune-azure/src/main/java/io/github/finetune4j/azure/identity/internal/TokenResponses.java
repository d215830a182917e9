package io.github.finetune4j.azure.identity.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.finetune4j.azure.identity.AccessToken;

import java.time.Instant;
import java.util.Optional;

/**
 * Reads token endpoint answers: Entra ID ({@code access_token}, {@code expires_in} as a number) and managed identity
 * ({@code expires_on} / {@code expires_in} as strings), and OAuth error bodies ({@code error},
 * {@code error_description}) or Azure envelopes ({@code {"error":{"code","message"}}}).
 */
final class TokenResponses {
    private TokenResponses() {
    }

    /** The token, or empty if the body holds none or no usable expiry. */
    static Optional<AccessToken> token(JsonNode body, Instant now) {
        if (body == null || !body.isObject()) {
            return Optional.empty();
        }
        String token = text(body, "access_token");
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Optional<Long> expiresOn = number(body.get("expires_on"));
        if (expiresOn.isPresent()) {
            return Optional.of(AccessToken.of(token, Instant.ofEpochSecond(expiresOn.get())));
        }
        return number(body.get("expires_in")).map(s -> AccessToken.of(token, now.plusSeconds(s)));
    }

    /** The exception for a refused token request; the message is scrubbed of the given secrets. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    private static Optional<Long> number(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return Optional.of(node.asLong());
        }
        if (node.isTextual()) {
            try {
                return Optional.of(Long.parseLong(node.asText().trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
