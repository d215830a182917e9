package io.github.finetune4j.core.internal.preflight;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
    private List<DatasetIssue> issues;
    private List<PiiFinding> findings;
    boolean modified;
    int tokens;
    int assistantTokens;
    int messages;
    boolean counted;

    LineContext(String source, long line, TextAnalyzer analyzer, Severity piiSeverity, boolean redact) {
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
     */
    int plain(String text) {
        return analyzer.analyze(text, false).tokens;
    }

    /**
     * Counts, scans and (when redacting) rewrites the string value {@code parent.key}.
     *
     * @return the token count
     */
    int text(ObjectNode parent, String key, String field) {
        String text = parent.get(key).textValue();
        TextInfo info = analyzer.analyze(text, true);
        if (info.specialToken != null) {
            error(field, "special_token", "contains the special token " + info.specialToken
                    + ", which the provider rejects in training data");
        }
        if (info.hasPii()) {
            report(info, field);
            if (redact) {
                parent.put(key, Masker.redact(text, info.matches));
                modified = true;
            }
        }
        return info.tokens;
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
