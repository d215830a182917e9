package io.github.finetune4j.core.internal.preflight;

import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.Severity;
import io.github.finetune4j.core.preflight.PiiFinding;
import io.github.finetune4j.core.preflight.PiiKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts every issue and finding exactly but keeps only the first {@code maxPerCode} of each code (and of each
 * personal-data kind), so the report's size does not depend on the file's.
 */
final class IssueCollector {
    private final int maxPerCode;
    private final Map<String, long[]> counts = new HashMap<>();
    private final List<DatasetIssue> kept = new ArrayList<>();
    private final Map<PiiKind, long[]> piiCounts = new EnumMap<>(PiiKind.class);
    private final List<PiiFinding> findings = new ArrayList<>();
    private long errors;
    private long warnings;

    IssueCollector(int maxPerCode) {
        this.maxPerCode = maxPerCode;
    }

    void add(DatasetIssue issue) {
        long[] n = counts.computeIfAbsent(issue.code(), k -> new long[1]);
        if (n[0]++ < maxPerCode) {
            kept.add(issue);
        }
        if (issue.severity() == Severity.ERROR) {
            errors++;
        } else {
            warnings++;
        }
    }

    /**
     * Adds {@code count} issues of one code at once (a run of blank lines), keeping the first few.
     */
    void addRun(String source, String code, Severity severity, long firstLine, long count, String message) {
        long[] n = counts.computeIfAbsent(code, k -> new long[1]);
        long keep = Math.max(0, Math.min(count, maxPerCode - n[0]));
        for (long i = 0; i < keep; i++) {
            kept.add(new DatasetIssue(source, firstLine + i, "", code, severity, message));
        }
        n[0] += count;
        if (severity == Severity.ERROR) {
            errors += count;
        } else {
            warnings += count;
        }
    }

    void add(PiiFinding finding) {
        long[] n = piiCounts.computeIfAbsent(finding.kind(), k -> new long[1]);
        if (n[0]++ < maxPerCode) {
            findings.add(finding);
        }
    }

    long errors() {
        return errors;
    }

    long warnings() {
        return warnings;
    }

    List<DatasetIssue> issues() {
        List<DatasetIssue> sorted = new ArrayList<>(kept);
        sorted.sort(Comparator.comparingLong(DatasetIssue::line));
        return sorted;
    }

    Map<String, Long> counts() {
        Map<String, Long> out = new HashMap<>();
        counts.forEach((k, v) -> out.put(k, v[0]));
        return out;
    }

    List<PiiFinding> findings() {
        return findings;
    }

    Map<PiiKind, Long> piiCounts() {
        Map<PiiKind, Long> out = new EnumMap<>(PiiKind.class);
        piiCounts.forEach((k, v) -> out.put(k, v[0]));
        return out;
    }
}
