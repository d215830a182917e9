/**
 * The OpenAI dialect: routes under {@code /v1}, Bearer authentication, request parsing and the JSON shapes of
 * the OpenAI fine-tuning API. Not API. May change in any release.
 */
package io.github.finetune4j.testkit.internal.openai;
