/**
 * The Azure dialects of the emulator: the Azure OpenAI data plane under {@code /openai/v1} and under the dated
 * route {@code /openai/...?api-version=}, and the ARM deployments of {@code Microsoft.CognitiveServices}, over the
 * same state as the OpenAI dialect. Not API. May change in any release.
 */
package io.github.finetune4j.testkit.internal.azure;
