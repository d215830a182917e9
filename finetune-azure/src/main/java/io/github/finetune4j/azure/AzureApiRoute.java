package io.github.finetune4j.azure;

/** Which Azure OpenAI data-plane route the provider uses. */
public enum AzureApiRoute {
    /**
     * {@code {endpoint}/openai/v1/...} without an {@code api-version} (GA since August 2025, OpenAI-compatible).
     * Operations v1 lacks (file import from a URL) still use the dated route with the configured api-version.
     * Inference sends the deployment name as {@code model} in the body.
     */
    V1,
    /**
     * {@code {endpoint}/openai/...?api-version=...} (the dated API, default {@code 2024-10-21}). Inference goes to
     * {@code /openai/deployments/{deployment}/chat/completions}.
     */
    DATED
}
