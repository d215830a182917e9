package io.github.finetune4j.migrate;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one step did: an outcome per model and the files it wrote (reports).
 *
 * @param step the step
 * @param outcomes one per model the step looked at, in manifest order
 * @param files files written for people (reports, the summary)
 */
public record StepResult(Step step, List<ModelOutcome> outcomes, List<Path> files) {
    /**
     * Checks and copies the components.
     *
     * @param step the step
     * @param outcomes the outcomes
     * @param files the files
     */
    public StepResult {
        Objects.requireNonNull(step, "step");
        outcomes = List.copyOf(Objects.requireNonNull(outcomes, "outcomes"));
        files = List.copyOf(Objects.requireNonNull(files, "files"));
    }

    /**
     * Whether a model was blocked or failed.
     *
     * @return true if any outcome needs attention
     */
    public boolean hasProblems() {
        return outcomes.stream().anyMatch(o -> o.status().isProblem());
    }

    /**
     * One line per model, for people: {@code  ftjob-abc  ft:gpt-4o-mini:...  done: ...}.
     *
     * @return the text, ending with a line break (empty when there were no models)
     */
    public String toText() {
        StringBuilder out = new StringBuilder();
        for (ModelOutcome o : outcomes) {
            out.append("  ").append(o.sourceJob()).append("  ").append(o.model()).append("  ")
                    .append(o.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(": ")
                    .append(o.message()).append('\n');
        }
        for (Path file : files) {
            out.append("  wrote ").append(file).append('\n');
        }
        return out.toString();
    }
}
