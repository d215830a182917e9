/**
 * Entra ID tokens without azure-identity: {@link io.github.finetune4j.azure.identity.TokenCredential} and its
 * built-in implementations (client secret, workload identity, managed identity), cached and refreshed by
 * {@link io.github.finetune4j.azure.identity.CachingTokenCredential}. Token requests go through the core transport
 * (retries, timeouts, redaction); secrets never appear in messages, logs or {@code toString()}.
 */
package io.github.finetune4j.azure.identity;
