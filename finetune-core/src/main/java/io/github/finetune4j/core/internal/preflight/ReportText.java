package io.github.finetune4j.core.internal.preflight;

import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.Severity;
import io.github.finetune4j.core.preflight.CostEstimate;
import io.github.finetune4j.core.preflight.Distribution;
import io.github.finetune4j.core.preflight.PiiFinding;
import io.github.finetune4j.core.preflight.PiiKind;
import io.github.finetune4j.core.preflight.TokenStatistics;
import io.github.finetune4j.core.preflight.Usd;
import io.github.finetune4j.core.preflight.ValidationReport;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/** The console form of a {@link ValidationReport}. */
public final class ReportText {
    private static final int ISSUES_SHOWN = 20;
    private static final int FINDINGS_SHOWN = 10;

    private ReportText() {
    }

    /**
     * Formats a report for people.
     *
     * @param r the report
     * @return multi-line text
     */
    public static String format(ValidationReport r) {
        StringBuilder sb = new StringBuilder();
        TokenStatistics t = r.tokens();
        sb.append("Pre-flight check of ").append(r.source()).append('\n');
        sb.append("  model ").append(r.baseModel()).append(", ").append(r.method().wireName()).append(", ")
                .append(tokenizer(t)).append('\n');
        sb.append("  ").append(n(r.examples())).append(r.examples() == 1 ? " example in " : " examples in ")
                .append(n(r.lines())).append(r.lines() == 1 ? " line, " : " lines, ").append(size(r.bytes()))
                .append('\n');
        sb.append(r.hasErrors() ? "  FAILED: " : "  OK: ").append(n(r.errorCount()))
                .append(r.errorCount() == 1 ? " error, " : " errors, ").append(n(r.warningCount()))
                .append(r.warningCount() == 1 ? " warning" : " warnings").append('\n');
        if (!r.issueCounts().isEmpty()) {
            sb.append("\nIssues by code\n");
            for (Map.Entry<String, Long> e : r.sortedIssueCounts().entrySet()) {
                sb.append(String.format(Locale.ROOT, "  %-36s %s%n", e.getKey(), n(e.getValue())));
            }
            sb.append("\nFirst issues\n");
            int shown = 0;
            for (DatasetIssue i : r.issues()) {
                if (shown++ == ISSUES_SHOWN) {
                    sb.append("  ... see toJson() for the rest\n");
                    break;
                }
                sb.append("  ").append(i.severity() == Severity.ERROR ? "error   " : "warning ")
                        .append(i.line() > 0 ? "line " + i.line() : "file")
                        .append(i.field().isEmpty() ? "" : " " + i.field())
                        .append(": ").append(i.code()).append(": ").append(i.message()).append('\n');
            }
        }
        sb.append("\nTokens (").append(tokenizer(t)).append(", ").append(t.chatTemplate().name().toLowerCase(Locale.ROOT))
                .append(" template)\n");
        distribution(sb, "per example", t.perExample());
        distribution(sb, "assistant per example", t.assistantPerExample());
        distribution(sb, "messages per example", t.messagesPerExample());
        if (t.examplesOverLimit() > 0) {
            sb.append("  ").append(n(t.examplesOverLimit())).append(" examples over the per-example limit; ")
                    .append(n(t.tokensOverLimit())).append(" tokens are cut off in training\n");
        }
        cost(sb, r.cost());
        pii(sb, r);
        r.redactedCopy().ifPresent(p -> sb.append("\nRedacted copy written to ").append(p).append('\n'));
        return sb.toString();
    }

    private static String tokenizer(TokenStatistics t) {
        return t.tokenizer() + (t.exact() ? "" : ", approximate");
    }

    private static void distribution(StringBuilder sb, String label, Distribution d) {
        sb.append(String.format(Locale.ROOT, "  %-22s min %s, max %s, mean %s, median %s, p10 %s, p90 %s%n", label,
                n(d.min()), n(d.max()), dec(d.mean()), dec(d.median()), dec(d.p10()), dec(d.p90())));
    }

    private static void cost(StringBuilder sb, CostEstimate c) {
        sb.append("\nEstimate (price table ").append(c.priceTableVersion()).append(")\n");
        sb.append("  epochs ").append(c.epochs()).append(c.epochSource() == CostEstimate.EpochSource.FIXED
                ? " (fixed)" : " (auto heuristic)").append(", billing tokens ").append(n(c.billingTokens()))
                .append(c.maxTokensPerExample().map(m -> " (each example capped at " + n(m) + ")").orElse(""))
                .append(", trained tokens ").append(n(c.trainedTokens())).append('\n');
        if (c.estimatedCost().isPresent()) {
            sb.append("  estimated cost USD ").append(Usd.amount(c.estimatedCost().get()))
                    .append(" at USD ").append(c.pricePerMillionTokens().map(BigDecimal::toPlainString).orElse("?"))
                    .append(" per 1M trained tokens\n");
        } else {
            sb.append("  no training price for this model in the table; add one to get a cost\n");
        }
    }

    private static void pii(StringBuilder sb, ValidationReport r) {
        if (r.piiCounts().isEmpty()) {
            return;
        }
        sb.append("\nPersonal data and secrets\n");
        for (PiiKind kind : PiiKind.values()) {
            Long count = r.piiCounts().get(kind);
            if (count != null) {
                sb.append(String.format(Locale.ROOT, "  %-22s %s%n", kind.description(), n(count)));
            }
        }
        int shown = 0;
        for (PiiFinding f : r.piiFindings()) {
            if (shown++ == FINDINGS_SHOWN) {
                break;
            }
            sb.append("  line ").append(f.line()).append(' ').append(f.field()).append(": ")
                    .append(f.kind().description()).append(' ').append(f.maskedExcerpt()).append('\n');
        }
    }

    private static String n(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String dec(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    private static String size(long bytes) {
        if (bytes < 10_000) {
            return n(bytes) + " bytes";
        }
        if (bytes < 10_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
