package io.github.finetune4j.core.internal.preflight;

import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.preflight.PiiFinding;

import java.util.List;

/** What the check of one line produced, handed from a worker to the aggregator. */
final class LineResult {
    static final LineResult BLANK = new LineResult(true, false, 0, 0, 0, 0, List.of(), List.of(), null);

    final boolean blank;
    final boolean counted;
    final int tokens;
    final int assistantTokens;
    final int messages;
    /** Hash of the trimmed line for duplicate detection, 0 if not hashed. */
    final long hash;
    final List<DatasetIssue> issues;
    final List<PiiFinding> findings;
    /** The redacted line when it differs from the original, else null. */
    final byte[] redacted;
    /** The line could not be checked, so it was not scanned either: it must not go into a redacted copy as it is. */
    final boolean unchecked;

    LineResult(boolean blank, boolean counted, int tokens, int assistantTokens, int messages, long hash,
               List<DatasetIssue> issues, List<PiiFinding> findings, byte[] redacted) {
        this(blank, counted, tokens, assistantTokens, messages, hash, issues, findings, redacted, false);
    }

    LineResult(boolean blank, boolean counted, int tokens, int assistantTokens, int messages, long hash,
               List<DatasetIssue> issues, List<PiiFinding> findings, byte[] redacted, boolean unchecked) {
        this.blank = blank;
        this.counted = counted;
        this.tokens = tokens;
        this.assistantTokens = assistantTokens;
        this.messages = messages;
        this.hash = hash;
        this.issues = issues;
        this.findings = findings;
        this.redacted = redacted;
        this.unchecked = unchecked;
    }
}
