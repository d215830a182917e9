package io.github.finetune4j.azure.identity;

import io.github.finetune4j.azure.identity.internal.EntraSettings;
import io.github.finetune4j.azure.identity.internal.TokenEndpoint;
import io.github.finetune4j.azure.internal.Urls;
import io.github.finetune4j.core.ApiKey;
import io.github.finetune4j.core.EnvironmentLookup;

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
    public static final String DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com";
    /** Environment variable of the tenant id, {@value}. */
    public static final String TENANT_ID_ENV = "AZURE_TENANT_ID";
    /** Environment variable of the client (application) id, {@value}. */
    public static final String CLIENT_ID_ENV = "AZURE_CLIENT_ID";
    /** Environment variable of the client secret, {@value}. */
    public static final String CLIENT_SECRET_ENV = "AZURE_CLIENT_SECRET";
    /** Environment variable of the authority host, {@value}. */
    public static final String AUTHORITY_HOST_ENV = "AZURE_AUTHORITY_HOST";

    private final String clientId;
    private final ApiKey secret;
    private final URI tokenUri;
    private final TokenEndpoint endpoint;
    private final CachingTokenCredential cache;

    private ClientSecretCredential(String tenantId, String clientId, ApiKey secret, URI authority) {
        this.clientId = clientId;
        this.secret = secret;
        this.tokenUri = EntraSettings.tokenUri(authority, EntraSettings.tenant(tenantId));
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
    public static final class Builder {
        private Optional<String> tenantId = Optional.empty();
        private Optional<String> clientId = Optional.empty();
        private Optional<ApiKey> clientSecret = Optional.empty();
        private Optional<URI> authorityHost = Optional.empty();
        private EnvironmentLookup environment = EnvironmentLookup.system();

        private Builder() {
        }

        /**
         * Sets the tenant. Default: {@value ClientSecretCredential#TENANT_ID_ENV}.
         *
         * @param tenantId a GUID or a domain such as {@code contoso.onmicrosoft.com}
         * @return this builder
         * @throws NullPointerException if {@code tenantId} is null
         * @throws IllegalArgumentException if it is not a tenant id
         */
        public Builder tenantId(String tenantId) {
            this.tenantId = Optional.of(EntraSettings.tenant(Objects.requireNonNull(tenantId, "tenantId").trim()));
            return this;
        }

        /**
         * Sets the client (application) id. Default: {@value ClientSecretCredential#CLIENT_ID_ENV}.
         *
         * @param clientId the id
         * @return this builder
         * @throws NullPointerException if {@code clientId} is null
         * @throws IllegalArgumentException if it is blank
         */
        public Builder clientId(String clientId) {
            this.clientId = Optional.of(text(clientId, "clientId"));
            return this;
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
         * Sets the authority host, for sovereign clouds (for example {@code https://login.microsoftonline.us}) or
         * tests. Default: {@value ClientSecretCredential#AUTHORITY_HOST_ENV}, else
         * {@value ClientSecretCredential#DEFAULT_AUTHORITY_HOST}.
         *
         * @param authorityHost an https URL (plain http only for loopback hosts)
         * @return this builder
         * @throws NullPointerException if {@code authorityHost} is null
         * @throws IllegalArgumentException if it is not an acceptable URL
         */
        public Builder authorityHost(URI authorityHost) {
            this.authorityHost = Optional.of(Urls.requireSecure(Urls.normalizeBase(authorityHost, "authorityHost"),
                    "authorityHost"));
            return this;
        }

        /**
         * Reads unset values from here instead of the process environment.
         *
         * @param environment the lookup
         * @return this builder
         * @throws NullPointerException if {@code environment} is null
         */
        public Builder environment(EnvironmentLookup environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
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
            String tenant = EntraSettings.require(tenantId, environment, TENANT_ID_ENV, "tenantId");
            String client = EntraSettings.require(clientId, environment, CLIENT_ID_ENV, "clientId");
            ApiKey secret = clientSecret.or(() -> environment.get(CLIENT_SECRET_ENV).map(ApiKey::of))
                    .orElseThrow(() -> new IllegalStateException("clientSecret missing: call clientSecret(...) or set "
                            + CLIENT_SECRET_ENV));
            URI authority = EntraSettings.authority(authorityHost, environment, AUTHORITY_HOST_ENV,
                    DEFAULT_AUTHORITY_HOST);
            return new ClientSecretCredential(tenant, client, secret, authority);
        }

        private static String text(String value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value.trim();
        }
    }
}
