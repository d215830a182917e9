package io.github.finetune4j.testkit.internal.azure;

import java.util.List;

/**
 * The two Azure OpenAI data-plane routes.
 */
enum AzureRoute {
    /** {@code /openai/v1/...}: OpenAI-compatible shapes, {@code api-version} optional. */
    V1(List.of("openai", "v1")),
    /** {@code /openai/...?api-version=2024-10-21}: the GA shapes of the authoring spec, {@code api-version} required. */
    DATED(List.of("openai"));

    private final List<String> prefix;

    AzureRoute(List<String> prefix) {
        this.prefix = prefix;
    }

    List<String> prefix() {
        return prefix;
    }

    /** The path of this route's root, e.g. {@code /openai/v1}. */
    String root() {
        return "/" + String.join("/", prefix);
    }
}
