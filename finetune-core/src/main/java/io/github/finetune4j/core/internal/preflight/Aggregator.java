package io.github.finetune4j.core.internal.preflight;

import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.Severity;
import io.github.finetune4j.core.preflight.PiiFinding;
import io.github.finetune4j.core.preflight.TokenStatistics;

import java.io.IOException;

/**
 * Takes the line results in file order on the calling thread: keeps the counts, the distributions, the billing
 * tokens and the duplicate index, tells blank lines in the middle from trailing ones, and writes the redacted copy.
 * Its memory is bounded: distributions by distinct values, the duplicate index by {@link #MAX_DUPLICATE_SLOTS}.
 */
final class Aggregator {
    /** Duplicate index slots at most: 2^22 slots of 12 bytes, about 48 MB, for about 3 million examples. */
    static final int MAX_DUPLICATE_SLOTS = 1 << 22;
    private static final int INITIAL_DUPLICATE_SLOTS = 1 << 14;

    private final String source;
    private final IssueCollector issues;
    private final Integer cap;
    private final String model;
    private final RedactedWriter writer;
    private final Histogram tokens = new Histogram();
    private final Histogram assistant = new Histogram();
    private final Histogram messages = new Histogram();
    private final LongIntMap duplicates = new LongIntMap(INITIAL_DUPLICATE_SLOTS, MAX_DUPLICATE_SLOTS);
    private boolean duplicatesIncompleteReported;
    private long lines;
    private long examples;
    private long blankRunStart;
    private long blankRun;
    private long billingTokens;
    private long overLimit;
    private long tokensOverLimit;

    Aggregator(String source, IssueCollector issues, Integer cap, String model, RedactedWriter writer) {
        this.source = source;
        this.issues = issues;
        this.cap = cap;
        this.model = model;
        this.writer = writer;
    }

    void accept(Batch batch, LineResult[] results) throws IOException {
        for (int i = 0; i < batch.count; i++) {
            long line = batch.firstLine + i;
            LineResult r = results[i];
            lines++;
            if (r.blank) {
                if (blankRun++ == 0) {
                    blankRunStart = line;
                }
                write(batch, i, r);
                continue;
            }
            if (blankRun > 0) {
                issues.addRun(source, "blank_line", Severity.ERROR, blankRunStart, blankRun,
                        "blank line inside the file; every line must hold one JSON object");
                blankRun = 0;
            }
            examples++;
            for (DatasetIssue issue : r.issues) {
                issues.add(issue);
            }
            for (PiiFinding finding : r.findings) {
                issues.add(finding);
            }
            if (r.counted) {
                count(line, r);
            }
            if (r.hash != 0) {
                duplicates(line, r.hash);
            }
            write(batch, i, r);
        }
    }

    private void count(long line, LineResult r) {
        tokens.add(r.tokens);
        assistant.add(r.assistantTokens);
        messages.add(r.messages);
        if (cap != null && r.tokens > cap) {
            billingTokens += cap;
            overLimit++;
            tokensOverLimit += r.tokens - cap;
            issues.add(new DatasetIssue(source, line, "", "example_over_token_limit", Severity.WARNING,
                    "example has " + r.tokens + " tokens, more than the " + cap + " " + model + " trains on; the last "
                            + (r.tokens - cap) + " tokens are cut off"));
        } else {
            billingTokens += r.tokens;
        }
    }

    private void duplicates(long line, long hash) {
        if (line > Integer.MAX_VALUE) {
            return;
        }
        int earlier = duplicates.putIfAbsent(hash, (int) line);
        if (earlier != 0) {
            issues.add(new DatasetIssue(source, line, "", "duplicate_example", Severity.WARNING,
                    "same example as line " + earlier));
        } else if (duplicates.isFull() && !duplicatesIncompleteReported) {
            duplicatesIncompleteReported = true;
            issues.add(new DatasetIssue(source, 0, "", "duplicate_check_incomplete", Severity.WARNING,
                    "too many examples to track; duplicates after line " + line + " are not detected"));
        }
    }

    private void write(Batch batch, int i, LineResult r) throws IOException {
        if (writer == null || batch.isSkipped(i) || r.unchecked) {
            return;
        }
        if (r.redacted != null) {
            writer.writeLine(r.redacted, 0, r.redacted.length);
        } else {
            writer.writeLine(batch.data, batch.starts[i], batch.ends[i] - batch.starts[i]);
        }
    }

    /** Ends the file: blank lines at its end are only worth a warning. */
    void finish() {
        if (blankRun > 0) {
            issues.addRun(source, "trailing_blank_line", Severity.WARNING, blankRunStart, blankRun,
                    "blank line at the end of the file");
            blankRun = 0;
        }
    }

    long lines() {
        return lines;
    }

    long examples() {
        return examples;
    }

    long billingTokens() {
        return billingTokens;
    }

    TokenStatistics statistics(TokenizerChoice choice) {
        TokenStatistics.Builder b = TokenStatistics.builder().tokenizer(choice.tokenizer.name());
        choice.encoding.ifPresent(b::encoding);
        return b.exact(choice.exact).chatTemplate(choice.template).perExample(tokens.toDistribution())
                .assistantPerExample(assistant.toDistribution()).messagesPerExample(messages.toDistribution())
                .examplesOverLimit(overLimit).tokensOverLimit(tokensOverLimit).build();
    }
}
