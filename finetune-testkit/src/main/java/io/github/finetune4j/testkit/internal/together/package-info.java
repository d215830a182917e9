/**
 * The Together AI dialect, under {@code /together/v1}: files with the service's file check, fine-tunes (LoRA or
 * full, SFT or DPO) with Together's status words, events, checkpoints and metrics, the price estimate, model
 * limits, the download of a small fake adapter archive, and chat on serverless LoRA models. Request bodies are
 * checked against the shapes of {@code together-finetuning-openapi.yaml}. Not API. May change in any release.
 */
package io.github.finetune4j.testkit.internal.together;
