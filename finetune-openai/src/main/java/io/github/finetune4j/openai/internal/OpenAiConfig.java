package io.github.finetune4j.openai.internal;

import io.github.finetune4j.core.ApiKey;
import io.github.finetune4j.core.EnvironmentLookup;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The resolved connection settings of the OpenAI provider. Its {@link #toString()} never shows the key.
 *
 * @param apiKey the API key, sent as {@code Authorization: Bearer ...}
 * @param baseUri the API root without a trailing slash, for example {@code https://api.openai.com/v1}
 * @param organization the {@code OpenAI-Organization} header value, if any
 * @param project the {@code OpenAI-Project} header value, if any
 */
public record OpenAiConfig(ApiKey apiKey, URI baseUri, Optional<String> organization, Optional<String> project) {
    /** Environment variable of the API key. */
    public static final String API_KEY_ENV = "OPENAI_API_KEY";
    /** Environment variable of the base URL. */
    public static final String BASE_URL_ENV = "OPENAI_BASE_URL";
    /** Environment variable of the organization id. */
    public static final String ORGANIZATION_ENV = "OPENAI_ORG_ID";
    /** Environment variable of the project id. */
    public static final String PROJECT_ENV = "OPENAI_PROJECT_ID";
    /** The public OpenAI API root. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    /** The public OpenAI API root as a URI. */
    public static final URI DEFAULT_BASE_URI = URI.create(DEFAULT_BASE_URL);
    public OpenAiConfig {
        Objects.requireNonNull(apiKey, "apiKey");
        baseUri = normalize(baseUri);
        organization = organization == null ? Optional.empty() : organization;
        project = project == null ? Optional.empty() : project;
    }

    /**
     * Resolves each setting: the explicit value, else the environment variable, else the default.
     *
     * @param apiKey the explicit key
     * @param baseUri the explicit base URI
     * @param organization the explicit organization
     * @param project the explicit project
     * @param environment where to look for variables
     * @return the settings
     * @throws IllegalStateException if no API key is configured
     * @throws IllegalArgumentException if {@code OPENAI_BASE_URL} is not an absolute http(s) URL
     */
    public static OpenAiConfig resolve(Optional<ApiKey> apiKey, Optional<URI> baseUri, Optional<String> organization,
                                       Optional<String> project, EnvironmentLookup environment) {
        ApiKey key = apiKey.or(() -> environment.get(API_KEY_ENV).map(ApiKey::of))
                .orElseThrow(() -> new IllegalStateException(
                        "API key missing: call apiKey(...) or set " + API_KEY_ENV));
        URI base = baseUri.or(() -> environment.get(BASE_URL_ENV).map(OpenAiConfig::parseEnvironmentBaseUri))
                .orElse(DEFAULT_BASE_URI);
        return new OpenAiConfig(key, base,
                organization.or(() -> environment.get(ORGANIZATION_ENV).map(String::trim)),
                project.or(() -> environment.get(PROJECT_ENV).map(String::trim)));
    }

    private static URI parseEnvironmentBaseUri(String value) {
        try {
            return parseBaseUri(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(BASE_URL_ENV + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses and checks a base URL.
     *
     * @param value the URL text
     * @return the normalised URI
     * @throws IllegalArgumentException if it is not an absolute http(s) URL without query or fragment
     */
    public static URI parseBaseUri(String value) {
        Objects.requireNonNull(value, "baseUrl");
        try {
            return normalize(new URI(value));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("base URL is not a valid URI: " + e.getReason(), e);
        }
    }

    /**
     * Checks a base URI and removes trailing slashes from its path.
     *
     * @param uri the URI
     * @return the normalised URI
     * @throws IllegalArgumentException if it is not an absolute http(s) URL without query or fragment
     */
    public static URI normalize(URI uri) {
        Objects.requireNonNull(uri, "baseUrl");
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("base URL must be an absolute http(s) URL, for example "
                    + DEFAULT_BASE_URI);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("base URL must not have user info, a query or a fragment");
        }
        String text = uri.toString();
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '/') {
            end--;
        }
        return URI.create(text.substring(0, end));
    }
}
