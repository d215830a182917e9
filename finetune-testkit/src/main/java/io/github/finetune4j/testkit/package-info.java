/**
 * {@link io.github.finetune4j.testkit.FineTuningEmulator}: an in-process emulator of the OpenAI fine-tuning wire
 * API (files, fine-tuning jobs with events and checkpoints, models, chat completions) and of its Azure OpenAI
 * counterpart (v1 and dated routes, ARM deployments, chat through a deployment) and of Together AI's fine-tuning
 * API (files, fine-tunes, price estimate, weights download, serverless LoRA chat) on the loopback interface,
 * with a controllable {@link io.github.finetune4j.testkit.EmulatorClock}, {@link io.github.finetune4j.testkit.Faults
 * fault injection} and a JUnit 5 extension, {@link io.github.finetune4j.testkit.FineTuningEmulatorExtension}.
 *
 * <p>It is an emulation for offline examples and tests, not a language model: a fine-tuned model answers with
 * the training answer whose question is most similar to the user's.
 */
package io.github.finetune4j.testkit;
