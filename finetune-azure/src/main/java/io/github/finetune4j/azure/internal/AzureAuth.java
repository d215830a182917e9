package io.github.finetune4j.azure.internal;

import io.github.finetune4j.azure.identity.TokenCredential;
import io.github.finetune4j.azure.identity.TokenRequest;
import io.github.finetune4j.core.ApiKey;
import io.github.finetune4j.core.spi.HttpCall;

import java.util.Objects;

/**
 * How data-plane requests authenticate: the {@code api-key} header, or {@code Authorization: Bearer} with an Entra
 * ID token for one scope (cached and refreshed by the credential). Prints without secrets.
 */
public final class AzureAuth {
    private final ApiKey apiKey;
    private final TokenCredential credential;
    private final TokenRequest scope;

    private AzureAuth(ApiKey apiKey, TokenCredential credential, TokenRequest scope) {
        this.apiKey = apiKey;
        this.credential = credential;
        this.scope = scope;
    }

    /**
     * Authenticates with a key.
     *
     * @param key the key
     * @return the auth
     */
    public static AzureAuth apiKey(ApiKey key) {
        return new AzureAuth(Objects.requireNonNull(key, "key"), null, null);
    }

    /**
     * Authenticates with bearer tokens.
     *
     * @param credential the credential, already caching
     * @param scope the scope to ask for
     * @return the auth
     */
    public static AzureAuth bearer(TokenCredential credential, TokenRequest scope) {
        return new AzureAuth(null, Objects.requireNonNull(credential, "credential"),
                Objects.requireNonNull(scope, "scope"));
    }

    /**
     * Adds the authentication header to a request; may fetch a token.
     *
     * @param call the request being built
     * @return the same builder
     */
    public HttpCall.Builder apply(HttpCall.Builder call) {
        if (apiKey != null) {
            return call.header("api-key", apiKey.reveal());
        }
        return call.header("Authorization", "Bearer " + credential.getToken(scope).token().reveal());
    }

    /**
     * Tells whether this uses Entra ID tokens.
     *
     * @return true for bearer tokens
     */
    public boolean isBearer() {
        return credential != null;
    }

    @Override
    public String toString() {
        return apiKey != null ? "api-key REDACTED" : "bearer token for " + scope.scope();
    }
}
