package io.github.finetune4j.eval;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * The price of asking a model, in US dollars per million tokens.
 *
 * @param model a model name prefix, lower case, matched against the base model name (for example
 *              {@code gpt-4o-mini})
 * @param kind whether the row is for the base model itself or for its fine-tuned models
 * @param inputPerMillionTokens USD per million prompt tokens, not negative
 * @param outputPerMillionTokens USD per million completion tokens, not negative
 */
public record InferencePrice(String model, ModelKind kind, BigDecimal inputPerMillionTokens,
                             BigDecimal outputPerMillionTokens) {
    /**
     * Validates the components.
     *
     * @param model a model name prefix, lower case, matched against the base model name (for example
     *              {@code gpt-4o-mini})
     * @param kind whether the row is for the base model itself or for its fine-tuned models
     * @param inputPerMillionTokens USD per million prompt tokens, not negative
     * @param outputPerMillionTokens USD per million completion tokens, not negative
     */
    public InferencePrice {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(inputPerMillionTokens, "inputPerMillionTokens");
        Objects.requireNonNull(outputPerMillionTokens, "outputPerMillionTokens");
        if (inputPerMillionTokens.signum() < 0 || outputPerMillionTokens.signum() < 0) {
            throw new IllegalArgumentException("prices must not be negative");
        }
        model = model.toLowerCase(Locale.ROOT);
    }

    /**
     * A row from decimal strings.
     *
     * @param model the model name prefix
     * @param kind base or fine-tuned
     * @param input USD per million prompt tokens, for example {@code "0.30"}
     * @param output USD per million completion tokens
     * @return the row
     */
    public static InferencePrice of(String model, ModelKind kind, String input, String output) {
        return new InferencePrice(model, kind, new BigDecimal(input), new BigDecimal(output));
    }
}
