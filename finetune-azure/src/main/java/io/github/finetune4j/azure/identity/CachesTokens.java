package io.github.finetune4j.azure.identity;

/** Marks a credential that already caches its tokens, so that {@link CachingTokenCredential#of} does not wrap it. */
interface CachesTokens {
}
