package io.github.finetune4j.maven;

import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.preflight.CostEstimate;
import io.github.finetune4j.core.preflight.Usd;
import io.github.finetune4j.core.preflight.ValidationReport;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Logs what training on the data would bill: tokens per epoch, epochs, trained tokens and the estimated cost from
 * the provider's price table. With {@code maxCostUsd}, a higher estimate, or none (no price known), fails the build.
 * Bound to {@code verify}.
 */
@Mojo(name = "estimate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class EstimateMojo extends AbstractFinetuneMojo {
    /** Fails the build when the estimated cost in USD (for example {@code 25.00}) is higher. Not set: no budget. */
    @Parameter(property = "finetune.maxCostUsd")
    String maxCostUsd;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("finetune:estimate skipped");
            return;
        }
        budget();                                          // a malformed budget fails before the data is read
        ValidationReport report = check(trainingFile);
        if (report.hasErrors()) {
            report.errors().forEach(i -> getLog().error(i.toString()));
            throw new MojoFailureException("finetune: " + report.errorCount() + " error(s) in " + trainingFile
                    + "; the estimate needs valid data (first: " + report.errors().stream().findFirst()
                    .map(DatasetIssue::toString).orElse("") + ")");
        }
        CostEstimate cost = report.cost();
        getLog().info(String.format(Locale.ROOT, "%s: %,d examples, %,d tokens per epoch, %d epochs (%s), "
                        + "%,d trained tokens", trainingFile.getName(), report.examples(), cost.billingTokens(),
                cost.epochs(), cost.epochSource().name().toLowerCase(Locale.ROOT), cost.trainedTokens()));
        String price = cost.pricePerMillionTokens().map(p -> "USD " + p.toPlainString() + " per 1M trained tokens")
                .orElse("no price known for " + cost.baseModel());
        getLog().info("Estimated cost: " + cost.estimatedCost().map(c -> "USD " + Usd.amount(c)).orElse("unknown")
                + " (" + price + ", price table " + cost.priceTableVersion() + ")");
        BigDecimal budget = budget();
        if (budget != null) {
            java.util.Optional<String> problem = cost.budgetProblem(budget);
            if (problem.isPresent()) {
                throw new MojoFailureException("finetune: " + problem.get() + " (maxCostUsd)");
            }
        }
    }

    private BigDecimal budget() throws MojoExecutionException {
        if (maxCostUsd == null || maxCostUsd.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(maxCostUsd.strip());
        } catch (NumberFormatException e) {
            throw new MojoExecutionException("maxCostUsd must be an amount in USD such as 25.00: " + maxCostUsd, e);
        }
    }
}
