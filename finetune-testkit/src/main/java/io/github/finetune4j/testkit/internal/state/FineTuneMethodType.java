package io.github.finetune4j.testkit.internal.state;

/**
 * The fine-tuning methods the emulator simulates.
 */
public enum FineTuneMethodType {
    /** Supervised fine-tuning on chat examples. */
    SUPERVISED,
    /** Direct preference optimisation on preferred/non-preferred outputs. */
    DPO
}
