package io.github.finetune4j.azure.support;

import io.github.finetune4j.azure.identity.AccessToken;
import io.github.finetune4j.azure.identity.TokenCredential;
import io.github.finetune4j.azure.identity.TokenRequest;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Hands out {@code token-for-<host of scope>} tokens valid for an hour and records the scopes asked for. */
public final class RecordingCredential implements TokenCredential {
    private final List<String> scopes = new CopyOnWriteArrayList<>();

    @Override
    public AccessToken getToken(TokenRequest request) {
        scopes.add(request.scope());
        return AccessToken.of(tokenFor(request.scope()), Instant.now().plusSeconds(3600));
    }

    /**
     * The token handed out for a scope.
     *
     * @param scope the scope
     * @return for example {@code token-for-management.azure.com}
     */
    public static String tokenFor(String scope) {
        return "token-for-" + java.net.URI.create(scope).getHost();
    }

    /**
     * The scopes asked for, in order.
     *
     * @return the scopes
     */
    public List<String> scopes() {
        return List.copyOf(scopes);
    }
}
