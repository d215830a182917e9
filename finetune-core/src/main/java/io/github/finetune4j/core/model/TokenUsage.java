package io.github.finetune4j.core.model;

/**
 * Tokens used by one chat completion.
 *
 * @param promptTokens tokens in the request
 * @param completionTokens tokens in the answer
 * @param totalTokens both together
 */
public record TokenUsage(long promptTokens, long completionTokens, long totalTokens) {
}
