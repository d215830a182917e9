package io.github.finetune4j.core.preflight;

import io.github.finetune4j.core.error.DatasetValidationException;
import io.github.finetune4j.core.internal.preflight.ReportJson;
import io.github.finetune4j.core.internal.preflight.ReportText;
import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.Severity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The outcome of a pre-flight check: every problem with line, field and a stable code, the token statistics, the
 * epoch and cost estimate and the personal data found. Counts are exact; the lists keep at most
 * {@link ValidationOptions#maxIssuesPerCode()} entries per code so the report stays small for any file.
 *
 * <pre>{@code
 * ValidationReport report = dataset.validate(options);
 * System.out.println(report.toText());                // for people
 * Files.writeString(Path.of("preflight.json"), report.toJson());   // for tools
 * report.throwIfErrors();
 * }</pre>
 *
 * <p>Issue codes of the OpenAI cookbook's format check keep its names and meaning ({@code data_type},
 * {@code missing_messages_list}, {@code message_missing_key}, {@code message_unrecognized_key},
 * {@code unrecognized_role}, {@code missing_content}, {@code example_missing_assistant_message}), except that current
 * keys and roles ({@code tool}, {@code tool_calls}, {@code refusal}, content parts) are accepted and one problem is
 * counted under one code only. The canonical constructor is outside the compatibility promise: use
 * {@link #builder()}. Immutable and thread-safe.
 *
 * @param source the file checked, or {@code <name> (built in code)}
 * @param baseModel the model checked for
 * @param method the training method checked for
 * @param bytes the size of the data in bytes
 * @param lines lines read, blank ones included
 * @param examples non-blank lines
 * @param errorCount errors found (all of them, also those not kept in {@code issues})
 * @param warningCount warnings found
 * @param issues issues in file order, file-wide ones (line 0) first; at most the configured number per code
 * @param issueCounts the exact number of issues per code
 * @param tokens the token statistics
 * @param cost the epoch and cost estimate
 * @param piiFindings personal data found, in file order; at most the configured number per kind
 * @param piiCounts the exact number of findings per kind
 * @param redactedCopy the redacted copy written under {@link PiiPolicy#REDACT}
 */
public record ValidationReport(String source, String baseModel, FineTuneMethod method, long bytes, long lines,
                               long examples, long errorCount, long warningCount, List<DatasetIssue> issues,
                               Map<String, Long> issueCounts, TokenStatistics tokens, CostEstimate cost,
                               List<PiiFinding> piiFindings, Map<PiiKind, Long> piiCounts,
                               Optional<Path> redactedCopy) {
    /**
     * Validates the components and copies the collections.
     *
     * @param source the file checked, or {@code <name> (built in code)}
     * @param baseModel the model checked for
     * @param method the training method checked for
     * @param bytes the size of the data in bytes
     * @param lines lines read, blank ones included
     * @param examples non-blank lines
     * @param errorCount errors found (all of them, also those not kept in {@code issues})
     * @param warningCount warnings found
     * @param issues issues in file order, file-wide ones (line 0) first; at most the configured number per code
     * @param issueCounts the exact number of issues per code
     * @param tokens the token statistics
     * @param cost the epoch and cost estimate
     * @param piiFindings personal data found, in file order; at most the configured number per kind
     * @param piiCounts the exact number of findings per kind
     * @param redactedCopy the redacted copy written under {@link PiiPolicy#REDACT}
     * @throws NullPointerException if a component is null
     */
    public ValidationReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(baseModel, "baseModel");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(cost, "cost");
        issues = List.copyOf(issues == null ? List.of() : issues);
        issueCounts = Map.copyOf(issueCounts == null ? Map.of() : issueCounts);
        piiFindings = List.copyOf(piiFindings == null ? List.of() : piiFindings);
        piiCounts = Map.copyOf(piiCounts == null ? Map.of() : piiCounts);
        redactedCopy = redactedCopy == null ? Optional.empty() : redactedCopy;
    }

    /**
     * Whether the provider would reject the data.
     *
     * @return true if at least one error was found
     */
    public boolean hasErrors() {
        return errorCount > 0;
    }

    /**
     * The kept errors, in file order.
     *
     * @return the errors; never null
     */
    public List<DatasetIssue> errors() {
        return filter(Severity.ERROR);
    }

    /**
     * The kept warnings, in file order.
     *
     * @return the warnings; never null
     */
    public List<DatasetIssue> warnings() {
        return filter(Severity.WARNING);
    }

    /**
     * How many issues of a code were found.
     *
     * @param code for example {@code unrecognized_role}
     * @return the exact count, 0 if none
     */
    public long count(String code) {
        return issueCounts.getOrDefault(code, 0L);
    }

    /**
     * The issue counts sorted by code, for stable output.
     *
     * @return a sorted copy
     */
    public Map<String, Long> sortedIssueCounts() {
        return new TreeMap<>(issueCounts);
    }

    /**
     * Throws when the report has errors.
     *
     * @throws DatasetValidationException with the kept issues if {@link #hasErrors()}
     */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new DatasetValidationException(issues);
        }
    }

    /**
     * A readable summary, as a person sees it in a console: counts, the first issues, token statistics, the cost
     * estimate and the personal data found (masked).
     *
     * @return multi-line text ending with a newline
     */
    public String toText() {
        return ReportText.format(this);
    }

    /**
     * The full report as one JSON object, for tools. Field names are snake_case; fields that do not apply are left out.
     * The structure, with a complete example and every field explained, is in the guide {@code docs/preflight.md},
     * section "The JSON report".
     *
     * @return compact JSON
     */
    public String toJson() {
        return ReportJson.format(this);
    }

    private List<DatasetIssue> filter(Severity severity) {
        List<DatasetIssue> out = new ArrayList<>();
        for (DatasetIssue issue : issues) {
            if (issue.severity() == severity) {
                out.add(issue);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Starts an empty builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding these values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder().source(source).baseModel(baseModel).method(method).bytes(bytes).lines(lines)
                .examples(examples).errorCount(errorCount).warningCount(warningCount).issues(issues)
                .issueCounts(issueCounts).tokens(tokens).cost(cost).piiFindings(piiFindings).piiCounts(piiCounts);
        b.redactedCopy = redactedCopy;
        return b;
    }

    /** Builds a {@link ValidationReport}. Not thread-safe. */
    public static final class Builder {
        private String source = "<memory>";
        private String baseModel;
        private FineTuneMethod method = FineTuneMethod.SUPERVISED;
        private long bytes;
        private long lines;
        private long examples;
        private long errorCount;
        private long warningCount;
        private List<DatasetIssue> issues = List.of();
        private Map<String, Long> issueCounts = Map.of();
        private TokenStatistics tokens;
        private CostEstimate cost;
        private List<PiiFinding> piiFindings = List.of();
        private Map<PiiKind, Long> piiCounts = Map.of();
        private Optional<Path> redactedCopy = Optional.empty();

        private Builder() {
        }

        /**
         * Sets the source.
         *
         * @param source a file name or {@code <name> (built in code)}
         * @return this builder
         */
        public Builder source(String source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Sets the model.
         *
         * @param model the base model
         * @return this builder
         */
        public Builder baseModel(String model) {
            this.baseModel = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * Sets the method.
         *
         * @param method the method
         * @return this builder
         */
        public Builder method(FineTuneMethod method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /**
         * Sets the size.
         *
         * @param bytes the size in bytes
         * @return this builder
         */
        public Builder bytes(long bytes) {
            this.bytes = bytes;
            return this;
        }

        /**
         * Sets the number of lines.
         *
         * @param lines the count
         * @return this builder
         */
        public Builder lines(long lines) {
            this.lines = lines;
            return this;
        }

        /**
         * Sets the number of examples.
         *
         * @param examples the count
         * @return this builder
         */
        public Builder examples(long examples) {
            this.examples = examples;
            return this;
        }

        /**
         * Sets the number of errors.
         *
         * @param errors the count
         * @return this builder
         */
        public Builder errorCount(long errors) {
            this.errorCount = errors;
            return this;
        }

        /**
         * Sets the number of warnings.
         *
         * @param warnings the count
         * @return this builder
         */
        public Builder warningCount(long warnings) {
            this.warningCount = warnings;
            return this;
        }

        /**
         * Sets the kept issues.
         *
         * @param issues the issues in file order
         * @return this builder
         */
        public Builder issues(List<DatasetIssue> issues) {
            this.issues = Objects.requireNonNull(issues, "issues");
            return this;
        }

        /**
         * Sets the counts per code.
         *
         * @param counts the counts
         * @return this builder
         */
        public Builder issueCounts(Map<String, Long> counts) {
            this.issueCounts = Objects.requireNonNull(counts, "counts");
            return this;
        }

        /**
         * Sets the token statistics.
         *
         * @param tokens the statistics
         * @return this builder
         */
        public Builder tokens(TokenStatistics tokens) {
            this.tokens = Objects.requireNonNull(tokens, "tokens");
            return this;
        }

        /**
         * Sets the cost estimate.
         *
         * @param cost the estimate
         * @return this builder
         */
        public Builder cost(CostEstimate cost) {
            this.cost = Objects.requireNonNull(cost, "cost");
            return this;
        }

        /**
         * Sets the kept personal-data findings.
         *
         * @param findings the findings in file order
         * @return this builder
         */
        public Builder piiFindings(List<PiiFinding> findings) {
            this.piiFindings = Objects.requireNonNull(findings, "findings");
            return this;
        }

        /**
         * Sets the counts per kind.
         *
         * @param counts the counts
         * @return this builder
         */
        public Builder piiCounts(Map<PiiKind, Long> counts) {
            this.piiCounts = Objects.requireNonNull(counts, "counts");
            return this;
        }

        /**
         * Sets the redacted copy.
         *
         * @param file the file written
         * @return this builder
         */
        public Builder redactedCopy(Path file) {
            this.redactedCopy = Optional.of(Objects.requireNonNull(file, "file"));
            return this;
        }

        /**
         * Builds the report.
         *
         * @return the report
         * @throws IllegalStateException if model, tokens or cost is missing
         */
        public ValidationReport build() {
            if (baseModel == null || tokens == null || cost == null) {
                throw new IllegalStateException("baseModel, tokens and cost are required");
            }
            return new ValidationReport(source, baseModel, method, bytes, lines, examples, errorCount, warningCount,
                    issues, issueCounts, tokens, cost, piiFindings, piiCounts, redactedCopy);
        }
    }
}
