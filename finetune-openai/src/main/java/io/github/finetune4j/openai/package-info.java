/**
 * The OpenAI provider for finetune4j: {@link io.github.finetune4j.openai.OpenAiFineTuning} configures the connection
 * (API key, base URL, organization, project) and plugs OpenAI into
 * {@link io.github.finetune4j.core.FineTuneClient}.
 */
package io.github.finetune4j.openai;
