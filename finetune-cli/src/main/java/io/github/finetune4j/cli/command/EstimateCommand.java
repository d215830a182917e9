package io.github.finetune4j.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.cli.CliException;
import io.github.finetune4j.cli.Session;
import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.preflight.CostEstimate;
import io.github.finetune4j.core.preflight.Usd;
import io.github.finetune4j.core.preflight.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code finetune estimate}: tokens and cost of a training run. */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        header = "Estimate tokens and cost of training on a file.", sortOptions = false,
        description = {"Estimate what training on a file costs: billed tokens per epoch, epochs, trained tokens and "
                + "the price, from the provider's price table.",
            "Exit code 1 when the file has errors, or the cost exceeds --max-cost or is unknown."})
final class EstimateCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The JSONL file (default: training-file).")
    String file;

    @Mixin
    PreflightOptions preflight;

    @Option(names = "--max-cost", paramLabel = "USD", description = "Fail when the estimate is higher.")
    BigDecimal maxCost;

    @Option(names = "--json", description = "Print the estimate as JSON.")
    boolean json;

    private final Session session;

    EstimateCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws Exception {
        ValidationReport report = Preflights.run(session.settings(),
                Preflights.trainingFile(session.settings(), file), preflight, session.provider());
        CostEstimate cost = report.cost();
        PrintStream out = session.ctx().out();
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode n = mapper.createObjectNode();
            n.put("file", report.source());
            n.put("baseModel", cost.baseModel());
            n.put("examples", report.examples());
            n.put("errors", report.errorCount());
            n.put("billingTokensPerEpoch", cost.billingTokens());
            n.put("epochs", cost.epochs());
            n.put("epochSource", cost.epochSource().name().toLowerCase(Locale.ROOT));
            n.put("trainedTokens", cost.trainedTokens());
            cost.pricePerMillionTokens().ifPresent(p -> n.put("pricePerMillionTokensUsd", p));
            cost.estimatedCost().ifPresent(c -> n.put("estimatedCostUsd", c));
            n.put("priceTableVersion", cost.priceTableVersion());
            out.println(mapper.writeValueAsString(n));
        } else {
            out.println("File:            " + report.source() + " (" + report.examples() + " examples)");
            out.println("Base model:      " + cost.baseModel());
            out.println("Tokens / epoch:  " + String.format(Locale.ROOT, "%,d", cost.billingTokens())
                    + cost.maxTokensPerExample().map(m -> " (examples capped at " + String.format(Locale.ROOT,
                    "%,d", m) + ")").orElse(""));
            out.println("Epochs:          " + cost.epochs() + (cost.epochSource() == CostEstimate.EpochSource.FIXED
                    ? " (fixed)" : " (auto, as the provider would choose)"));
            out.println("Trained tokens:  " + String.format(Locale.ROOT, "%,d", cost.trainedTokens()));
            out.println("Price:           " + cost.pricePerMillionTokens().map(p -> Usd.format(p)
                    + " per 1M training tokens").orElse("unknown for this model"));
            out.println("Estimated cost:  " + cost.estimatedCost().map(Usd::format)
                    .orElse("unknown") + " (price table " + cost.priceTableVersion() + ")");
        }
        if (report.hasErrors()) {
            for (DatasetIssue issue : report.errors()) {
                session.ctx().err().println("  " + issue);
            }
            throw new CliException(report.errorCount() + " error(s) in " + report.source()
                    + "; see `finetune validate`");
        }
        if (maxCost != null) {
            java.util.Optional<String> problem = cost.budgetProblem(maxCost);
            if (problem.isPresent()) {
                throw new CliException(problem.get() + " (--max-cost)");
            }
        }
        return 0;
    }
}
