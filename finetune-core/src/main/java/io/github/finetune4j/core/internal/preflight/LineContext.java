package io.github.finetune4j.core.internal.preflight;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.core.internal.tokenizer.WorkBudget;
import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.Severity;
import io.github.finetune4j.core.preflight.PiiFinding;

import java.util.ArrayList;
import java.util.List;

/**
 * The state of checking one line: issues and findings so far, token sums, and the text helper that counts, scans
 * and redacts each string value. One per line, used by one thread.
 */
final class LineContext {
    final String source;
    final long line;
    private final TextAnalyzer analyzer;
    private final Severity piiSeverity;
    private final boolean redact;
    private final WorkBudget budget;
    /** The chat template whose overhead the line's tokens include. */
    final TemplateOverhead template;
    private List<DatasetIssue> issues;
    private List<PiiFinding> findings;
    boolean modified;
    int tokens;
    int assistantTokens;
    int messages;
    boolean counted;
    /** A token count ran out of the line's budget: the line's counts are incomplete. */
    boolean overBudget;

    LineContext(String source, long line, TextAnalyzer analyzer, Severity piiSeverity, boolean redact,
                WorkBudget budget, TemplateOverhead template) {
        this.budget = budget;
        this.template = template;
        this.source = source;
        this.line = line;
        this.analyzer = analyzer;
        this.piiSeverity = piiSeverity;
        this.redact = redact;
    }

    void error(String field, String code, String message) {
        add(Severity.ERROR, field, code, message);
    }

    void warning(String field, String code, String message) {
        add(Severity.WARNING, field, code, message);
    }

    void add(Severity severity, String field, String code, String message) {
        if (issues == null) {
            issues = new ArrayList<>(2);
        }
        issues.add(new DatasetIssue(source, line, field, code, severity, message));
    }

    List<DatasetIssue> issues() {
        return issues == null ? List.of() : issues;
    }

    List<PiiFinding> findings() {
        return findings == null ? List.of() : findings;
    }

    /**
     * Counts a string that is not scanned for personal data (roles, tool definitions).
     *
     * @param field where the string is, for an issue about it
     */
    int plain(String text, String field) {
        return tokens(analyzer.analyze(text, false, budget), field);
    }

    /**
     * Counts, scans and (when redacting) rewrites the string value {@code parent.key}.
     *
     * @return the token count
     */
    int text(ObjectNode parent, String key, String field) {
        String text = parent.get(key).textValue();
        TextInfo info = analyzer.analyze(text, true, budget);
        if (info.specialToken != null) {
            error(field, "special_token", "contains the special token " + info.specialToken
                    + ", which the model's chat format reserves; the provider rejects it in training data or the"
                    + " model learns a broken format");
        }
        if (info.hasPii()) {
            report(info, field);
            if (redact) {
                parent.put(key, Masker.redact(text, info.matches));
                modified = true;
            }
        }
        return tokens(info, field);
    }

    private int tokens(TextInfo info, String field) {
        if (info.tokens >= 0) {
            return info.tokens;
        }
        if (!overBudget) {
            overBudget = true;
            error(field, "line_too_expensive", "counting the tokens of this " + info.text.length() + "-character"
                    + " string took longer than the time allowed per line; the line's tokens are not counted (raise"
                    + " ValidationOptions.lineTimeLimit to count it)");
        }
        return 0;
    }

    private void report(TextInfo info, String field) {
        if (findings == null) {
            findings = new ArrayList<>(2);
        }
        for (PiiMatch m : info.matches) {
            String masked = Masker.mask(m.kind(), info.text.substring(m.start(), m.end()));
            findings.add(new PiiFinding(line, field, m.kind(), masked));
            add(piiSeverity, field, m.kind().code(), m.kind().description() + " " + masked);
        }
    }
}
