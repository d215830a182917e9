package io.github.finetune4j.core.model;

/** How serious a dataset finding is. */
public enum Severity {
    /** The provider would reject the data; the job is not started. */
    ERROR,
    /** Worth a look; the job can start. */
    WARNING
}
