package io.github.finetune4j.core.preflight;

/** What the pre-flight does with personal data and secrets it finds. */
public enum PiiPolicy {
    /** Do not scan. */
    IGNORE,
    /** Scan and report findings as warnings. The default. */
    WARN,
    /** Scan and report findings as errors, so the job does not start. */
    FAIL,
    /**
     * Scan, report findings as warnings and write a copy of the dataset with every finding replaced by a placeholder
     * such as {@code [EMAIL]} (see {@link ValidationOptions.Builder#redactedCopy(java.nio.file.Path)}).
     */
    REDACT
}
