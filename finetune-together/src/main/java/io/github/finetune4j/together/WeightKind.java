package io.github.finetune4j.together;

/** Which weights of a completed job {@link TogetherAi#downloadWeights} fetches. */
public enum WeightKind {
    /** The LoRA adapter alone (small; load it on the base model with any LoRA-capable server). LoRA jobs only. */
    ADAPTER("adapter"),
    /** The base model with the adapter merged in, in the Hugging Face layout. LoRA jobs only. */
    MERGED("merged"),
    /** The raw training output; the only kind of a full fine-tune. */
    MODEL_OUTPUT_PATH("model_output_path");

    private final String wireName;

    WeightKind(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The value of the download's {@code checkpoint} parameter.
     *
     * @return for example {@code adapter}
     */
    public String wireName() {
        return wireName;
    }
}
