package io.github.finetune4j.migrate;

import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.core.preflight.ModelLimits;
import io.github.finetune4j.core.preflight.PriceTable;
import io.github.finetune4j.core.spi.AtomicFile;
import io.github.finetune4j.eval.Candidate;
import io.github.finetune4j.eval.CandidateSummary;
import io.github.finetune4j.eval.ConfidenceInterval;
import io.github.finetune4j.eval.CostComparison;
import io.github.finetune4j.eval.EvalExample;
import io.github.finetune4j.eval.EvalListener;
import io.github.finetune4j.eval.EvalRow;
import io.github.finetune4j.eval.Evaluation;
import io.github.finetune4j.eval.EvaluationResult;
import io.github.finetune4j.eval.HtmlReport;
import io.github.finetune4j.eval.InferencePriceTable;
import io.github.finetune4j.eval.JobSummary;
import io.github.finetune4j.eval.Score;
import io.github.finetune4j.eval.Scorer;
import io.github.finetune4j.migrate.internal.CompareState;
import io.github.finetune4j.migrate.internal.GoldenStore;
import io.github.finetune4j.migrate.internal.IntervalState;
import io.github.finetune4j.migrate.internal.ManifestStore;
import io.github.finetune4j.migrate.internal.ModelState;
import io.github.finetune4j.migrate.internal.RetrainState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The compare step: for each retrained model an {@link Evaluation} of two candidates on the golden examples,
 * {@code before} (the old model's recorded golden answers, no request) and {@code after} (the new model, asked
 * live), scored against the reference answers and, under {@code <scorer>_vs_golden}, against the golden answers;
 * its answers cached in the model's folder so that a run after a crash asks only what is missing. Then one HTML
 * report per model (the new job's curves and cost, scores with intervals, costs, every answer) and the summary.
 */
final class Comparer {
    static final String BEFORE = "before";
    static final String AFTER = "after";
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final System.Logger LOG = System.getLogger(Comparer.class.getName());

    private final Migration migration;
    private final ManifestStore store;
    private final Target target;

    Comparer(Migration migration, ManifestStore store) {
        this.migration = migration;
        this.store = store;
        this.target = migration.requireTarget();
    }

    StepResult run(List<ModelState> models) {
        List<ModelOutcome> outcomes = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (ModelState m : models) {
            try {
                outcomes.add(compare(m, files));
            } catch (FineTuneInterruptedException e) {
                throw e;                   // an interrupt ends the step; what is done is recorded
            } catch (FineTuneException | UncheckedIOException | IllegalStateException e) {
                LOG.log(System.Logger.Level.WARNING, "comparison of {0} failed: {1}", m.sourceJob, e.getMessage());
                outcomes.add(new ModelOutcome(m.sourceJob, m.fineTunedModel, OutcomeStatus.FAILED,
                        e.getMessage() + " (run compare again to continue; answers so far are cached)"));
            }
        }
        files.addAll(SummaryWriter.write(store, target.client().providerId(), migration.clock()));
        return new StepResult(Step.COMPARE, outcomes, files);
    }

    private ModelOutcome compare(ModelState m, List<Path> files) {
        CompareState earlier = m.compare;
        if (earlier != null && earlier.complete && earlier.report != null
                && Files.isRegularFile(store.resolve(earlier.report))) {
            files.add(store.resolve(earlier.report));
            return new ModelOutcome(m.sourceJob, m.fineTunedModel, OutcomeStatus.ALREADY_DONE, scores(earlier));
        }
        if (trainingGone(m)) {
            return new ModelOutcome(m.sourceJob, m.fineTunedModel, OutcomeStatus.BLOCKED, "training file "
                    + m.trainingFile.id + " can no longer be downloaded (" + m.trainingFile.detail
                    + "): there is no new model to compare"
                    + (m.golden != null && m.golden.answered > 0 ? "; its golden answers are kept in "
                    + m.golden.path : ""));
        }
        if (m.golden == null || m.golden.answered == 0) {
            return new ModelOutcome(m.sourceJob, m.fineTunedModel, OutcomeStatus.SKIPPED,
                    "no golden answers recorded yet: run snapshot first");
        }
        RetrainState r = m.retrain;
        if (r == null || r.fineTunedModel == null || !"succeeded".equals(r.status)) {
            return new ModelOutcome(m.sourceJob, m.fineTunedModel, OutcomeStatus.SKIPPED,
                    "not retrained yet: run retrain first");
        }
        Map<String, GoldenStore.Row> golden = GoldenStore.read(store.resolve(m.golden.path));
        String from = m.golden.from;
        Path examplesFile = store.resolve((from.equals(GoldenExamples.VALIDATION) ? m.validationFile
                : m.trainingFile).path);
        List<EvalExample> examples = GoldenExamples.load(examplesFile, from, m.golden.indices).stream()
                .filter(e -> golden.containsKey(e.id())).toList();
        Map<List<Message>, String> recorded = new HashMap<>();
        Map<String, String> goldenById = new HashMap<>();
        for (EvalExample e : examples) {
            recorded.putIfAbsent(e.prompt(), golden.get(e.id()).answer());
            goldenById.put(e.id(), golden.get(e.id()).answer());
        }

        FineTuneClient client = target.client();
        FineTuneJob newJob = client.attach(JobId.of(r.jobId));
        JobSnapshot job = newJob.latest();
        migration.listener().onModel(Step.COMPARE, m.sourceJob, "comparing " + m.fineTunedModel + " with "
                + r.fineTunedModel + " on " + examples.size() + " examples");
        FineTunedModel after = target.serving().serve(client, job)
                .withTemperature(migration.compareOptions().temperature());
        Evaluation.Builder evaluation = Evaluation.builder()
                .examples(examples)
                .addCandidate(Candidate.of(BEFORE, new RecordedModel(m.fineTunedModel, recorded)))
                .addCandidate(Candidate.of(AFTER, after))
                .cache(Snapshotter.modelDir(store, m).resolve("compare-cache.jsonl"))
                .concurrency(migration.compareOptions().concurrency())
                .deadline(migration.compareOptions().deadline())
                .listener(new EvalListener() {
                    @Override
                    public void onRow(EvalRow row, int done, int total) {
                        migration.listener().onProgress(Step.COMPARE, m.sourceJob, done, total);
                    }
                });
        for (Scorer s : migration.compareOptions().scorers()) {
            evaluation.addScorer(s).addScorer(vsGolden(s, goldenById));
        }
        EvaluationResult result = withCosts(evaluation.build().run(), m, after.name());

        JobSummary summary = JobSummary.fetch(newJob).toBuilder().priceTable(target.priceTable())
                .requestedHyperparameters(HyperparameterText.parse(r.hyperparameters)).build();
        Path report = Snapshotter.modelDir(store, m).resolve("report.html");
        String html = HtmlReport.builder().title("Migration of " + m.fineTunedModel + " to " + r.fineTunedModel)
                .job(summary).evaluation(result).generatedAt(migration.clock().instant()).build().render();
        try {
            AtomicFile.writeString(report, html);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + report, e);
        }
        files.add(report);

        CompareState c = new CompareState();
        c.report = store.relative(report);
        c.servedAs = after.name();
        migration.compareOptions().scorers().forEach(sc -> c.scorers.add(sc.name()));
        c.examples = examples.size();
        c.errors = (int) result.rows().stream().filter(EvalRow::isError).count() + result.missingRows();
        c.complete = result.complete() && c.errors == 0 && m.golden.complete;
        result.summary(BEFORE).ifPresent(s -> {
            copyScores(s, c.before);
            c.beforePromptTokens = s.meanPromptTokens();
            c.beforeCompletionTokens = s.meanCompletionTokens();
        });
        result.summary(AFTER).ifPresent(s -> {
            copyScores(s, c.after);
            c.afterPromptTokens = s.meanPromptTokens();
            c.afterCompletionTokens = s.meanCompletionTokens();
        });
        c.beforeCostPer1000 = result.cost(BEFORE).flatMap(CostComparison::costPer1000Requests)
                .map(BigDecimal::toPlainString).orElse(null);
        c.afterCostPer1000 = result.cost(AFTER).flatMap(CostComparison::costPer1000Requests)
                .map(BigDecimal::toPlainString).orElse(null);
        c.trainingCostUsd = summary.actualCost().map(BigDecimal::toPlainString).orElse(null);
        c.sourceTrainingCostUsd = sourceTrainingCost(m).map(BigDecimal::toPlainString).orElse(null);
        c.comparedAt = migration.clock().instant().toString();
        m.compare = c;
        store.save();
        if (c.complete) {
            release(client, job, m);
        }
        OutcomeStatus status = c.complete ? OutcomeStatus.DONE : OutcomeStatus.FAILED;
        String message = scores(c) + (c.complete ? "" : "; " + c.errors + " of " + (2 * examples.size())
                + " rows without an answer, run compare again to ask only those");
        return new ModelOutcome(m.sourceJob, m.fineTunedModel, status, message);
    }

    static boolean trainingGone(ModelState m) {
        return m.trainingFile != null && !m.trainingFile.isDownloaded()
                && !"available".equals(m.trainingFile.availability);
    }

    private void release(FineTuneClient client, JobSnapshot job, ModelState m) {
        try {
            target.serving().release(client, job);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "releasing the serving of {0} failed: {1}", m.retrain.fineTunedModel,
                    e.getMessage());
        }
    }

    /** A scorer that scores against the golden answer instead of the reference. */
    static Scorer vsGolden(Scorer scorer, Map<String, String> golden) {
        return Scorer.of(scorer.name() + CompareOptions.GOLDEN_SUFFIX, (example, answer) -> {
            String reference = golden.get(example.id());
            return reference == null ? Score.missing("no golden answer")
                    : scorer.score(EvalExample.of(example.id(), example.prompt(), reference), answer);
        });
    }

    /** Costs per 1,000 requests with the source's prices for the old model and the target's for the new one. */
    private EvaluationResult withCosts(EvaluationResult result, ModelState m, String afterModel) {
        List<CostComparison> costs = new ArrayList<>();
        result.summary(BEFORE).ifPresent(s -> costs.add(cost(s, m.fineTunedModel, migration.sourceInferencePrices())));
        result.summary(AFTER).ifPresent(s -> costs.add(cost(s, m.retrain.fineTunedModel,
                target.inferencePrices())));
        return EvaluationResult.builder().examples(result.examples()).candidates(result.candidates())
                .scorers(result.scorers()).rows(result.rows()).summaries(result.summaries())
                .comparisons(result.comparisons()).costs(costs).confidenceLevel(result.confidenceLevel())
                .priceTableVersion(migration.sourceInferencePrices().version() + " (before), "
                        + target.inferencePrices().version() + " (after)")
                .complete(result.complete()).requestsSent(result.requestsSent()).elapsed(result.elapsed()).build();
    }

    private static CostComparison cost(CandidateSummary s, String model, InferencePriceTable prices) {
        CostComparison.Builder b = CostComparison.builder().candidate(s.candidate()).model(s.model())
                .promptTokensPerRequest(s.meanPromptTokens()).completionTokensPerRequest(s.meanCompletionTokens());
        prices.find(model).ifPresent(b::price);
        return b.build();
    }

    private Optional<BigDecimal> sourceTrainingCost(ModelState m) {
        if (m.trainedTokens == null) {
            return Optional.empty();
        }
        PriceTable table;
        try {
            table = migration.source().priceTable();
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        }
        return table.find(m.baseModel).flatMap(ModelLimits::trainingPricePerMillionTokens)
                .map(p -> BigDecimal.valueOf(m.trainedTokens).multiply(p).divide(MILLION, 4, RoundingMode.HALF_UP));
    }

    private static void copyScores(CandidateSummary s, Map<String, IntervalState> into) {
        s.scores().forEach((scorer, ci) -> {
            if (!ci.isEmpty() && !Double.isNaN(ci.mean())) {
                into.put(scorer, interval(ci));
            }
        });
    }

    private static IntervalState interval(ConfidenceInterval ci) {
        return new IntervalState(ci.mean(), ci.lower(), ci.upper(), ci.n());
    }

    /** The first scorer's means, old and new, and the agreement with the golden answers. */
    static String scores(CompareState c) {
        if (c.after.isEmpty()) {
            return "no scores";
        }
        String first = !c.scorers.isEmpty() ? c.scorers.get(0) : c.after.keySet().stream()
                .filter(k -> !k.endsWith(CompareOptions.GOLDEN_SUFFIX)).findFirst()
                .orElse(c.after.keySet().iterator().next());
        IntervalState before = c.before.get(first);
        IntervalState after = c.after.get(first);
        IntervalState agreement = c.after.get(first + CompareOptions.GOLDEN_SUFFIX);
        return String.format(Locale.ROOT, "%s %s -> %s%s on %d examples", first,
                before == null ? "-" : mean(before), mean(after),
                agreement == null ? "" : ", " + first + " with the golden answers " + mean(agreement), c.examples);
    }

    private static String mean(IntervalState i) {
        return Double.isNaN(i.mean) ? "-" : String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", i.mean, i.lower, i.upper);
    }
}
