package io.github.finetune4j.eval;

import java.util.Locale;

/** Whether a price applies to a base model or to fine-tuned models of that base. */
public enum ModelKind {
    /** A provider's own model, for example {@code gpt-4o-mini-2024-07-18}. */
    BASE,
    /** A fine-tuned model, for example {@code ft:gpt-4o-mini-2024-07-18:org:t1000:abc}; billed at its own rate. */
    FINE_TUNED;

    /**
     * The kind of a model name: OpenAI fine-tuned names start with {@code ft:}, Azure fine-tuned names contain
     * {@code .ft-}.
     *
     * @param model the model name
     * @return the kind
     */
    public static ModelKind of(String model) {
        String name = model.trim().toLowerCase(Locale.ROOT);
        return name.startsWith("ft:") || name.contains(".ft-") ? FINE_TUNED : BASE;
    }
}
