package io.github.finetune4j.core.internal.preflight;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.internal.tokenizer.WorkBudget;
import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.Severity;
import io.github.finetune4j.core.preflight.CostEstimate;
import io.github.finetune4j.core.preflight.ModelLimits;
import io.github.finetune4j.core.preflight.PiiPolicy;
import io.github.finetune4j.core.preflight.PriceTable;
import io.github.finetune4j.core.preflight.ValidationOptions;
import io.github.finetune4j.core.preflight.ValidationReport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs the whole pre-flight over a dataset: one streaming pass that validates, counts and scans, then the
 * file-wide checks and the cost estimate. Never throws for bad data: every problem becomes an issue of the report.
 */
public final class Preflight {
    /** Fewer examples than this is an error. */
    public static final int MIN_EXAMPLES = 10;
    /** Fewer examples than this is a warning. */
    public static final int RECOMMENDED_EXAMPLES = 50;
    private static final long MIN_BUDGET_BYTES = 16L << 20;

    private Preflight() {
    }

    /**
     * Checks a dataset.
     *
     * @param data the dataset
     * @param options how to check
     * @return the report
     * @throws FineTuneInterruptedException if the calling thread is interrupted; the flag stays set
     */
    public static ValidationReport run(Dataset data, ValidationOptions options) {
        return run(data, options, FileBatchSource.CHUNK);
    }

    static ValidationReport run(Dataset data, ValidationOptions options, int chunk) {
        String source = data.source();
        String model = options.baseModel();
        PriceTable table = options.priceTable();
        Optional<ModelLimits> limits = table.find(model);
        IssueCollector issues = new IssueCollector(options.maxIssuesPerCode());
        TokenizerChoice choice = TokenizerChoice.of(options, limits, source, issues);
        PiiPolicy policy = options.piiPolicy();
        TextAnalyzer analyzer = new TextAnalyzer(choice.counter, policy != PiiPolicy.IGNORE, choice.specialTokens);
        JsonReaders json = new JsonReaders(options.maxNestingDepth(), options.maxLineBytes());
        long lineNanos = options.lineTimeLimit().toNanos();
        LineChecker checker = new LineChecker(source, options.method(), analyzer, json, table.byteOrderMarkSeverity(),
                policy == PiiPolicy.FAIL ? Severity.ERROR : Severity.WARNING, policy == PiiPolicy.REDACT,
                options.maxLineBytes(), () -> WorkBudget.until(System.nanoTime() + lineNanos),
                new TemplateOverhead(choice.template));
        BatchSource input = data.file().<BatchSource>map(f -> new FileBatchSource(f, options.maxLineBytes(), chunk))
                .orElseGet(() -> new RecordBatchSource(data::records, chunk));
        Integer cap = limits.map(ModelLimits::maxTokensPerExample).orElse(null);
        Pipeline pipeline = new Pipeline(options.threads(),
                Math.max(MIN_BUDGET_BYTES, options.maxLineBytes() + 2L * chunk));

        RedactedWriter writer = null;
        if (options.redactedCopy().isPresent()) {
            try {
                writer = new RedactedWriter(options.redactedCopy().get());
            } catch (IOException e) {
                issues.add(new DatasetIssue(source, 0, "", "io_error", Severity.ERROR,
                        "cannot create the redacted copy: " + describe(e)));
            }
        }
        Aggregator aggregator = new Aggregator(source, issues, cap, model, writer);
        long bytes = 0;
        Optional<Path> redacted = Optional.empty();
        try {
            Pipeline.Outcome outcome = pipeline.run(input, checker, aggregator);
            bytes = outcome.bytesRead;
            aggregator.finish();
            if (outcome.readFailure != null) {
                issues.add(new DatasetIssue(source, 0, "", "io_error", Severity.ERROR, "reading stopped after "
                        + aggregator.lines() + " lines: " + describe(outcome.readFailure)));
            } else if (writer != null) {
                writer.commit();
                redacted = options.redactedCopy();
            }
        } catch (IOException e) {
            issues.add(new DatasetIssue(source, 0, "", "io_error", Severity.ERROR,
                    "cannot write the redacted copy: " + describe(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FineTuneInterruptedException("interrupted while validating " + source, e);
        } finally {
            closeQuietly(writer);
        }
        return finish(data, options, choice, limits, issues, aggregator, bytes, redacted);
    }

    private static void closeQuietly(RedactedWriter writer) {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                // the temporary file could not be removed; nothing else to do
            }
        }
    }

    private static ValidationReport finish(Dataset data, ValidationOptions options, TokenizerChoice choice,
                                           Optional<ModelLimits> limits, IssueCollector issues, Aggregator aggregator,
                                           long bytes, Optional<Path> redacted) {
        String source = data.source();
        PriceTable table = options.priceTable();
        long examples = aggregator.examples();
        if (examples < MIN_EXAMPLES) {
            issues.add(new DatasetIssue(source, 0, "", "too_few_examples", Severity.ERROR,
                    "the providers need at least " + MIN_EXAMPLES + " examples, found " + examples));
        } else if (examples < RECOMMENDED_EXAMPLES) {
            issues.add(new DatasetIssue(source, 0, "", "few_examples", Severity.WARNING, "only " + examples
                    + " examples; " + RECOMMENDED_EXAMPLES + " to 100 well-made examples are a good start"));
        }
        if (bytes > table.maxUploadBytes()) {
            issues.add(new DatasetIssue(source, 0, "", "file_too_large", Severity.ERROR, "the file has " + bytes
                    + " bytes; " + table.provider() + " accepts at most " + table.maxUploadBytes()));
        } else if (bytes > table.maxFileBytes()) {
            issues.add(new DatasetIssue(source, 0, "", "file_over_upload_limit", Severity.WARNING, "the file has "
                    + bytes + " bytes, more than the " + table.maxFileBytes() + " one upload request takes; on OpenAI,"
                    + " files above 512 MB are uploaded in parts through the Uploads API automatically (up to 8 GB)"));
        }
        long billing = aggregator.billingTokens();
        CostEstimate cost = CostModel.estimate(options.baseModel(), limits, options.epochs(), examples, billing,
                table.version());
        table.maxTrainedTokensPerJob().ifPresent(max -> {
            if (cost.trainedTokens() > max) {
                issues.add(new DatasetIssue(source, 0, "", "job_too_large", Severity.ERROR, "the job would train "
                        + cost.trainedTokens() + " tokens; " + table.provider() + " allows at most " + max));
            }
        });
        ValidationReport.Builder report = ValidationReport.builder().source(source).baseModel(options.baseModel())
                .method(options.method()).bytes(bytes).lines(aggregator.lines())
                .examples(examples).errorCount(issues.errors()).warningCount(issues.warnings())
                .issues(issues.issues()).issueCounts(issues.counts())
                .tokens(aggregator.statistics(choice))
                .cost(cost).piiFindings(issues.findings()).piiCounts(issues.piiCounts());
        redacted.ifPresent(report::redactedCopy);
        return report.build();
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
