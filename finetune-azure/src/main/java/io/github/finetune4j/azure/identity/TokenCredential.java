package io.github.finetune4j.azure.identity;

/**
 * Gets Microsoft Entra ID access tokens, one scope per call. The SDK asks with
 * {@link TokenRequest#COGNITIVE_SERVICES_SCOPE} for the data plane and {@link TokenRequest#MANAGEMENT_SCOPE} for
 * Azure Resource Manager, and caches the answers with {@link CachingTokenCredential} (refreshed before they
 * expire), so an implementation may simply fetch a new token on every call.
 *
 * <p>Built in, with no dependency on azure-identity: {@link ClientSecretCredential} (service principal),
 * {@link WorkloadIdentityCredential} (federated token file, for example on AKS or in GitHub Actions) and
 * {@link ManagedIdentityCredential} (IMDS on VMs, and App Service / Functions / Container Apps). Users of
 * azure-identity adapt its credentials in three lines:
 *
 * <pre>{@code
 * com.azure.core.credential.TokenCredential azure = new DefaultAzureCredentialBuilder().build();
 * TokenCredential credential = request -> {
 *     var t = azure.getTokenSync(new TokenRequestContext().addScopes(request.scope()));
 *     return AccessToken.of(t.getToken(), t.getExpiresAt().toInstant());
 * };
 * }</pre>
 *
 * <p>Implementations must be thread-safe. They must never put a token or a secret into an exception message or a
 * log; failures of the token service are reported as
 * {@link io.github.finetune4j.core.error.AuthenticationException}.
 */
@FunctionalInterface
public interface TokenCredential {
    /**
     * Gets a token. May perform I/O and block.
     *
     * @param request the scope the token is for
     * @return a token valid for that scope, never null
     * @throws io.github.finetune4j.core.error.AuthenticationException if the token service refused
     * @throws io.github.finetune4j.core.error.FineTuneException if the token could not be obtained otherwise
     */
    AccessToken getToken(TokenRequest request);

    /**
     * This credential with tokens cached per scope and refreshed before they expire; returns the credential itself
     * if it already caches.
     *
     * @param credential the credential
     * @return a caching credential
     * @throws NullPointerException if {@code credential} is null
     */
    static TokenCredential cached(TokenCredential credential) {
        return CachingTokenCredential.of(credential);
    }
}
