package io.github.finetune4j.azure.identity;

import io.github.finetune4j.azure.identity.internal.EntraSettings;
import io.github.finetune4j.azure.identity.internal.TokenEndpoint;
import io.github.finetune4j.core.error.FineTuneException;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Tokens for workload identity federation (AKS workload identity, GitHub Actions OIDC, ...): the federated token in
 * a file is exchanged at Entra ID as a client assertion. The file is read again for every new token, because the
 * platform rotates it. Tokens are cached per scope and refreshed before they expire.
 *
 * <pre>{@code
 * TokenCredential credential = WorkloadIdentityCredential.fromEnvironment();   // what AKS injects into the pod
 * }</pre>
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>setting</th><th>variable</th><th>default</th></tr>
 * <tr><td>tenantId</td><td>{@value #TENANT_ID_ENV}</td><td>none: required</td></tr>
 * <tr><td>clientId</td><td>{@value #CLIENT_ID_ENV}</td><td>none: required</td></tr>
 * <tr><td>tokenFile</td><td>{@value #TOKEN_FILE_ENV}</td><td>none: required</td></tr>
 * <tr><td>authorityHost</td><td>{@value #AUTHORITY_HOST_ENV}</td><td>{@value #DEFAULT_AUTHORITY_HOST}</td></tr>
 * </table>
 *
 * <p>Thread-safe. Refusals by Entra ID are thrown as {@link io.github.finetune4j.core.error.AuthenticationException};
 * the federated token never appears in messages or in {@link #toString()}.
 */
public final class WorkloadIdentityCredential implements TokenCredential, CachesTokens {
    /** The public-cloud authority host, {@value}. */
    public static final String DEFAULT_AUTHORITY_HOST = EntraApplicationBuilder.DEFAULT_AUTHORITY_HOST;
    /** Environment variable of the tenant id, {@value}. */
    public static final String TENANT_ID_ENV = EntraApplicationBuilder.TENANT_ID_ENV;
    /** Environment variable of the client (application) id, {@value}. */
    public static final String CLIENT_ID_ENV = EntraApplicationBuilder.CLIENT_ID_ENV;
    /** Environment variable of the federated token file, {@value}. */
    public static final String TOKEN_FILE_ENV = "AZURE_FEDERATED_TOKEN_FILE";
    /** Environment variable of the authority host, {@value}. */
    public static final String AUTHORITY_HOST_ENV = EntraApplicationBuilder.AUTHORITY_HOST_ENV;

    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final String clientId;
    private final Path tokenFile;
    private final URI tokenUri;
    private final TokenEndpoint endpoint;
    private final CachingTokenCredential cache;

    private WorkloadIdentityCredential(EntraApplicationBuilder.Application application, Path tokenFile) {
        this.clientId = application.clientId();
        this.tokenFile = tokenFile;
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
     * A credential configured from {@value #TENANT_ID_ENV}, {@value #CLIENT_ID_ENV}, {@value #TOKEN_FILE_ENV} and
     * optionally {@value #AUTHORITY_HOST_ENV}. Does no I/O.
     *
     * @return the credential
     * @throws IllegalStateException if a variable is missing; the message names it
     */
    public static WorkloadIdentityCredential fromEnvironment() {
        return builder().build();
    }

    /**
     * Returns a cached token or reads the federated token file and exchanges it at Entra ID (a blocking POST).
     *
     * @param request the scope
     * @return the token
     * @throws io.github.finetune4j.core.error.AuthenticationException if Entra ID refused
     * @throws FineTuneException if the token file cannot be read
     * @throws io.github.finetune4j.core.error.TransportException if Entra ID could not be reached
     * @throws io.github.finetune4j.core.error.FineTuneInterruptedException if interrupted (flag restored)
     */
    @Override
    public AccessToken getToken(TokenRequest request) {
        return cache.getToken(request);
    }

    private AccessToken fetch(TokenRequest request) {
        String assertion = readAssertion();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_assertion_type", JWT_BEARER);
        form.put("client_assertion", assertion);
        form.put("scope", request.scope());
        return endpoint.postForm(tokenUri, form, List.of(assertion));
    }

    private String readAssertion() {
        String assertion;
        try {
            assertion = Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new FineTuneException("cannot read the federated token file " + tokenFile + " ("
                    + e.getClass().getSimpleName() + "); check " + TOKEN_FILE_ENV, e, EntraSettings.ENTRA_PLANE, null);
        }
        if (assertion.isEmpty()) {
            throw new FineTuneException("the federated token file " + tokenFile + " is empty", null,
                    EntraSettings.ENTRA_PLANE, null);
        }
        return assertion;
    }

    /**
     * Describes the credential without the token.
     *
     * @return for example {@code WorkloadIdentityCredential[clientId=..., tokenFile=..., tokenUri=...]}
     */
    @Override
    public String toString() {
        return "WorkloadIdentityCredential[clientId=" + clientId + ", tokenFile=" + tokenFile + ", tokenUri="
                + tokenUri + "]";
    }

    /** Configures a {@link WorkloadIdentityCredential}; unset values come from the environment. Not thread-safe. */
    public static final class Builder extends EntraApplicationBuilder<Builder> {
        private Optional<Path> tokenFile = Optional.empty();

        private Builder() {
        }

        /**
         * Sets the file holding the federated token. Default: {@value WorkloadIdentityCredential#TOKEN_FILE_ENV}.
         *
         * @param tokenFile the file; read for every new token
         * @return this builder
         * @throws NullPointerException if {@code tokenFile} is null
         */
        public Builder tokenFile(Path tokenFile) {
            this.tokenFile = Optional.of(Objects.requireNonNull(tokenFile, "tokenFile"));
            return this;
        }

        /**
         * Builds the credential. Does no I/O (the token file is read when a token is needed).
         *
         * @return the credential
         * @throws IllegalStateException if a required value is neither set nor in the environment; the message
         *     names the setter and the variable
         * @throws IllegalArgumentException if a value from the environment is malformed
         */
        public WorkloadIdentityCredential build() {
            Application application = application();
            Path file = tokenFile.orElseGet(() -> Path.of(EntraSettings.require(Optional.empty(), environment(),
                    TOKEN_FILE_ENV, "tokenFile")));
            return new WorkloadIdentityCredential(application, file);
        }
    }
}
