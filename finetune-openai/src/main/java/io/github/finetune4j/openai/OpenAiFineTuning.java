package io.github.finetune4j.openai;

import io.github.finetune4j.core.ApiKey;
import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.spi.ProviderContext;
import io.github.finetune4j.openai.internal.OpenAiConfig;
import io.github.finetune4j.openai.internal.OpenAiPlatformDialect;
import io.github.finetune4j.openai.protocol.OpenAiDialect;
import io.github.finetune4j.openai.protocol.ProtocolProviderFactory;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The OpenAI fine-tuning provider: configures the connection to the OpenAI API and plugs it into a
 * {@link FineTuneClient}.
 *
 * <pre>{@code
 * try (FineTuneClient client = OpenAiFineTuning.builder()
 *         .apiKey(System.getenv("OPENAI_API_KEY"))
 *         .project("proj_abc123")                        // optional
 *         .buildClient()) {
 *     FineTuneJob job = FineTuneJob.start(client, FineTuneRequest.builder()
 *             .baseModel("gpt-4o-mini-2024-07-18").trainingData(data).suffix("t1000").build());
 *     JobSnapshot done = job.awaitCompletion(WaitOptions.builder().timeout(Duration.ofHours(2)).build());
 * }
 * }</pre>
 *
 * <p>Each setting comes from the builder if it was set there, else from an environment variable (read through the
 * client's {@link EnvironmentLookup}), else from its default:
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>setting</th><th>variable</th><th>default</th></tr>
 * <tr><td>{@link Builder#apiKey(String) apiKey}</td><td>{@value #API_KEY_ENV}</td><td>none: required</td></tr>
 * <tr><td>{@link Builder#baseUrl(String) baseUrl}</td><td>{@value #BASE_URL_ENV}</td>
 *     <td>{@value #DEFAULT_BASE_URL}</td></tr>
 * <tr><td>{@link Builder#organization(String) organization}</td><td>{@value #ORGANIZATION_ENV}</td><td>none</td></tr>
 * <tr><td>{@link Builder#project(String) project}</td><td>{@value #PROJECT_ENV}</td><td>none</td></tr>
 * </table>
 *
 * <p>The public no-arg constructor exists for {@link java.util.ServiceLoader}: such an instance is configured from
 * the environment only, which is what {@code FineTuneClient.fromEnv()} and
 * {@code FineTuneClient.builder().provider("openai")} use. Instances are immutable and thread-safe; their
 * {@link #toString()} never shows the API key.
 */
public final class OpenAiFineTuning extends ProtocolProviderFactory {
    /** The provider id, {@value}. */
    public static final String ID = OpenAiPlatformDialect.ID;
    /** Environment variable holding the API key, {@value}. */
    public static final String API_KEY_ENV = OpenAiConfig.API_KEY_ENV;
    /** Environment variable holding the base URL, {@value}. */
    public static final String BASE_URL_ENV = OpenAiConfig.BASE_URL_ENV;
    /** Environment variable holding the organization id, {@value}. */
    public static final String ORGANIZATION_ENV = OpenAiConfig.ORGANIZATION_ENV;
    /** Environment variable holding the project id, {@value}. */
    public static final String PROJECT_ENV = OpenAiConfig.PROJECT_ENV;
    /** The default base URL, {@value}. */
    public static final String DEFAULT_BASE_URL = OpenAiConfig.DEFAULT_BASE_URL;

    private final Optional<ApiKey> apiKey;
    private final Optional<URI> baseUrl;
    private final Optional<String> organization;
    private final Optional<String> project;

    /**
     * Creates a provider factory configured purely from the environment ({@value #API_KEY_ENV} and friends). Used by
     * {@link java.util.ServiceLoader}; application code calls {@link #builder()}.
     */
    public OpenAiFineTuning() {
        this(new Builder());
    }

    private OpenAiFineTuning(Builder builder) {
        super(ID);
        this.apiKey = builder.apiKey;
        this.baseUrl = builder.baseUrl;
        this.organization = builder.organization;
        this.project = builder.project;
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
     * Tells whether an API key is set on the builder or in {@value #API_KEY_ENV}. Does no I/O.
     *
     * @param environment where to look for the variable
     * @return true if {@link #create(ProviderContext)} will find an API key
     */
    @Override
    public boolean isConfigured(EnvironmentLookup environment) {
        Objects.requireNonNull(environment, "environment");
        return apiKey.isPresent() || environment.get(API_KEY_ENV).isPresent();
    }

    /**
     * Resolves each setting from the builder, else the context's environment, else the default. Does no I/O.
     *
     * @param context the environment and the insecure-HTTP check
     * @return OpenAI's dialect
     * @throws IllegalStateException if no API key is configured; the message names {@value #API_KEY_ENV}
     * @throws IllegalArgumentException if the base URL is not an absolute http(s) URL, or is plain http to a host
     *     other than loopback without {@code allowInsecureHttp()} on the client builder
     */
    @Override
    protected OpenAiDialect dialect(ProviderContext context) {
        OpenAiConfig config = OpenAiConfig.resolve(apiKey, baseUrl, organization, project, context.environment());
        context.requireAllowed(config.baseUri());
        return new OpenAiPlatformDialect(config);
    }

    /**
     * Describes the configuration without revealing the API key or the organization and project ids.
     *
     * @return for example {@code OpenAiFineTuning[apiKey=REDACTED, baseUrl=https://api.openai.com/v1]}
     */
    @Override
    public String toString() {
        return "OpenAiFineTuning[apiKey=" + (apiKey.isPresent() ? "REDACTED" : "from " + API_KEY_ENV)
                + ", baseUrl=" + baseUrl.map(URI::toString).orElse("from " + BASE_URL_ENV + " or default")
                + ", organization=" + (organization.isPresent() ? "set" : "from " + ORGANIZATION_ENV)
                + ", project=" + (project.isPresent() ? "set" : "from " + PROJECT_ENV) + "]";
    }

    /**
     * Configures an {@link OpenAiFineTuning}. Every setting is optional here; unset ones are read from the
     * environment when the client is built. Not thread-safe.
     */
    public static final class Builder {
        private Optional<ApiKey> apiKey = Optional.empty();
        private Optional<URI> baseUrl = Optional.empty();
        private Optional<String> organization = Optional.empty();
        private Optional<String> project = Optional.empty();

        private Builder() {
        }

        /**
         * Sets the API key, sent as {@code Authorization: Bearer <key>}. Wrapped at once in an {@link ApiKey},
         * so it is never printed. Default: the value of {@value OpenAiFineTuning#API_KEY_ENV}.
         *
         * @param apiKey the key, not blank
         * @return this builder
         * @throws NullPointerException if {@code apiKey} is null
         * @throws IllegalArgumentException if {@code apiKey} is blank
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = Optional.of(ApiKey.of(Objects.requireNonNull(apiKey, "apiKey")));
            return this;
        }

        /**
         * Sets the API root, for example a gateway that speaks the OpenAI protocol. Default: the value of
         * {@value OpenAiFineTuning#BASE_URL_ENV}, else {@value OpenAiFineTuning#DEFAULT_BASE_URL}. Plain
         * {@code http://} is accepted only for loopback hosts unless the client builder allows insecure HTTP.
         *
         * @param baseUrl an absolute http(s) URL without query; a trailing slash is ignored
         * @return this builder
         * @throws NullPointerException if {@code baseUrl} is null
         * @throws IllegalArgumentException if it is not an absolute http(s) URL
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Optional.of(OpenAiConfig.parseBaseUri(Objects.requireNonNull(baseUrl, "baseUrl")));
            return this;
        }

        /**
         * Sets the API root; see {@link #baseUrl(String)}.
         *
         * @param baseUrl an absolute http(s) URI without query; a trailing slash is ignored
         * @return this builder
         * @throws NullPointerException if {@code baseUrl} is null
         * @throws IllegalArgumentException if it is not an absolute http(s) URI
         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Optional.of(OpenAiConfig.normalize(Objects.requireNonNull(baseUrl, "baseUrl")));
            return this;
        }

        /**
         * Sets the organization sent as {@code OpenAI-Organization}. Default: the value of
         * {@value OpenAiFineTuning#ORGANIZATION_ENV}, else no header.
         *
         * @param organization the organization id, for example {@code org-abc123}
         * @return this builder
         * @throws NullPointerException if {@code organization} is null
         * @throws IllegalArgumentException if {@code organization} is blank
         */
        public Builder organization(String organization) {
            this.organization = Optional.of(requireText(organization, "organization"));
            return this;
        }

        /**
         * Sets the project sent as {@code OpenAI-Project}. Default: the value of
         * {@value OpenAiFineTuning#PROJECT_ENV}, else no header.
         *
         * @param project the project id, for example {@code proj_abc123}
         * @return this builder
         * @throws NullPointerException if {@code project} is null
         * @throws IllegalArgumentException if {@code project} is blank
         */
        public Builder project(String project) {
            this.project = Optional.of(requireText(project, "project"));
            return this;
        }

        /**
         * Builds the provider factory. Settings left unset are resolved from the environment when a client is
         * built with it; a missing API key is reported then.
         *
         * @return the factory, to pass to {@code FineTuneClient.builder().provider(...)}
         */
        public OpenAiFineTuning build() {
            return new OpenAiFineTuning(this);
        }

        /**
         * Builds a client for this provider with the default client settings; shorthand for
         * {@code FineTuneClient.builder().provider(build()).build()}.
         *
         * @return the client; close it when done
         * @throws IllegalStateException if no API key is set here or in {@value OpenAiFineTuning#API_KEY_ENV}
         * @throws IllegalArgumentException if the base URL is not allowed (see {@link #baseUrl(String)})
         */
        public FineTuneClient buildClient() {
            return FineTuneClient.builder().provider(build()).build();
        }

        private static String requireText(String value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value.trim();
        }
    }
}
