/**
 * The OpenAI fine-tuning protocol, for provider modules (not for application code): one implementation of the wire
 * (DTOs, mappers, response reading, paging cursors, hyperparameter encoding, chat and batch JSON) shared by every
 * endpoint that speaks it. What differs between endpoints is an {@link io.github.finetune4j.openai.protocol.OpenAiDialect};
 * {@link io.github.finetune4j.openai.protocol.ProtocolProvider} turns a dialect into a core provider. OpenAI,
 * Azure OpenAI and {@link io.github.finetune4j.openai.OpenAiCompatible} endpoints are dialects of it.
 *
 * <p>SPI: stable within a minor release for provider authors; may change in a minor release with a CHANGELOG note.
 */
package io.github.finetune4j.openai.protocol;
