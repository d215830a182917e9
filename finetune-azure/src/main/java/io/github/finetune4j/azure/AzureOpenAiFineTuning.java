package io.github.finetune4j.azure;

import io.github.finetune4j.azure.identity.ManagedIdentityCredential;
import io.github.finetune4j.azure.identity.TokenCredential;
import io.github.finetune4j.azure.identity.TokenRequest;
import io.github.finetune4j.azure.internal.AzureConfig;
import io.github.finetune4j.azure.internal.AzureDialect;
import io.github.finetune4j.azure.internal.AzureFileImport;
import io.github.finetune4j.azure.internal.TrainingTypeCheck;
import io.github.finetune4j.core.ApiKey;
import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneClientBuilder;
import io.github.finetune4j.core.spi.ProviderContext;
import io.github.finetune4j.core.spi.StartCheck;
import io.github.finetune4j.openai.protocol.OpenAiDialect;
import io.github.finetune4j.openai.protocol.OpenAiProtocol;
import io.github.finetune4j.openai.protocol.ProtocolProviderFactory;
import io.github.finetune4j.openai.protocol.ProtocolProvider;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The Azure OpenAI fine-tuning provider: configures the connection to an Azure OpenAI (or Azure AI Foundry)
 * resource and plugs it into a {@link FineTuneClient}. Only the client line changes against OpenAI; the T-1000
 * story ({@code FineTuneJob.start}, {@code awaitCompletion}, {@code FineTunedModel.chat}) runs unchanged, with one
 * extra step: a fine-tuned model answers only once deployed
 * ({@link io.github.finetune4j.azure.deployments.AzureDeployments}). What only Azure has is reached through
 * {@code client.extension(AzureOpenAi.class)}.
 *
 * <pre>{@code
 * try (FineTuneClient client = AzureOpenAiFineTuning.builder()
 *         .endpoint("https://my-resource.openai.azure.com")
 *         .apiKey(System.getenv("AZURE_OPENAI_API_KEY"))   // or .credential(ManagedIdentityCredential...)
 *         .trainingType(AzureTrainingType.GLOBAL_STANDARD)   // default STANDARD
 *         .buildClient()) {
 *     FineTuneJob job = FineTuneJob.start(client, FineTuneRequest.builder()
 *             .baseModel("gpt-4o-mini-2024-07-18").trainingData(data).suffix("t1000").build());
 *     JobSnapshot done = job.awaitCompletion(WaitOptions.builder().timeout(Duration.ofHours(2)).build());
 * }
 * }</pre>
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>setting</th><th>variable</th><th>default</th></tr>
 * <tr><td>{@link Builder#endpoint(String) endpoint}</td><td>{@value #ENDPOINT_ENV}</td><td>none: required</td></tr>
 * <tr><td>{@link Builder#apiKey(String) apiKey}, sent as {@code api-key}</td><td>{@value #API_KEY_ENV}</td>
 *     <td>required unless a credential is set</td></tr>
 * <tr><td>{@link Builder#credential(TokenCredential) credential}, sent as {@code Authorization: Bearer}</td>
 *     <td>none</td><td>none</td></tr>
 * <tr><td>{@link Builder#tokenScope(String) tokenScope}</td><td>none</td>
 *     <td>{@value TokenRequest#COGNITIVE_SERVICES_SCOPE}</td></tr>
 * <tr><td>{@link Builder#route(AzureApiRoute) route}</td><td>none</td><td>{@code V1}, or {@code DATED} when an
 *     api-version is given</td></tr>
 * <tr><td>{@link Builder#apiVersion(String) apiVersion} (dated route, and file import)</td>
 *     <td>{@value #API_VERSION_ENV} ({@code v1} selects the v1 route)</td><td>{@value #DEFAULT_API_VERSION}</td></tr>
 * <tr><td>{@link Builder#trainingType(AzureTrainingType) trainingType} (a request may name its own:
 *     {@link AzureTraining})</td><td>none</td><td>{@code Standard}</td></tr>
 * <tr><td>{@link Builder#trainingTable(AzureTrainingTable) trainingTable}</td><td>none</td>
 *     <td>{@link AzureTrainingTable#foundry()}</td></tr>
 * </table>
 *
 * <p>The public no-arg constructor exists for {@link java.util.ServiceLoader}: such an instance is configured from
 * the environment only, which is what {@code FineTuneClient.fromEnv()} and
 * {@code FineTuneClient.builder().provider("azure-openai")} use. {@code fromEnv()} picks Azure when
 * {@value #ENDPOINT_ENV} and {@value #API_KEY_ENV} are set, and refuses when OpenAI's {@code OPENAI_API_KEY} is set
 * too, until a provider is chosen explicitly. Instances are immutable and thread-safe; {@link #toString()} never
 * shows the key.
 */
public final class AzureOpenAiFineTuning extends ProtocolProviderFactory {
    /** The provider id, {@value}. */
    public static final String ID = AzureDialect.ID;
    /** Environment variable of the endpoint, {@value}. */
    public static final String ENDPOINT_ENV = AzureConfig.ENDPOINT_ENV;
    /** Environment variable of the API key, {@value}. */
    public static final String API_KEY_ENV = AzureConfig.API_KEY_ENV;
    /** Environment variable of the api-version, {@value}. */
    public static final String API_VERSION_ENV = AzureConfig.API_VERSION_ENV;
    /** The default dated api-version, {@value}. */
    public static final String DEFAULT_API_VERSION = "2024-10-21";

    private final AzureConfig.Explicit explicit;

    /**
     * Creates a factory configured purely from the environment ({@value #ENDPOINT_ENV}, {@value #API_KEY_ENV},
     * optionally {@value #API_VERSION_ENV}). Used by {@link java.util.ServiceLoader}; applications call
     * {@link #builder()}.
     */
    public AzureOpenAiFineTuning() {
        this(new Builder());
    }

    private AzureOpenAiFineTuning(Builder b) {
        super(ID);
        this.explicit = b.explicit;
    }

    /**
     * Starts configuring the provider.
     *
     * @return a new builder; nothing set yet
     */
    public static Builder builder() {
        return new Builder();
    }


    /**
     * Tells whether an endpoint and a way to authenticate are set on the builder or in the environment. Does no
     * I/O.
     *
     * @param environment where to look for {@value #ENDPOINT_ENV} and {@value #API_KEY_ENV}
     * @return true if {@link #create(ProviderContext)} will find its required settings
     */
    @Override
    public boolean isConfigured(EnvironmentLookup environment) {
        Objects.requireNonNull(environment, "environment");
        boolean endpoint = explicit.endpoint().isPresent() || environment.get(ENDPOINT_ENV).isPresent();
        boolean auth = explicit.credential().isPresent() || explicit.apiKey().isPresent()
                || environment.get(API_KEY_ENV).isPresent();
        return endpoint && auth;
    }

    /**
     * Resolves each setting from the builder, else the context's environment, else the default. Does no I/O.
     *
     * @param context the environment and the insecure-HTTP check
     * @return the Azure dialect
     * @throws IllegalStateException if the endpoint or the authentication is missing; the message names the
     *     variable
     * @throws IllegalArgumentException if a setting is malformed or plain http goes to a host other than loopback
     */
    @Override
    protected OpenAiDialect dialect(ProviderContext context) {
        AzureConfig config = AzureConfig.resolve(explicit, context.environment());
        context.requireAllowed(config.endpoint());
        return new AzureDialect(config);
    }

    /**
     * Adds {@link AzureOpenAi} (the file import) and the {@link StartCheck} of training types and methods.
     *
     * @param provider the provider being built
     * @param protocol the protocol bound to the Azure dialect
     */
    @Override
    protected void addExtensions(ProtocolProvider.Builder provider, OpenAiProtocol protocol) {
        AzureDialect dialect = (AzureDialect) protocol.dialect();
        provider.extension(AzureOpenAi.class, new AzureFileImport(protocol, dialect));
        provider.extension(StartCheck.class, new TrainingTypeCheck(dialect.config()));
    }

    @Override
    public String toString() {
        String auth = explicit.credential().map(c -> "credential " + c.getClass().getSimpleName())
                .orElse(explicit.apiKey().isPresent() ? "api-key REDACTED" : "api-key from " + API_KEY_ENV);
        return "AzureOpenAiFineTuning[endpoint=" + explicit.endpoint().map(URI::toString).orElse("from "
                + ENDPOINT_ENV) + ", auth=" + auth + ", route=" + explicit.route().map(Enum::name).orElse("default")
                + ", apiVersion=" + explicit.apiVersion().map(Object::toString).orElse("default") + "]";
    }

    /**
     * Configures an {@link AzureOpenAiFineTuning}. Every setting is optional here; unset ones are read from the
     * environment when the client is built. Not thread-safe.
     */
    public static final class Builder {
        private AzureConfig.Explicit explicit = AzureConfig.Explicit.NONE;

        private Builder() {
        }

        /**
         * Sets the resource endpoint. A trailing {@code /}, {@code /openai} or {@code /openai/v1} is ignored, so the
         * portal's endpoint and target URI both work; Foundry project endpoints ({@code .../api/projects/p}) work on
         * the v1 route. Default: {@value AzureOpenAiFineTuning#ENDPOINT_ENV}.
         *
         * @param endpoint for example {@code https://my-resource.openai.azure.com}
         * @return this builder
         * @throws NullPointerException if {@code endpoint} is null
         * @throws IllegalArgumentException if it is not an absolute http(s) URL without query
         */
        public Builder endpoint(String endpoint) {
            explicit = explicit.withEndpoint(AzureConfig.parseEndpoint(Objects.requireNonNull(endpoint, "endpoint")));
            return this;
        }

        /**
         * Sets the resource endpoint; see {@link #endpoint(String)}.
         *
         * @param endpoint the endpoint
         * @return this builder
         * @throws NullPointerException if {@code endpoint} is null
         * @throws IllegalArgumentException if it is not an absolute http(s) URL without query
         */
        public Builder endpoint(URI endpoint) {
            explicit = explicit.withEndpoint(AzureConfig.normalizeEndpoint(Objects.requireNonNull(endpoint,
                    "endpoint")));
            return this;
        }

        /**
         * Chooses the route. Default: {@link AzureApiRoute#V1}, or {@link AzureApiRoute#DATED} when an api-version
         * is set here or in {@value AzureOpenAiFineTuning#API_VERSION_ENV}.
         *
         * @param route the route
         * @return this builder
         * @throws NullPointerException if {@code route} is null
         */
        public Builder route(AzureApiRoute route) {
            explicit = explicit.withRoute(Objects.requireNonNull(route, "route"));
            return this;
        }

        /**
         * Sets the dated api-version, used on the dated route and for operations v1 lacks (file import). Setting
         * it selects the dated route unless {@link #route(AzureApiRoute)} says otherwise. Default:
         * {@value AzureOpenAiFineTuning#API_VERSION_ENV}, else {@value AzureOpenAiFineTuning#DEFAULT_API_VERSION}.
         *
         * @param apiVersion for example {@code 2024-10-21} or {@code 2025-04-01-preview}
         * @return this builder
         * @throws IllegalArgumentException if it is not a dated version
         */
        public Builder apiVersion(String apiVersion) {
            return apiVersion(AzureOpenAiServiceVersion.of(apiVersion));
        }

        /**
         * Sets the dated api-version; see {@link #apiVersion(String)}.
         *
         * @param apiVersion the version
         * @return this builder
         * @throws NullPointerException if {@code apiVersion} is null
         */
        public Builder apiVersion(AzureOpenAiServiceVersion apiVersion) {
            explicit = explicit.withApiVersion(Objects.requireNonNull(apiVersion, "apiVersion"));
            return this;
        }

        /**
         * Authenticates with a resource key, sent as the {@code api-key} header and wrapped at once so that it is
         * never printed. Default: {@value AzureOpenAiFineTuning#API_KEY_ENV}.
         *
         * @param apiKey the key
         * @return this builder
         * @throws NullPointerException if {@code apiKey} is null
         * @throws IllegalArgumentException if it is blank
         */
        public Builder apiKey(String apiKey) {
            explicit = explicit.withApiKey(ApiKey.of(Objects.requireNonNull(apiKey, "apiKey")));
            return this;
        }

        /**
         * Authenticates with Microsoft Entra ID tokens, sent as {@code Authorization: Bearer}. The resource needs a
         * custom subdomain endpoint and the caller the "Cognitive Services OpenAI Contributor" role. Tokens are
         * cached and refreshed before they expire. Wins over {@value AzureOpenAiFineTuning#API_KEY_ENV}.
         *
         * @param credential the credential, for example {@link ManagedIdentityCredential}
         * @return this builder
         * @throws NullPointerException if {@code credential} is null
         */
        public Builder credential(TokenCredential credential) {
            explicit = explicit.withCredential(Objects.requireNonNull(credential, "credential"));
            return this;
        }

        /**
         * Sets the scope data-plane tokens are requested for, for sovereign clouds (for example
         * {@code https://cognitiveservices.azure.us/.default}). Default
         * {@value TokenRequest#COGNITIVE_SERVICES_SCOPE}.
         *
         * @param scope the scope
         * @return this builder
         * @throws IllegalArgumentException if it is blank
         */
        public Builder tokenScope(String scope) {
            explicit = explicit.withTokenScope(TokenRequest.of(scope).scope());
            return this;
        }

        /**
         * Sets the training tier sent as {@code trainingType}, unless a request names its own
         * ({@link AzureTraining}). Default {@link AzureTrainingType#STANDARD} (trains in the resource's region),
         * which Azure AI Foundry's open models do not allow (see {@link AzureTrainingTable#foundry()}).
         *
         * @param trainingType the tier
         * @return this builder
         * @throws NullPointerException if {@code trainingType} is null
         */
        public Builder trainingType(AzureTrainingType trainingType) {
            explicit = explicit.withTrainingType(Objects.requireNonNull(trainingType, "trainingType"));
            return this;
        }

        /**
         * Sets which training types and methods each base model allows, checked by {@code FineTuneJob.start} before
         * anything is uploaded and reported by the catalog ({@code ModelInfo.trainingTypes()}). Default
         * {@link AzureTrainingTable#foundry()}; {@link AzureTrainingTable#none()} leaves every refusal to the
         * service.
         *
         * @param table the table
         * @return this builder
         * @throws NullPointerException if {@code table} is null
         */
        public Builder trainingTable(AzureTrainingTable table) {
            explicit = explicit.withTrainingTable(Objects.requireNonNull(table, "table"));
            return this;
        }

        /**
         * Builds the provider factory. Settings left unset are resolved from the environment when a client is built.
         *
         * @return the factory, to pass to {@code FineTuneClient.builder().provider(...)}
         * @throws IllegalStateException if both an API key and a credential are set
         */
        public AzureOpenAiFineTuning build() {
            if (explicit.apiKey().isPresent() && explicit.credential().isPresent()) {
                throw new IllegalStateException("set apiKey(...) or credential(...), not both");
            }
            return new AzureOpenAiFineTuning(this);
        }

        /**
         * Builds an Azure client with the default client settings.
         *
         * @return the client; close it when done
         * @throws IllegalStateException if the endpoint or the authentication is missing
         * @throws IllegalArgumentException if a setting is not acceptable
         */
        public FineTuneClient buildClient() {
            return buildClient(FineTuneClient.builder());
        }

        /**
         * Builds an Azure client with client settings of your choice (retries, timeouts, default wait options);
         * the builder's provider is replaced by this one.
         *
         * @param client the client settings, from {@code FineTuneClient.builder()}
         * @return the client; close it when done
         * @throws IllegalStateException if the endpoint or the authentication is missing
         * @throws IllegalArgumentException if a setting is not acceptable
         */
        public FineTuneClient buildClient(FineTuneClientBuilder client) {
            return Objects.requireNonNull(client, "client").provider(build()).build();
        }
    }
}
