package io.github.finetune4j.core.model;

/** The training method of a fine-tuning job. */
public enum FineTuneMethod {
    /** Supervised fine-tuning on chat examples ({@code messages} lines). The default. */
    SUPERVISED("supervised"),
    /** Direct preference optimisation on preference pairs ({@code input} / {@code preferred_output} lines). */
    DPO("dpo");

    private final String wireName;

    FineTuneMethod(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The word the providers use for this method.
     *
     * @return {@code supervised} or {@code dpo}
     */
    public String wireName() {
        return wireName;
    }
}
