package io.github.finetune4j.maven;

import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.Severity;
import io.github.finetune4j.core.preflight.ValidationReport;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks the training (and validation) data as the provider would, before anything is uploaded: format, roles,
 * token limits of the base model, example count, personal data. Every error fails the build with its file, line,
 * field and code; warnings are logged. Bound to {@code verify}.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ValidateMojo extends AbstractFinetuneMojo {
    /** The provider requires a minimum number of examples in training files only. */
    private static final Set<String> TRAINING_ONLY_CODES = Set.of("too_few_examples", "few_examples");

    /** Fails the build on warnings too. */
    @Parameter(property = "finetune.failOnWarnings", defaultValue = "false")
    boolean failOnWarnings;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("finetune:validate skipped");
            return;
        }
        List<String> errors = new ArrayList<>();
        int warnings = 0;
        warnings += check(trainingFile, true, errors);
        if (validationFile != null) {
            warnings += check(validationFile, false, errors);
        }
        if (!errors.isEmpty()) {
            throw new MojoFailureException("finetune: " + errors.size() + " error(s) in the training data:\n  "
                    + String.join("\n  ", errors));
        }
        if (failOnWarnings && warnings > 0) {
            throw new MojoFailureException("finetune: " + warnings + " warning(s) in the training data "
                    + "(failOnWarnings is set)");
        }
    }

    private int check(File file, boolean training, List<String> errors)
            throws MojoExecutionException, MojoFailureException {
        ValidationReport report = check(file);
        int warnings = 0;
        int kept = 0;
        for (DatasetIssue issue : report.issues()) {
            if (!training && TRAINING_ONLY_CODES.contains(issue.code())) {
                continue;
            }
            if (issue.severity() == Severity.ERROR) {
                getLog().error(issue.toString());
                errors.add(issue.toString());
                kept++;
            } else {
                getLog().warn(issue.toString());
                warnings++;
            }
        }
        long notKept = report.errorCount() - report.errors().size();
        if (notKept > 0) {
            errors.add("... and " + notKept + " more error(s) in " + file + " (run `finetune validate " + file
                    + "` for the counts per code)");
        }
        getLog().info(file.getName() + ": " + report.examples() + " examples, " + kept + " error(s), " + warnings
                + " warning(s); " + String.format(java.util.Locale.ROOT, "%.1f", report.tokens().perExample().mean())
                + " tokens per example on average");
        return warnings;
    }
}
