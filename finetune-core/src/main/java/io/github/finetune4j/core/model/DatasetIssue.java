package io.github.finetune4j.core.model;

import java.util.Objects;

/**
 * One problem found in a dataset, with where it is.
 *
 * @param source the file name, or {@code <name> (built in code)} for a dataset built in code
 * @param line the 1-based line number, 0 when the issue concerns the whole file
 * @param field the JSON path of the offending field, for example {@code messages[2].role}; empty if none
 * @param code a stable machine-readable code, for example {@code unrecognized_role}
 * @param severity error or warning
 * @param message what is wrong, for a person
 */
public record DatasetIssue(String source, long line, String field, String code, Severity severity, String message) {
    /**
     * Validates the components.
     *
     * @param source the file name, or {@code <name> (built in code)} for a dataset built in code
     * @param line the 1-based line number, 0 when the issue concerns the whole file
     * @param field the JSON path of the offending field, for example {@code messages[2].role}; empty if none
     * @param code a stable machine-readable code, for example {@code unrecognized_role}
     * @param severity error or warning
     * @param message what is wrong, for a person
     */
    public DatasetIssue {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return source + (line > 0 ? ":" + line : "") + (field.isEmpty() ? "" : " " + field) + ": " + severity
                + " " + code + ": " + message;
    }
}
