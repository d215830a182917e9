package io.github.finetune4j.azure.identity.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.finetune4j.azure.identity.AccessToken;
import io.github.finetune4j.core.error.ApiException;
import io.github.finetune4j.core.error.AuthenticationException;
import io.github.finetune4j.core.error.ResponseFormatException;
import io.github.finetune4j.core.spi.HttpBody;
import io.github.finetune4j.core.spi.HttpCall;
import io.github.finetune4j.core.spi.HttpResult;
import io.github.finetune4j.core.spi.HttpStack;
import io.github.finetune4j.core.spi.ProviderContext;
import io.github.finetune4j.core.spi.RetryMode;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Asks a token service (Entra ID, IMDS, the App Service identity endpoint) for an access token through the core
 * transport: the same timeouts, retries (token requests create nothing, so they are repeated like GETs; managed
 * identity also on 404 and 410, which IMDS answers while it updates), logging and redaction as every other request.
 * Every refusal becomes an {@link AuthenticationException} (Entra answers a bad secret with 400). Secrets sent in a
 * form or a header never appear in messages. Thread-safe.
 */
public final class TokenEndpoint {
    /** Request timeout: 30 seconds. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String plane;
    private final ProviderContext http;
    private final List<Integer> extraRetryable;

    private TokenEndpoint(String plane, HttpStack stack, List<Integer> extraRetryable) {
        this.plane = plane;
        this.http = stack.context();
        this.extraRetryable = extraRetryable;
    }

    /**
     * A client for Entra ID's token endpoint (https only).
     *
     * @return the client
     */
    public static TokenEndpoint entra() {
        return new TokenEndpoint(EntraSettings.ENTRA_PLANE, HttpStack.builder(EntraSettings.ENTRA_PLANE)
                .requestTimeout(REQUEST_TIMEOUT).build(), List.of());
    }

    /**
     * A client for a managed identity endpoint: IMDS is plain http on a link-local address and must not be proxied;
     * the caller has checked that the endpoint is loopback or link-local.
     *
     * @return the client
     */
    public static TokenEndpoint managedIdentity() {
        return new TokenEndpoint(EntraSettings.MANAGED_IDENTITY_PLANE,
                HttpStack.builder(EntraSettings.MANAGED_IDENTITY_PLANE).requestTimeout(REQUEST_TIMEOUT)
                        .allowInsecureHttp().directConnection().build(), List.of(404, 410));
    }

    /**
     * Posts a form (Entra ID token endpoint).
     *
     * @param uri the token endpoint
     * @param form the fields, in order
     * @param secrets values in the form that must never appear in messages
     * @return the token
     * @throws AuthenticationException if the service refuses
     */
    public AccessToken postForm(URI uri, Map<String, String> form, List<String> secrets) {
        HttpCall.Builder call = HttpCall.builder("POST", uri).header("Accept", "application/json")
                .body(HttpBody.form(form)).retryMode(RetryMode.IDEMPOTENT);
        secrets.forEach(call::secret);
        return exchange(call);
    }

    /**
     * Sends a GET (managed identity endpoints).
     *
     * @param uri the endpoint with its query
     * @param headers extra headers
     * @param secrets header values that must never appear in messages
     * @return the token
     * @throws AuthenticationException if the service refuses
     */
    public AccessToken get(URI uri, Map<String, String> headers, List<String> secrets) {
        HttpCall.Builder call = HttpCall.builder("GET", uri).header("Accept", "application/json").headers(headers);
        secrets.forEach(call::secret);
        return exchange(call);
    }

    private AccessToken exchange(HttpCall.Builder call) {
        extraRetryable.forEach(call::retryOnStatus);
        HttpResult result;
        try {
            result = http.transport().send(call.build());
        } catch (ApiException e) {
            throw e instanceof AuthenticationException ? e : new AuthenticationException(e.details());
        }
        JsonNode body = parse(result.body());
        return TokenResponses.token(body, http.clock().instant()).orElseThrow(() -> new ResponseFormatException(
                plane + " returned no usable token (access_token and expires_in or expires_on expected)", null,
                plane, result.requestId().orElse(null)));
    }

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : http.objectMapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "TokenEndpoint[" + Objects.toString(plane) + "]";
    }
}
