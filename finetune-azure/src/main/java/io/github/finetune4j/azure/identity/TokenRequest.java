package io.github.finetune4j.azure.identity;

import java.util.Objects;

/**
 * What a token is requested for: one OAuth 2.0 scope, naming the resource the token will be sent to. Azure issues a
 * token for one resource only, so the data plane and Azure Resource Manager each get their own token.
 *
 * @param scope the scope, for example {@value #COGNITIVE_SERVICES_SCOPE}
 */
public record TokenRequest(String scope) {
    /** Scope of the Azure OpenAI data plane (files, jobs, models, chat), {@value}. */
    public static final String COGNITIVE_SERVICES_SCOPE = "https://cognitiveservices.azure.com/.default";
    /** Scope of Azure Resource Manager (deployments), {@value}. */
    public static final String MANAGEMENT_SCOPE = "https://management.azure.com/.default";

    private static final String DEFAULT_SUFFIX = "/.default";
    /**
     * Validates the components.
     *
     * @param scope the scope, for example {@value #COGNITIVE_SERVICES_SCOPE}
     */
    public TokenRequest {
        Objects.requireNonNull(scope, "scope");
        if (scope.isBlank() || scope.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("scope must be one non-blank scope without whitespace: " + scope);
        }
    }

    /**
     * A request for one scope.
     *
     * @param scope the scope, for example {@value #MANAGEMENT_SCOPE}
     * @return the request
     * @throws IllegalArgumentException if {@code scope} is blank or contains whitespace
     */
    public static TokenRequest of(String scope) {
        return new TokenRequest(scope);
    }

    /**
     * The resource of this scope, as managed identity endpoints expect it ({@code resource=}): the scope without its
     * {@code /.default} suffix.
     *
     * @return for example {@code https://cognitiveservices.azure.com}
     */
    public String resource() {
        return scope.endsWith(DEFAULT_SUFFIX) ? scope.substring(0, scope.length() - DEFAULT_SUFFIX.length()) : scope;
    }
}
