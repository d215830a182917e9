package io.github.finetune4j.azure.identity;

import io.github.finetune4j.azure.identity.internal.EntraSettings;
import io.github.finetune4j.azure.identity.internal.TokenEndpoint;
import io.github.finetune4j.azure.internal.Urls;
import io.github.finetune4j.core.ApiKey;
import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.spi.ProviderContext;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Tokens for the managed identity of the Azure host the application runs on. With {@value #IDENTITY_ENDPOINT_ENV}
 * and {@value #IDENTITY_HEADER_ENV} set (App Service, Functions, Container Apps) the local identity endpoint is
 * asked ({@code api-version} {@value #APP_SERVICE_API_VERSION}); otherwise the Instance Metadata Service of VMs,
 * scale sets and AKS nodes ({@value #DEFAULT_IMDS_ENDPOINT}, {@code api-version} {@value #IMDS_API_VERSION}).
 * Tokens are cached per scope and refreshed before they expire.
 *
 * <pre>{@code
 * TokenCredential systemAssigned = ManagedIdentityCredential.builder().build();
 * TokenCredential userAssigned = ManagedIdentityCredential.builder().clientId("00000000-0000-...").build();
 * }</pre>
 *
 * <p>IMDS is plain {@code http://} on a link-local address by design: this credential talks to it over its own
 * HTTP client, never through a proxy, and sends nothing secret there. Other plain-http endpoints are accepted only
 * on loopback hosts. IMDS answers 404 and 410 while it updates; these, 429 and 5xx are retried. Thread-safe.
 */
public final class ManagedIdentityCredential implements TokenCredential, CachesTokens {
    /** The Instance Metadata Service, {@value}. */
    public static final String DEFAULT_IMDS_ENDPOINT = "http://169.254.169.254";
    /** The IMDS token api-version, {@value}. */
    public static final String IMDS_API_VERSION = "2018-02-01";
    /** The App Service identity endpoint api-version, {@value}. */
    public static final String APP_SERVICE_API_VERSION = "2019-08-01";
    /** Environment variable of the App Service identity endpoint, {@value}. */
    public static final String IDENTITY_ENDPOINT_ENV = "IDENTITY_ENDPOINT";
    /** Environment variable of the App Service identity header secret, {@value}. */
    public static final String IDENTITY_HEADER_ENV = "IDENTITY_HEADER";

    private static final String IMDS_PATH = "/metadata/identity/oauth2/token";

    private final URI endpoint;
    private final boolean appService;
    private final Optional<ApiKey> identityHeader;
    private final Optional<String> clientId;
    private final Optional<String> resourceId;
    private final TokenEndpoint http;
    private final CachingTokenCredential cache;

    private ManagedIdentityCredential(URI endpoint, boolean appService, Optional<ApiKey> identityHeader,
                                      Optional<String> clientId, Optional<String> resourceId) {
        this.endpoint = endpoint;
        this.appService = appService;
        this.identityHeader = identityHeader;
        this.clientId = clientId;
        this.resourceId = resourceId;
        this.http = TokenEndpoint.managedIdentity();
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
     * Returns a cached token or asks the identity endpoint for a new one (a blocking GET).
     *
     * @param request the scope; sent as {@code resource=} without {@code /.default}
     * @return the token
     * @throws io.github.finetune4j.core.error.AuthenticationException if the endpoint refused (for example, no
     *     identity is assigned)
     * @throws io.github.finetune4j.core.error.TransportException if the endpoint could not be reached (not running
     *     on Azure)
     * @throws io.github.finetune4j.core.error.FineTuneInterruptedException if interrupted (flag restored)
     */
    @Override
    public AccessToken getToken(TokenRequest request) {
        return cache.getToken(request);
    }

    private AccessToken fetch(TokenRequest request) {
        StringBuilder query = new StringBuilder("api-version=")
                .append(appService ? APP_SERVICE_API_VERSION : IMDS_API_VERSION)
                .append("&resource=").append(Urls.query(request.resource()));
        clientId.ifPresent(id -> query.append("&client_id=").append(Urls.query(id)));
        resourceId.ifPresent(id -> query.append(appService ? "&mi_res_id=" : "&msi_res_id=").append(Urls.query(id)));
        URI uri = URI.create((appService ? endpoint.toString() : endpoint + IMDS_PATH) + "?" + query);
        Map<String, String> headers = appService
                ? Map.of("X-IDENTITY-HEADER", identityHeader.orElseThrow().reveal())
                : Map.of("Metadata", "true");
        return http.get(uri, headers, identityHeader.map(h -> List.of(h.reveal())).orElse(List.of()));
    }

    /**
     * Describes the credential without the identity header.
     *
     * @return for example {@code ManagedIdentityCredential[imds http://169.254.169.254, clientId=...]}
     */
    @Override
    public String toString() {
        return "ManagedIdentityCredential[" + (appService ? "app service " : "imds ") + endpoint
                + clientId.map(id -> ", clientId=" + id).orElse("")
                + resourceId.map(id -> ", resourceId=" + id).orElse("") + "]";
    }

    /** Configures a {@link ManagedIdentityCredential}. Not thread-safe. */
    public static final class Builder {
        private Optional<String> clientId = Optional.empty();
        private Optional<String> resourceId = Optional.empty();
        private Optional<URI> imdsEndpoint = Optional.empty();
        private EnvironmentLookup environment = EnvironmentLookup.system();

        private Builder() {
        }

        /**
         * Uses a user-assigned identity by its client id. Default: the system-assigned identity.
         *
         * @param clientId the identity's client id
         * @return this builder
         * @throws NullPointerException if {@code clientId} is null
         * @throws IllegalArgumentException if it is blank
         */
        public Builder clientId(String clientId) {
            this.clientId = Optional.of(text(clientId, "clientId"));
            return this;
        }

        /**
         * Uses a user-assigned identity by its ARM resource id. Default: the system-assigned identity.
         *
         * @param resourceId for example {@code /subscriptions/.../userAssignedIdentities/my-identity}
         * @return this builder
         * @throws NullPointerException if {@code resourceId} is null
         * @throws IllegalArgumentException if it is blank
         */
        public Builder resourceId(String resourceId) {
            this.resourceId = Optional.of(text(resourceId, "resourceId"));
            return this;
        }

        /**
         * Sets the IMDS root. Default {@value ManagedIdentityCredential#DEFAULT_IMDS_ENDPOINT}; other values are for
         * tests.
         *
         * @param imdsEndpoint https, or http on a loopback or link-local host
         * @return this builder
         * @throws NullPointerException if {@code imdsEndpoint} is null
         * @throws IllegalArgumentException if it is not an acceptable URL
         */
        public Builder imdsEndpoint(URI imdsEndpoint) {
            this.imdsEndpoint = Optional.of(checkLocal(Urls.normalizeBase(imdsEndpoint, "imdsEndpoint"),
                    "imdsEndpoint"));
            return this;
        }

        /**
         * Reads {@value ManagedIdentityCredential#IDENTITY_ENDPOINT_ENV} and
         * {@value ManagedIdentityCredential#IDENTITY_HEADER_ENV} from here instead of the process environment.
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
         * @throws IllegalStateException if both a client id and a resource id are set
         * @throws IllegalArgumentException if {@value ManagedIdentityCredential#IDENTITY_ENDPOINT_ENV} is not an
         *     acceptable URL
         */
        public ManagedIdentityCredential build() {
            if (clientId.isPresent() && resourceId.isPresent()) {
                throw new IllegalStateException("set clientId or resourceId, not both");
            }
            Optional<String> appEndpoint = environment.get(IDENTITY_ENDPOINT_ENV);
            Optional<String> header = environment.get(IDENTITY_HEADER_ENV);
            if (appEndpoint.isPresent() && header.isPresent()) {
                URI uri = checkLocal(Urls.parseBase(appEndpoint.get(), IDENTITY_ENDPOINT_ENV), IDENTITY_ENDPOINT_ENV);
                return new ManagedIdentityCredential(uri, true, Optional.of(ApiKey.of(header.get())), clientId,
                        resourceId);
            }
            URI imds = imdsEndpoint.orElse(URI.create(DEFAULT_IMDS_ENDPOINT));
            return new ManagedIdentityCredential(imds, false, Optional.empty(), clientId, resourceId);
        }

        private static URI checkLocal(URI uri, String what) {
            if ("http".equalsIgnoreCase(uri.getScheme()) && !ProviderContext.isLoopback(uri.getHost())
                    && !Urls.isLinkLocal(uri.getHost())) {
                throw new IllegalArgumentException(what + " must use https:// (plain http only for loopback or "
                        + "link-local hosts): " + uri.getHost());
            }
            return uri;
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
