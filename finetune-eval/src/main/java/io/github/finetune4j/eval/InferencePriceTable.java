package io.github.finetune4j.eval;

import io.github.finetune4j.core.preflight.TokenEncoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Inference prices per model, to compare what 1,000 requests cost with each candidate. Immutable; {@link #with}
 * returns a table with a row added or replaced.
 *
 * <pre>{@code
 * InferencePriceTable prices = InferencePriceTable.openAi()
 *         .with(InferencePrice.of("gpt-4o-mini", ModelKind.FINE_TUNED, "0.30", "1.20"));
 * }</pre>
 *
 * @param version a label naming this snapshot, shown in reports
 * @param prices the rows; a model is priced by the row of its kind whose name is the longest prefix of its base
 *               model name
 */
public record InferencePriceTable(String version, List<InferencePrice> prices) {
    /**
     * Validates the components.
     *
     * @param version a label naming this snapshot, shown in reports
     * @param prices the rows; a model is priced by the row of its kind whose name is the longest prefix of its base
     *               model name
     */
    public InferencePriceTable {
        Objects.requireNonNull(version, "version");
        prices = List.copyOf(Objects.requireNonNull(prices, "prices"));
    }

    /**
     * OpenAI's standard-tier prices as of 2026-11-22, USD per million input / output tokens. Fine-tuned models
     * (finetune4j reference, section 8): gpt-4.1 3.00 / 12.00, gpt-4.1-mini 0.80 / 3.20, gpt-4.1-nano 0.20 / 0.80,
     * gpt-4o 3.75 / 15.00, gpt-4o-mini 0.30 / 1.20, gpt-3.5-turbo 3.00 / 6.00. Base models (OpenAI's pricing page,
     * not in the reference; check before relying on them): gpt-4.1 2.00 / 8.00, gpt-4.1-mini 0.40 / 1.60,
     * gpt-4.1-nano 0.10 / 0.40, gpt-4o 2.50 / 10.00, gpt-4o-mini 0.15 / 0.60, gpt-3.5-turbo 0.50 / 1.50. Azure
     * prices depend on region and deployment type: add them with {@link #with(InferencePrice)}.
     *
     * @return the table, version {@code openai-2026-11-22}
     */
    public static InferencePriceTable openAi() {
        return new InferencePriceTable("openai-2026-11-22", List.of(
                InferencePrice.of("gpt-4.1-nano", ModelKind.FINE_TUNED, "0.20", "0.80"),
                InferencePrice.of("gpt-4.1-mini", ModelKind.FINE_TUNED, "0.80", "3.20"),
                InferencePrice.of("gpt-4.1", ModelKind.FINE_TUNED, "3.00", "12.00"),
                InferencePrice.of("gpt-4o-mini", ModelKind.FINE_TUNED, "0.30", "1.20"),
                InferencePrice.of("gpt-4o", ModelKind.FINE_TUNED, "3.75", "15.00"),
                InferencePrice.of("gpt-3.5-turbo", ModelKind.FINE_TUNED, "3.00", "6.00"),
                InferencePrice.of("gpt-4.1-nano", ModelKind.BASE, "0.10", "0.40"),
                InferencePrice.of("gpt-4.1-mini", ModelKind.BASE, "0.40", "1.60"),
                InferencePrice.of("gpt-4.1", ModelKind.BASE, "2.00", "8.00"),
                InferencePrice.of("gpt-4o-mini", ModelKind.BASE, "0.15", "0.60"),
                InferencePrice.of("gpt-4o", ModelKind.BASE, "2.50", "10.00"),
                InferencePrice.of("gpt-3.5-turbo", ModelKind.BASE, "0.50", "1.50")));
    }

    /**
     * A table with one row added, replacing a row of the same model and kind.
     *
     * @param price the row
     * @return a new table
     */
    public InferencePriceTable with(InferencePrice price) {
        Objects.requireNonNull(price, "price");
        List<InferencePrice> rows = new ArrayList<>(prices);
        rows.removeIf(p -> p.model().equals(price.model()) && p.kind() == price.kind());
        rows.add(price);
        return new InferencePriceTable(version, rows);
    }

    /**
     * The price of a model: the row of its kind ({@link ModelKind#of(String)}) whose name is the longest prefix of
     * its base model name ({@link TokenEncoding#baseModelName(String)}).
     *
     * @param model a base, fine-tuned or checkpoint model name
     * @return the row, or empty when the model is not priced
     */
    public Optional<InferencePrice> find(String model) {
        ModelKind kind = ModelKind.of(model);
        String base = TokenEncoding.baseModelName(model);
        InferencePrice best = null;
        for (InferencePrice p : prices) {
            if (p.kind() == kind && base.startsWith(p.model())
                    && (best == null || p.model().length() > best.model().length())) {
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }
}
