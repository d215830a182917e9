package io.github.finetune4j.openai.protocol;

import io.github.finetune4j.core.ApiKey;
import io.github.finetune4j.core.preflight.PriceTable;
import io.github.finetune4j.core.spi.HttpCall;
import io.github.finetune4j.core.spi.ProviderCapabilities;

import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds an {@link OpenAiDialect} for an endpoint that speaks the protocol as OpenAI does: one base URL for every
 * operation, a key in a header, OpenAI's status words and body shapes. Start with
 * {@link OpenAiDialect#builder(String, URI)}. Not thread-safe; the dialect it builds is immutable.
 */
public final class DialectBuilder {
    private final String providerId;
    private final String base;
    private String serviceName;
    private String keyHeader = "Authorization";
    private String keyPrefix = "Bearer ";
    private ApiKey apiKey;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Set<OpenAiDialect.Feature> features = EnumSet.of(OpenAiDialect.Feature.MODEL_CATALOG);
    private ProviderCapabilities capabilities;

    DialectBuilder(String providerId, URI baseUri) {
        Objects.requireNonNull(providerId, "providerId");
        if (!providerId.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("providerId must be lower case letters, digits, '.', '_' or '-': "
                    + providerId);
        }
        this.providerId = providerId;
        this.base = trimSlashes(Objects.requireNonNull(baseUri, "baseUri").toString());
        this.serviceName = providerId;
    }

    /**
     * Sets the name used in messages. Default: the provider id.
     *
     * @param name for example {@code ACME AI gateway}
     * @return this builder
     */
    public DialectBuilder serviceName(String name) {
        this.serviceName = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * Sends the key as {@code Authorization: Bearer <key>} (the default header).
     *
     * @param key the key
     * @return this builder
     */
    public DialectBuilder bearer(ApiKey key) {
        return apiKeyHeader("Authorization", "Bearer ", key);
    }

    /**
     * Sends the key in a header of its own, as is, for example {@code x-api-key: <key>}. Its value is redacted from
     * every message and log.
     *
     * @param header the header name
     * @param key the key
     * @return this builder
     */
    public DialectBuilder apiKeyHeader(String header, ApiKey key) {
        return apiKeyHeader(header, "", key);
    }

    private DialectBuilder apiKeyHeader(String header, String prefix, ApiKey key) {
        this.keyHeader = Objects.requireNonNull(header, "header");
        this.keyPrefix = prefix;
        this.apiKey = Objects.requireNonNull(key, "key");
        return this;
    }

    /**
     * Adds a header sent with every request (not a secret: it is allowed in logs only if allow-listed).
     *
     * @param name the header name
     * @param value the value
     * @return this builder
     */
    public DialectBuilder header(String name, String value) {
        headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Sets the optional operations the endpoint has. Default: the model catalog only.
     *
     * @param features the features
     * @return this builder
     */
    public DialectBuilder features(Set<OpenAiDialect.Feature> features) {
        this.features = features.isEmpty() ? EnumSet.noneOf(OpenAiDialect.Feature.class) : EnumSet.copyOf(features);
        return this;
    }

    /**
     * Sets what the core needs to know. Default: OpenAI's price table ({@link PriceTable#openAi()}), no metadata
     * filter, no end date.
     *
     * @param capabilities the capabilities
     * @return this builder
     */
    public DialectBuilder capabilities(ProviderCapabilities capabilities) {
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        return this;
    }

    /**
     * Builds the dialect.
     *
     * @return the dialect
     * @throws IllegalStateException if no key was set
     */
    public OpenAiDialect build() {
        if (apiKey == null) {
            throw new IllegalStateException("API key missing for " + providerId + ": call bearer(...) or "
                    + "apiKeyHeader(...)");
        }
        ProviderCapabilities caps = capabilities != null ? capabilities
                : ProviderCapabilities.builder(PriceTable.openAi()).build();
        return new Configured(providerId, serviceName, base, keyHeader, keyPrefix, apiKey, Map.copyOf(headers),
                features, caps);
    }

    private static String trimSlashes(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '/') {
            end--;
        }
        return text.substring(0, end);
    }

    /** The dialect a builder made. */
    private static final class Configured extends BaseDialect {
        private final String base;
        private final String keyHeader;
        private final String keyPrefix;
        private final ApiKey apiKey;
        private final Map<String, String> headers;

        Configured(String providerId, String serviceName, String base, String keyHeader, String keyPrefix,
                   ApiKey apiKey, Map<String, String> headers, Set<Feature> features,
                   ProviderCapabilities capabilities) {
            super(providerId, serviceName, capabilities, features);
            this.base = base;
            this.keyHeader = keyHeader;
            this.keyPrefix = keyPrefix;
            this.apiKey = apiKey;
            this.headers = headers;
        }

        @Override
        public URI uri(Operation operation, String path, Map<String, String> query) {
            return ProtocolUris.append(base, path, query);
        }

        @Override
        public void authenticate(HttpCall.Builder call) {
            call.header(keyHeader, keyPrefix + apiKey.reveal()).secret(apiKey.reveal());
            headers.forEach(call::header);
        }

        @Override
        public String toString() {
            return "OpenAiDialect[" + providerId() + ", " + base + ", " + keyHeader + " REDACTED]";
        }
    }
}
