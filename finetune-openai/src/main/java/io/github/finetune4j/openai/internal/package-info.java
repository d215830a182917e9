/**
 * Not API. May change in any release.
 *
 * <p>The OpenAI wire protocol: snake_case DTO records, mappers to the core's model records, endpoint paths and the
 * {@link io.github.finetune4j.core.spi.FineTuneProvider} implementation.
 */
package io.github.finetune4j.openai.internal;
