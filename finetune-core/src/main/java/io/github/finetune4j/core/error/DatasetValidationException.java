package io.github.finetune4j.core.error;

import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.Severity;

import java.util.List;

/**
 * A dataset has problems the provider would reject; nothing was uploaded. {@link #issues()} lists them with file,
 * line and field.
 */
public class DatasetValidationException extends FineTuneException {
    private static final long serialVersionUID = 1L;
    private static final int ISSUES_IN_MESSAGE = 5;

    private final transient List<DatasetIssue> issues;

    /**
     * Creates the exception.
     *
     * @param issues the problems found, at least one
     */
    public DatasetValidationException(List<DatasetIssue> issues) {
        super(summarize(issues), null);
        this.issues = List.copyOf(issues);
    }

    /**
     * Every problem found, errors and warnings, in file order.
     *
     * @return the issues; never null
     */
    public List<DatasetIssue> issues() {
        return issues;
    }

    private static String summarize(List<DatasetIssue> issues) {
        long errors = issues.stream().filter(i -> i.severity() == Severity.ERROR).count();
        StringBuilder sb = new StringBuilder("dataset has ").append(errors).append(errors == 1 ? " error" : " errors");
        issues.stream().filter(i -> i.severity() == Severity.ERROR).limit(ISSUES_IN_MESSAGE)
                .forEach(i -> sb.append("\n  ").append(i));
        if (errors > ISSUES_IN_MESSAGE) {
            sb.append("\n  ... and ").append(errors - ISSUES_IN_MESSAGE).append(" more");
        }
        return sb.toString();
    }
}
