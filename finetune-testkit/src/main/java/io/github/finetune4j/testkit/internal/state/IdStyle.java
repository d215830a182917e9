package io.github.finetune4j.testkit.internal.state;

/**
 * The look of the ids and model names the emulator generates, after the dialect that created the thing.
 */
public enum IdStyle {
    /** {@code file-<22 alphanumerics>}, {@code ftjob-<24>}, fine-tuned models {@code ft:<base>:<org>:<suffix>:<id>}. */
    OPENAI,
    /** {@code file-<32 hex>}, {@code ftjob-<32 hex>}, fine-tuned models {@code <base>.ft-<32 hex>[-<suffix>]}. */
    AZURE,
    /** {@code file-<uuid>}, {@code ft-<uuid>}, fine-tuned models {@code <org>/<base name>[-<suffix>]-<8 hex>}. */
    TOGETHER
}
