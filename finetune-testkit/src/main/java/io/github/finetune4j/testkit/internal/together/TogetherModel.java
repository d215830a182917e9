package io.github.finetune4j.testkit.internal.together;

import java.util.List;

/**
 * A base model the emulated Together account can fine-tune, with the limits {@code /fine-tunes/models/limits}
 * reports.
 *
 * @param id the model name, e.g. {@code meta-llama/Meta-Llama-3.1-8B-Instruct-Reference}
 * @param organization the publisher, e.g. {@code meta-llama}
 * @param paramCount the number of parameters
 * @param contextLength the context length in tokens
 * @param lora the LoRA limits
 * @param full the full-training limits, or null when only LoRA is offered
 * @param serverlessLora whether a LoRA fine-tune of it answers on the serverless chat route; otherwise it needs a
 *     dedicated endpoint
 * @param supportsReasoning whether the model reasons
 */
record TogetherModel(String id, String organization, long paramCount, int contextLength, Limits lora,
                     Limits full, boolean serverlessLora, boolean supportsReasoning) {

    /** The modules LoRA can target. */
    static final List<String> TARGET_MODULES = List.of("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj",
            "up_proj", "down_proj");

    /** The most epochs a job may have. */
    static final int MAX_EPOCHS = 20;

    /** The most evaluations a job may have. */
    static final int MAX_EVALS = 100;

    /** The smallest learning rate accepted. */
    static final double MIN_LEARNING_RATE = 1e-6;

    /** The largest learning rate accepted. */
    static final double MAX_LEARNING_RATE = 1e-2;

    /**
     * Batch and rank limits of one training type.
     *
     * @param minBatch the smallest batch size
     * @param maxBatch the largest batch size for SFT
     * @param maxBatchDpo the largest batch size for DPO
     * @param maxRank the largest LoRA rank, 0 for full training
     */
    record Limits(int minBatch, int maxBatch, int maxBatchDpo, int maxRank) {
    }

    /** The name part after the organization, e.g. {@code Meta-Llama-3.1-8B-Instruct-Reference}. */
    String shortName() {
        int slash = id.lastIndexOf('/');
        return slash < 0 ? id : id.substring(slash + 1);
    }
}
