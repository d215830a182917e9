package io.github.finetune4j.core.preflight;

import java.util.Objects;

/**
 * One piece of personal data or one secret found in a dataset. The value itself is never kept: only a masked
 * excerpt such as {@code j***@***.de} or {@code **** **** **** 4242}.
 *
 * @param line the 1-based line number
 * @param field the JSON path of the string, for example {@code messages[1].content}
 * @param kind what was found
 * @param maskedExcerpt the finding with most characters replaced by {@code *}; never the full value
 */
public record PiiFinding(long line, String field, PiiKind kind, String maskedExcerpt) {
    /**
     * Validates the components.
     *
     * @param line the 1-based line number
     * @param field the JSON path of the string, for example {@code messages[1].content}
     * @param kind what was found
     * @param maskedExcerpt the finding with most characters replaced by {@code *}; never the full value
     * @throws NullPointerException if a component is null
     */
    public PiiFinding {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(maskedExcerpt, "maskedExcerpt");
    }
}
