package io.github.finetune4j.azure.internal;

import io.github.finetune4j.azure.AzureApiRoute;
import io.github.finetune4j.azure.AzureOpenAiServiceVersion;
import io.github.finetune4j.azure.AzureTraining;
import io.github.finetune4j.azure.AzureTrainingTable;
import io.github.finetune4j.azure.AzureTrainingType;
import io.github.finetune4j.azure.identity.TokenCredential;
import io.github.finetune4j.azure.identity.TokenRequest;
import io.github.finetune4j.core.ApiKey;
import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.model.ProviderOptions;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The resolved settings of the Azure OpenAI provider. Prints without secrets.
 *
 * @param endpoint the resource endpoint without {@code /openai}, for example {@code https://x.openai.azure.com}
 * @param auth how requests authenticate
 * @param route the route for operations both routes have
 * @param apiVersion the api-version of the dated route
 * @param trainingType the {@code trainingType} sent on job creation unless the request names another
 * @param trainingTable the training types and methods each base model allows
 */
public record AzureConfig(URI endpoint, AzureAuth auth, AzureApiRoute route, AzureOpenAiServiceVersion apiVersion,
                          AzureTrainingType trainingType, AzureTrainingTable trainingTable) {
    /** Environment variable of the endpoint. */
    public static final String ENDPOINT_ENV = "AZURE_OPENAI_ENDPOINT";
    /** Environment variable of the API key. */
    public static final String API_KEY_ENV = "AZURE_OPENAI_API_KEY";
    /** Environment variable of the api-version ({@code v1} or a dated version). */
    public static final String API_VERSION_ENV = "AZURE_OPENAI_API_VERSION";
    /** The value of {@value #API_VERSION_ENV} that selects the v1 route. */
    public static final String V1 = "v1";
    public AzureConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(trainingType, "trainingType");
        Objects.requireNonNull(trainingTable, "trainingTable");
    }

    /**
     * The settings a builder collected; each may be absent.
     *
     * @param endpoint the endpoint
     * @param apiKey the key
     * @param credential the token credential
     * @param tokenScope the data-plane token scope
     * @param route the route
     * @param apiVersion the dated api-version
     * @param trainingType the training tier
     * @param trainingTable the training types each base model allows
     */
    public record Explicit(Optional<URI> endpoint, Optional<ApiKey> apiKey, Optional<TokenCredential> credential,
                           Optional<String> tokenScope, Optional<AzureApiRoute> route,
                           Optional<AzureOpenAiServiceVersion> apiVersion, Optional<AzureTrainingType> trainingType,
                           Optional<AzureTrainingTable> trainingTable) {
        /** Nothing set. */
        public static final Explicit NONE = new Explicit(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        /**
         * With an endpoint.
         *
         * @param value the endpoint
         * @return a copy
         */
        public Explicit withEndpoint(URI value) {
            return new Explicit(Optional.of(value), apiKey, credential, tokenScope, route, apiVersion, trainingType,
                    trainingTable);
        }

        /**
         * With a key.
         *
         * @param value the key
         * @return a copy
         */
        public Explicit withApiKey(ApiKey value) {
            return new Explicit(endpoint, Optional.of(value), credential, tokenScope, route, apiVersion, trainingType,
                    trainingTable);
        }

        /**
         * With a credential.
         *
         * @param value the credential
         * @return a copy
         */
        public Explicit withCredential(TokenCredential value) {
            return new Explicit(endpoint, apiKey, Optional.of(value), tokenScope, route, apiVersion, trainingType,
                    trainingTable);
        }

        /**
         * With a token scope.
         *
         * @param value the scope
         * @return a copy
         */
        public Explicit withTokenScope(String value) {
            return new Explicit(endpoint, apiKey, credential, Optional.of(value), route, apiVersion, trainingType,
                    trainingTable);
        }

        /**
         * With a route.
         *
         * @param value the route
         * @return a copy
         */
        public Explicit withRoute(AzureApiRoute value) {
            return new Explicit(endpoint, apiKey, credential, tokenScope, Optional.of(value), apiVersion, trainingType,
                    trainingTable);
        }

        /**
         * With an api-version.
         *
         * @param value the version
         * @return a copy
         */
        public Explicit withApiVersion(AzureOpenAiServiceVersion value) {
            return new Explicit(endpoint, apiKey, credential, tokenScope, route, Optional.of(value), trainingType,
                    trainingTable);
        }

        /**
         * With a training type.
         *
         * @param value the training type
         * @return a copy
         */
        public Explicit withTrainingType(AzureTrainingType value) {
            return new Explicit(endpoint, apiKey, credential, tokenScope, route, apiVersion, Optional.of(value),
                    trainingTable);
        }

        /**
         * With a training table.
         *
         * @param value the table
         * @return a copy
         */
        public Explicit withTrainingTable(AzureTrainingTable value) {
            return new Explicit(endpoint, apiKey, credential, tokenScope, route, apiVersion, trainingType,
                    Optional.of(value));
        }
    }

    /**
     * Resolves each setting: explicit, else the environment, else the default. The route is V1 unless set, or unless
     * an api-version other than {@code v1} was given (explicitly or in {@value #API_VERSION_ENV}).
     *
     * @param explicit the builder's settings
     * @param environment where to look for variables
     * @return the settings
     * @throws IllegalStateException if the endpoint or the authentication is missing
     * @throws IllegalArgumentException if a variable is malformed
     */
    public static AzureConfig resolve(Explicit explicit, EnvironmentLookup environment) {
        URI endpoint = explicit.endpoint().or(() -> environment.get(ENDPOINT_ENV).map(AzureConfig::parseEndpoint))
                .orElseThrow(() -> new IllegalStateException("endpoint missing: call endpoint(...) or set "
                        + ENDPOINT_ENV + " (for example https://my-resource.openai.azure.com)"));
        AzureAuth auth = auth(explicit, environment);
        Optional<String> envVersion = environment.get(API_VERSION_ENV).map(String::trim);
        Optional<AzureOpenAiServiceVersion> version = explicit.apiVersion()
                .or(() -> envVersion.filter(v -> !v.equalsIgnoreCase(V1)).map(AzureOpenAiServiceVersion::of));
        AzureApiRoute route = explicit.route().orElse(version.isPresent() ? AzureApiRoute.DATED : AzureApiRoute.V1);
        return new AzureConfig(endpoint, auth, route, version.orElse(AzureOpenAiServiceVersion.latestGa()),
                explicit.trainingType().orElse(AzureTrainingType.STANDARD),
                explicit.trainingTable().orElseGet(AzureTrainingTable::foundry));
    }

    private static AzureAuth auth(Explicit explicit, EnvironmentLookup environment) {
        if (explicit.credential().isPresent()) {
            return AzureAuth.bearer(TokenCredential.cached(explicit.credential().get()),
                    TokenRequest.of(explicit.tokenScope().orElse(TokenRequest.COGNITIVE_SERVICES_SCOPE)));
        }
        ApiKey key = explicit.apiKey().or(() -> environment.get(API_KEY_ENV).map(ApiKey::of))
                .orElseThrow(() -> new IllegalStateException("API key missing: call apiKey(...) or credential(...), "
                        + "or set " + API_KEY_ENV));
        return AzureAuth.apiKey(key);
    }

    /**
     * Parses an endpoint: an absolute http(s) URL; a trailing {@code /}, {@code /openai} or {@code /openai/v1} is
     * removed, so the portal's "endpoint" and "target URI" both work.
     *
     * @param value the URL
     * @return the endpoint
     * @throws IllegalArgumentException if it is not an absolute http(s) URL without query
     */
    public static URI parseEndpoint(String value) {
        return stripOpenAi(Urls.parseBase(value, "endpoint"));
    }

    /**
     * Normalises an endpoint URI; see {@link #parseEndpoint(String)}.
     *
     * @param uri the URI
     * @return the endpoint
     * @throws IllegalArgumentException if it is not acceptable
     */
    public static URI normalizeEndpoint(URI uri) {
        return stripOpenAi(Urls.normalizeBase(uri, "endpoint"));
    }

    private static URI stripOpenAi(URI uri) {
        String text = uri.toString();
        for (String suffix : new String[] {"/openai/v1", "/openai"}) {
            if (text.endsWith(suffix)) {
                return Urls.normalizeBase(URI.create(text.substring(0, text.length() - suffix.length())), "endpoint");
            }
        }
        return uri;
    }

    /**
     * The tier a job is created with: the request's {@link AzureTraining}, else this client's setting.
     *
     * @param options the request's provider options, if any
     * @return the tier
     */
    public AzureTrainingType trainingTypeFor(Optional<ProviderOptions> options) {
        return options.filter(AzureTraining.class::isInstance).map(o -> ((AzureTraining) o).trainingType())
                .orElse(trainingType);
    }

    /**
     * Tells whether job pause/resume and DPO are available on the configured route.
     *
     * @return true on v1, and on the dated route from {@code 2025-04-01-preview}
     */
    public boolean supportsPreviewJobFeatures() {
        return route == AzureApiRoute.V1 || apiVersion.supportsPreviewJobFeatures();
    }
}
