package io.github.finetune4j.azure.identity;

import io.github.finetune4j.azure.identity.internal.TokenEndpoint;
import io.github.finetune4j.core.ApiKey;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Tokens for a service principal with a client secret (OAuth 2.0 client credentials grant against
 * {@code <authority>/<tenant>/oauth2/v2.0/token}). Tokens are cached per scope and refreshed before they expire.
 *
 * <pre>{@code
 * TokenCredential credential = ClientSecretCredential.builder()
 *         .tenantId("contoso.onmicrosoft.com").clientId("00000000-0000-0000-0000-000000000000")
 *         .clientSecret(System.getenv("AZURE_CLIENT_SECRET"))
 *         .build();                                  // or ClientSecretCredential.fromEnvironment()
 * }</pre>
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>setting</th><th>variable</th><th>default</th></tr>
 * <tr><td>tenantId</td><td>{@value #TENANT_ID_ENV}</td><td>none: required</td></tr>
 * <tr><td>clientId</td><td>{@value #CLIENT_ID_ENV}</td><td>none: required</td></tr>
 * <tr><td>clientSecret</td><td>{@value #CLIENT_SECRET_ENV}</td><td>none: required</td></tr>
 * <tr><td>authorityHost</td><td>{@value #AUTHORITY_HOST_ENV}</td><td>{@value #DEFAULT_AUTHORITY_HOST}</td></tr>
 * </table>
 *
 * <p>Thread-safe. Refusals by Entra ID (for example {@code invalid_client}, a wrong secret) are thrown as
 * {@link io.github.finetune4j.core.error.AuthenticationException} with Entra's {@code error_description}; the
 * secret never appears in messages or in {@link #toString()}.
 */
public final class ClientSecretCredential implements TokenCredential, CachesTokens {
    /** The public-cloud authority host, {@value}. */
    public static final String DEFAULT_AUTHORITY_HOST = EntraApplicationBuilder.DEFAULT_AUTHORITY_HOST;
    /** Environment variable of the tenant id, {@value}. */
    public static final String TENANT_ID_ENV = EntraApplicationBuilder.TENANT_ID_ENV;
    /** Environment variable of the client (application) id, {@value}. */
    public static final String CLIENT_ID_ENV = EntraApplicationBuilder.CLIENT_ID_ENV;
    /** Environment variable of the client secret, {@value}. */
    public static final String CLIENT_SECRET_ENV = "AZURE_CLIENT_SECRET";
    /** Environment variable of the authority host, {@value}. */
    public static final String AUTHORITY_HOST_ENV = EntraApplicationBuilder.AUTHORITY_HOST_ENV;

    private final String clientId;
    private final ApiKey secret;
    private final URI tokenUri;
    private final TokenEndpoint endpoint;
    private final CachingTokenCredential cache;

    private ClientSecretCredential(EntraApplicationBuilder.Application application, ApiKey secret) {
        this.clientId = application.clientId();
        this.secret = secret;
        this.tokenUri = application.tokenUri();
        this.endpoint = TokenEndpoint.entra();
        this.cache = CachingTokenCredential.of(this::fetch, CachingTokenCredential.DEFAULT_REFRESH_MARGIN,
                Clock.systemUTC());
    }

    /**
     * Starts configuring the credential.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A credential configured from {@value #TENANT_ID_ENV}, {@value #CLIENT_ID_ENV}, {@value #CLIENT_SECRET_ENV}
     * and optionally {@value #AUTHORITY_HOST_ENV}. Does no I/O.
     *
     * @return the credential
     * @throws IllegalStateException if a variable is missing; the message names it
     */
    public static ClientSecretCredential fromEnvironment() {
        return builder().build();
    }

    /**
     * Returns a cached token or asks Entra ID for a new one (a blocking POST).
     *
     * @param request the scope
     * @return the token
     * @throws io.github.finetune4j.core.error.AuthenticationException if Entra ID refused
     * @throws io.github.finetune4j.core.error.TransportException if Entra ID could not be reached
     * @throws io.github.finetune4j.core.error.FineTuneInterruptedException if interrupted (flag restored)
     */
    @Override
    public AccessToken getToken(TokenRequest request) {
        return cache.getToken(request);
    }

    private AccessToken fetch(TokenRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret.reveal());
        form.put("scope", request.scope());
        return endpoint.postForm(tokenUri, form, List.of(secret.reveal()));
    }

    /**
     * Describes the credential without the secret.
     *
     * @return for example {@code ClientSecretCredential[clientId=..., tokenUri=..., clientSecret=REDACTED]}
     */
    @Override
    public String toString() {
        return "ClientSecretCredential[clientId=" + clientId + ", tokenUri=" + tokenUri + ", clientSecret=REDACTED]";
    }

    /** Configures a {@link ClientSecretCredential}; unset values come from the environment. Not thread-safe. */
    public static final class Builder extends EntraApplicationBuilder<Builder> {
        private Optional<ApiKey> clientSecret = Optional.empty();

        private Builder() {
        }

        /**
         * Sets the client secret, wrapped at once so that it is never printed. Default:
         * {@value ClientSecretCredential#CLIENT_SECRET_ENV}.
         *
         * @param clientSecret the secret
         * @return this builder
         * @throws NullPointerException if {@code clientSecret} is null
         * @throws IllegalArgumentException if it is blank
         */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = Optional.of(ApiKey.of(Objects.requireNonNull(clientSecret, "clientSecret")));
            return this;
        }

        /**
         * Builds the credential. Does no I/O.
         *
         * @return the credential
         * @throws IllegalStateException if a required value is neither set nor in the environment; the message
         *     names the setter and the variable
         * @throws IllegalArgumentException if a value from the environment is malformed
         */
        public ClientSecretCredential build() {
            Application application = application();
            ApiKey secret = clientSecret.or(() -> environment().get(CLIENT_SECRET_ENV).map(ApiKey::of))
                    .orElseThrow(() -> new IllegalStateException("clientSecret missing: call clientSecret(...) or set "
                            + CLIENT_SECRET_ENV));
            return new ClientSecretCredential(application, secret);
        }
    }
}
