package io.github.finetune4j.openai;

import io.github.finetune4j.core.ApiKey;
import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.spi.ProviderCapabilities;
import io.github.finetune4j.core.spi.ProviderContext;
import io.github.finetune4j.openai.internal.OpenAiConfig;
import io.github.finetune4j.openai.protocol.DialectBuilder;
import io.github.finetune4j.openai.protocol.OpenAiDialect;
import io.github.finetune4j.openai.protocol.ProtocolProviderFactory;

import java.net.URI;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Any endpoint that speaks the OpenAI fine-tuning protocol (a company gateway, a proxy, a service that copies the
 * API) as a first-class provider: the whole story (pre-flight, upload, exactly-once start, awaiting, chat) runs on
 * it unchanged.
 *
 * <pre>{@code
 * try (FineTuneClient client = OpenAiCompatible.builder()
 *         .id("acme-gateway").baseUrl("https://ai.acme.example/openai/v1")
 *         .apiKeyHeader("x-acme-key").apiKeyEnv("ACME_API_KEY")
 *         .features(EnumSet.of(OpenAiDialect.Feature.MODEL_CATALOG, OpenAiDialect.Feature.PAUSE_RESUME))
 *         .buildClient()) {
 *     FineTuneJob job = FineTuneJob.start(client, request);
 * }
 * }</pre>
 *
 * <p>What the endpoint must do as OpenAI does: paths under the base URL, the JSON shapes, status words and error
 * envelope. What is declared here: the id, the base URL, the key and the header it goes in, the optional operations
 * ({@link OpenAiDialect.Feature}), and the capabilities (price table, whether jobs can be listed by metadata). A
 * service that differs in more (routes, status words, body fields) gets its own {@link OpenAiDialect}; see
 * {@code docs/providers.md}. Immutable and thread-safe; {@link #toString()} never shows the key.
 */
public final class OpenAiCompatible extends ProtocolProviderFactory {
    private final Optional<URI> baseUrl;
    private final Optional<ApiKey> apiKey;
    private final String apiKeyEnv;
    private final String baseUrlEnv;
    private final String apiKeyHeader;
    private final Set<OpenAiDialect.Feature> features;
    private final Optional<ProviderCapabilities> capabilities;

    private OpenAiCompatible(Builder b) {
        super(b.id);
        this.baseUrl = b.baseUrl;
        this.apiKey = b.apiKey;
        this.apiKeyEnv = b.apiKeyEnv;
        this.baseUrlEnv = b.baseUrlEnv;
        this.apiKeyHeader = b.apiKeyHeader;
        this.features = Set.copyOf(b.features);
        this.capabilities = b.capabilities;
    }

    /**
     * Starts configuring an endpoint.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }


    /**
     * Tells whether a key is set on the builder or in the key variable, and a base URL on the builder or in the
     * base-URL variable. Does no I/O.
     *
     * @param environment where to look
     * @return true if {@link #create(ProviderContext)} will succeed
     */
    @Override
    public boolean isConfigured(EnvironmentLookup environment) {
        Objects.requireNonNull(environment, "environment");
        return (apiKey.isPresent() || environment.get(apiKeyEnv).isPresent())
                && (baseUrl.isPresent() || environment.get(baseUrlEnv).isPresent());
    }

    /**
     * Resolves the key and the base URL. Does no I/O.
     *
     * @param context the environment and the insecure-HTTP check
     * @return the endpoint's dialect
     * @throws IllegalStateException if the key or the base URL is missing; the message names the variables
     * @throws IllegalArgumentException if the base URL is not allowed (plain http to a host other than loopback)
     */
    @Override
    protected OpenAiDialect dialect(ProviderContext context) {
        ApiKey key = apiKey.or(() -> context.environment().get(apiKeyEnv).map(ApiKey::of))
                .orElseThrow(() -> new IllegalStateException("API key missing for " + id() + ": call apiKey(...) or "
                        + "set " + apiKeyEnv));
        URI base = baseUrl.or(() -> context.environment().get(baseUrlEnv).map(OpenAiConfig::parseBaseUri))
                .orElseThrow(() -> new IllegalStateException("base URL missing for " + id() + ": call baseUrl(...) "
                        + "or set " + baseUrlEnv));
        context.requireAllowed(base);
        DialectBuilder dialect = OpenAiDialect.builder(id(), base).features(features);
        if (apiKeyHeader.equalsIgnoreCase("Authorization")) {
            dialect.bearer(key);
        } else {
            dialect.apiKeyHeader(apiKeyHeader, key);
        }
        capabilities.ifPresent(dialect::capabilities);
        return dialect.build();
    }

    @Override
    public String toString() {
        return "OpenAiCompatible[" + id() + ", baseUrl=" + baseUrl.map(URI::toString).orElse("from " + baseUrlEnv)
                + ", apiKey=" + (apiKey.isPresent() ? "REDACTED" : "from " + apiKeyEnv) + "]";
    }

    /** Configures an {@link OpenAiCompatible}. Not thread-safe. */
    public static final class Builder {
        private String id = "openai-compatible";
        private Optional<URI> baseUrl = Optional.empty();
        private Optional<ApiKey> apiKey = Optional.empty();
        private String apiKeyEnv = "OPENAI_COMPATIBLE_API_KEY";
        private String baseUrlEnv = "OPENAI_COMPATIBLE_BASE_URL";
        private String apiKeyHeader = "Authorization";
        private Set<OpenAiDialect.Feature> features = EnumSet.of(OpenAiDialect.Feature.MODEL_CATALOG);
        private Optional<ProviderCapabilities> capabilities = Optional.empty();

        private Builder() {
        }

        /**
         * Sets the provider id shown in snapshots and messages. Default: {@code openai-compatible}.
         *
         * @param id lower case letters, digits, {@code .}, {@code _} or {@code -}
         * @return this builder
         */
        public Builder id(String id) {
            Objects.requireNonNull(id, "id");
            if (!id.matches("[a-z0-9][a-z0-9._-]*")) {
                throw new IllegalArgumentException("id must be lower case letters, digits, '.', '_' or '-': " + id);
            }
            this.id = id;
            return this;
        }

        /**
         * Sets the API root, for example {@code https://ai.acme.example/openai/v1}. Default: the base-URL variable.
         *
         * @param baseUrl an absolute http(s) URL without query
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Optional.of(OpenAiConfig.parseBaseUri(Objects.requireNonNull(baseUrl, "baseUrl")));
            return this;
        }

        /**
         * Sets the key. Default: the key variable.
         *
         * @param apiKey the key
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = Optional.of(ApiKey.of(Objects.requireNonNull(apiKey, "apiKey")));
            return this;
        }

        /**
         * Sets the environment variable holding the key. Default: {@code OPENAI_COMPATIBLE_API_KEY}.
         *
         * @param name the variable
         * @return this builder
         */
        public Builder apiKeyEnv(String name) {
            this.apiKeyEnv = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets the environment variable holding the base URL. Default: {@code OPENAI_COMPATIBLE_BASE_URL}.
         *
         * @param name the variable
         * @return this builder
         */
        public Builder baseUrlEnv(String name) {
            this.baseUrlEnv = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sends the key in this header as is, instead of {@code Authorization: Bearer <key>}.
         *
         * @param header for example {@code x-api-key}
         * @return this builder
         */
        public Builder apiKeyHeader(String header) {
            this.apiKeyHeader = Objects.requireNonNull(header, "header");
            return this;
        }

        /**
         * Sets the optional operations the endpoint has. Default: the model catalog only.
         *
         * @param features the features
         * @return this builder
         */
        public Builder features(Set<OpenAiDialect.Feature> features) {
            this.features = features.isEmpty() ? EnumSet.noneOf(OpenAiDialect.Feature.class)
                    : EnumSet.copyOf(features);
            return this;
        }

        /**
         * Sets price table, metadata filter and end date. Default: OpenAI's price table, no metadata filter.
         *
         * @param capabilities the capabilities
         * @return this builder
         */
        public Builder capabilities(ProviderCapabilities capabilities) {
            this.capabilities = Optional.of(Objects.requireNonNull(capabilities, "capabilities"));
            return this;
        }

        /**
         * Builds the factory, to pass to {@code FineTuneClient.builder().provider(...)}.
         *
         * @return the factory
         */
        public OpenAiCompatible build() {
            return new OpenAiCompatible(this);
        }

        /**
         * Builds a client with the default client settings.
         *
         * @return the client; close it when done
         * @throws IllegalStateException if the key or base URL is missing
         */
        public FineTuneClient buildClient() {
            return FineTuneClient.builder().provider(build()).build();
        }
    }
}
