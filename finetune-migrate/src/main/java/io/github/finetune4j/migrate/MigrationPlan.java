package io.github.finetune4j.migrate;

import io.github.finetune4j.core.preflight.Usd;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a migration would do and what it would cost, from {@link Migration#plan(Set)}: nothing was written, nothing
 * was started. Estimates use the target's price table for training (the pre-flight's estimate on the downloaded
 * data, or the source job's trained tokens before the download) and the inference price tables for the golden
 * and comparison requests; an estimate without a price is absent.
 *
 * @param steps the steps planned
 * @param sourceProvider the source's provider id
 * @param targetProvider the target's provider id, if there is a target
 * @param models what happens to each selected model
 * @param notes what the plan could not estimate, and why
 */
public record MigrationPlan(Set<Step> steps, String sourceProvider, Optional<String> targetProvider,
                           List<PlannedModel> models, List<String> notes) {
    /**
     * Checks and copies the components.
     *
     * @param steps the steps
     * @param sourceProvider the source
     * @param targetProvider the target
     * @param models the models
     * @param notes the notes
     */
    public MigrationPlan {
        steps = Set.copyOf(Objects.requireNonNull(steps, "steps"));
        Objects.requireNonNull(sourceProvider, "sourceProvider");
        targetProvider = targetProvider == null ? Optional.empty() : targetProvider;
        models = List.copyOf(Objects.requireNonNull(models, "models"));
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * The estimated training cost of all new jobs.
     *
     * @return the sum in USD; empty when no job has a priced estimate
     */
    public Optional<BigDecimal> trainingCost() {
        return sum(models.stream().map(PlannedModel::trainingCost).toList());
    }

    /**
     * The estimated cost of all golden and comparison requests.
     *
     * @return the sum in USD; empty when none is priced
     */
    public Optional<BigDecimal> inferenceCost() {
        return sum(models.stream().map(PlannedModel::inferenceCost).toList());
    }

    /**
     * Whether some model's cost could not be estimated.
     *
     * @return true when a model has no training or inference estimate while its step is planned
     */
    public boolean isPartial() {
        return !notes.isEmpty();
    }

    /**
     * The plan for people: each model's actions, then the estimated cost.
     *
     * @return the text, ending with a line break
     */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("Plan (dry run: nothing is downloaded, started or asked): ").append(sourceProvider)
                .append(" -> ").append(targetProvider.orElse("(no target)")).append(", ").append(models.size())
                .append(models.size() == 1 ? " model\n" : " models\n");
        for (PlannedModel m : models) {
            out.append("  ").append(m.sourceJob()).append("  ").append(m.model()).append('\n');
            m.actions().forEach(a -> out.append("    ").append(a).append('\n'));
        }
        out.append("Estimated cost: training ").append(trainingCost().map(MigrationPlan::usd).orElse("unknown"))
                .append(", requests ").append(inferenceCost().map(MigrationPlan::usd).orElse("unknown"))
                .append(isPartial() ? " (partial: see the notes)" : "").append('\n');
        notes.forEach(n -> out.append("Note: ").append(n).append('\n'));
        return out.toString();
    }

    private static Optional<BigDecimal> sum(List<Optional<BigDecimal>> values) {
        return values.stream().filter(Optional::isPresent).map(Optional::get).reduce(BigDecimal::add);
    }

    static String usd(BigDecimal amount) {
        return Usd.format(amount);
    }
}
