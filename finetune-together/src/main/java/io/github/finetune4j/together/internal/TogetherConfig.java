package io.github.finetune4j.together.internal;

import io.github.finetune4j.core.ApiKey;
import io.github.finetune4j.core.EnvironmentLookup;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The resolved settings of a Together client: each from the builder, else the environment, else the default.
 * {@link #toString()} never shows the key.
 *
 * @param apiKey the key, sent as {@code Authorization: Bearer}
 * @param baseUrl the API root without a trailing slash
 */
public record TogetherConfig(ApiKey apiKey, URI baseUrl) {
    /** Environment variable of the API key. */
    public static final String API_KEY_ENV = "TOGETHER_API_KEY";
    /** Environment variable of the API root. */
    public static final String BASE_URL_ENV = "TOGETHER_BASE_URL";
    /** The API root as the spec gives it (the SDKs still default to {@code https://api.together.xyz/v1}). */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.together.ai/v1");

    /**
     * Validates the components.
     *
     * @param apiKey the key
     * @param baseUrl the API root
     */
    public TogetherConfig {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(baseUrl, "baseUrl");
    }

    /**
     * Resolves the settings.
     *
     * @param apiKey the key set on the builder, if any
     * @param baseUrl the root set on the builder, if any
     * @param environment where the variables are read
     * @return the settings
     * @throws IllegalStateException if no key is set anywhere, naming {@value #API_KEY_ENV}
     * @throws IllegalArgumentException if the base URL is not an absolute http(s) URL
     */
    public static TogetherConfig resolve(Optional<ApiKey> apiKey, Optional<URI> baseUrl,
                                         EnvironmentLookup environment) {
        ApiKey key = apiKey.or(() -> environment.get(API_KEY_ENV).filter(v -> !v.isBlank()).map(ApiKey::of))
                .orElseThrow(() -> new IllegalStateException("no Together AI API key: set " + API_KEY_ENV
                        + " or call TogetherAiFineTuning.builder().apiKey(...)"));
        URI base = baseUrl.or(() -> environment.get(BASE_URL_ENV).filter(v -> !v.isBlank()).map(URI::create))
                .orElse(DEFAULT_BASE_URL);
        return new TogetherConfig(key, normalize(base));
    }

    /**
     * Checks a base URL and strips its trailing slashes.
     *
     * @param base the URL
     * @return the URL without trailing slash
     * @throws IllegalArgumentException if it is not absolute http(s) or carries a query
     */
    public static URI normalize(URI base) {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || base.getHost() == null || base.getRawQuery() != null) {
            throw new IllegalArgumentException("Together base URL must be an absolute http(s) URL without query, for "
                    + "example " + DEFAULT_BASE_URL + ": " + base.getScheme() + "://" + base.getHost());
        }
        return URI.create(base.toString().replaceAll("/+$", ""));
    }

    @Override
    public String toString() {
        return "TogetherConfig[" + baseUrl + ", apiKey=REDACTED]";
    }
}
