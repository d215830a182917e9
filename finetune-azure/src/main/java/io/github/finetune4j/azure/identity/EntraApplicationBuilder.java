package io.github.finetune4j.azure.identity;

import io.github.finetune4j.azure.identity.internal.EntraSettings;
import io.github.finetune4j.azure.internal.Urls;
import io.github.finetune4j.core.EnvironmentLookup;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What every credential of an Entra ID application is configured with: the tenant, the application's client id,
 * the authority host and where unset values are read from. {@link ClientSecretCredential.Builder} and
 * {@link WorkloadIdentityCredential.Builder} add how the application proves who it is.
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>setting</th><th>variable</th><th>default</th></tr>
 * <tr><td>tenantId</td><td>{@value #TENANT_ID_ENV}</td><td>none: required</td></tr>
 * <tr><td>clientId</td><td>{@value #CLIENT_ID_ENV}</td><td>none: required</td></tr>
 * <tr><td>authorityHost</td><td>{@value #AUTHORITY_HOST_ENV}</td><td>{@value #DEFAULT_AUTHORITY_HOST}</td></tr>
 * </table>
 *
 * <p>Not thread-safe. Only the builders of this package extend it.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class EntraApplicationBuilder<B extends EntraApplicationBuilder<B>> {
    /** The public-cloud authority host, {@value}. */
    public static final String DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com";
    /** Environment variable of the tenant id, {@value}. */
    public static final String TENANT_ID_ENV = "AZURE_TENANT_ID";
    /** Environment variable of the client (application) id, {@value}. */
    public static final String CLIENT_ID_ENV = "AZURE_CLIENT_ID";
    /** Environment variable of the authority host, {@value}. */
    public static final String AUTHORITY_HOST_ENV = "AZURE_AUTHORITY_HOST";

    private Optional<String> tenantId = Optional.empty();
    private Optional<String> clientId = Optional.empty();
    private Optional<URI> authorityHost = Optional.empty();
    private EnvironmentLookup environment = EnvironmentLookup.system();

    EntraApplicationBuilder() {
    }

    /**
     * Sets the tenant. Default: {@value #TENANT_ID_ENV}.
     *
     * @param tenantId a GUID or a domain such as {@code contoso.onmicrosoft.com}
     * @return this builder
     * @throws NullPointerException if {@code tenantId} is null
     * @throws IllegalArgumentException if it is not a tenant id
     */
    public B tenantId(String tenantId) {
        this.tenantId = Optional.of(EntraSettings.tenant(Objects.requireNonNull(tenantId, "tenantId").trim()));
        return self();
    }

    /**
     * Sets the client (application) id. Default: {@value #CLIENT_ID_ENV}.
     *
     * @param clientId the id
     * @return this builder
     * @throws NullPointerException if {@code clientId} is null
     * @throws IllegalArgumentException if it is blank
     */
    public B clientId(String clientId) {
        Objects.requireNonNull(clientId, "clientId");
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank");
        }
        this.clientId = Optional.of(clientId.trim());
        return self();
    }

    /**
     * Sets the authority host, for sovereign clouds (for example {@code https://login.microsoftonline.us}) or
     * tests. Default: {@value #AUTHORITY_HOST_ENV}, else {@value #DEFAULT_AUTHORITY_HOST}.
     *
     * @param authorityHost an https URL (plain http only for loopback hosts)
     * @return this builder
     * @throws NullPointerException if {@code authorityHost} is null
     * @throws IllegalArgumentException if it is not an acceptable URL
     */
    public B authorityHost(URI authorityHost) {
        this.authorityHost = Optional.of(Urls.requireSecure(Urls.normalizeBase(authorityHost, "authorityHost"),
                "authorityHost"));
        return self();
    }

    /**
     * Reads unset values from here instead of the process environment.
     *
     * @param environment the lookup
     * @return this builder
     * @throws NullPointerException if {@code environment} is null
     */
    public B environment(EnvironmentLookup environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
        return self();
    }

    /** Where unset values are read from. */
    EnvironmentLookup environment() {
        return environment;
    }

    /**
     * The application as configured, unset values read from the environment.
     *
     * @throws IllegalStateException if the tenant or the client id is neither set nor in the environment; the
     *     message names the setter and the variable
     * @throws IllegalArgumentException if a value from the environment is malformed
     */
    Application application() {
        String tenant = EntraSettings.tenant(EntraSettings.require(tenantId, environment, TENANT_ID_ENV, "tenantId"));
        String client = EntraSettings.require(clientId, environment, CLIENT_ID_ENV, "clientId");
        URI authority = EntraSettings.authority(authorityHost, environment, AUTHORITY_HOST_ENV,
                DEFAULT_AUTHORITY_HOST);
        return new Application(client, EntraSettings.tokenUri(authority, tenant));
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** An application's client id and its tenant's token endpoint. */
    record Application(String clientId, URI tokenUri) {
    }
}
