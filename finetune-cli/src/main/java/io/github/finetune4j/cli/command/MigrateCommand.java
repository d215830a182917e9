package io.github.finetune4j.cli.command;

import io.github.finetune4j.azure.AzureOpenAiFineTuning;
import io.github.finetune4j.azure.deployments.AzureDeployments;
import io.github.finetune4j.azure.deployments.Deployment;
import io.github.finetune4j.azure.deployments.DeploymentRequest;
import io.github.finetune4j.azure.deployments.DeploymentSku;
import io.github.finetune4j.azure.deployments.DeploymentWaitOptions;
import io.github.finetune4j.cli.CliException;
import io.github.finetune4j.cli.Session;
import io.github.finetune4j.cli.config.Settings;
import io.github.finetune4j.cli.emulator.LocalEmulator;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.core.JobListener;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.preflight.ModelLimits;
import io.github.finetune4j.core.preflight.PriceTable;
import io.github.finetune4j.core.preflight.TokenEncoding;
import io.github.finetune4j.eval.InferencePrice;
import io.github.finetune4j.eval.InferencePriceTable;
import io.github.finetune4j.eval.ModelKind;
import io.github.finetune4j.eval.Scorers;
import io.github.finetune4j.migrate.CompareOptions;
import io.github.finetune4j.migrate.HyperparameterPolicy;
import io.github.finetune4j.migrate.Inventory;
import io.github.finetune4j.migrate.Migration;
import io.github.finetune4j.migrate.MigrationListener;
import io.github.finetune4j.migrate.ModelServing;
import io.github.finetune4j.migrate.SnapshotOptions;
import io.github.finetune4j.migrate.Step;
import io.github.finetune4j.migrate.StepResult;
import io.github.finetune4j.migrate.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code finetune migrate}: moves fine-tuned models off a provider (OpenAI) to another (Azure OpenAI by default),
 * step by step or all at once, each step resumable from the migration folder. The only class of the command that
 * uses finetune-migrate.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Move fine-tuned models off OpenAI before 2027-01-14.",
        synopsisSubcommandLabel = "STEP",
        description = {"Moves the fine-tuned models of an account (the provider: openai unless --provider says "
                + "otherwise) to a target (--to, default azure-openai), in four steps that keep their state in the "
                + "migration folder (--dir) and can be run again at any time: nothing is downloaded, started or "
                + "asked twice. `finetune migrate all` runs them in order; --dry-run prints the plan and its cost.",
            "OpenAI stops new fine-tuning jobs on 2027-01-06 and shuts down gpt-4o, gpt-4o-mini, gpt-4.1 and their "
                + "fine-tunes on 2027-01-14. Details: docs/migration.md"},
        subcommands = {MigrateCommand.InventoryStep.class, MigrateCommand.SnapshotStep.class,
            MigrateCommand.RetrainStep.class, MigrateCommand.CompareStep.class, MigrateCommand.AllSteps.class})
final class MigrateCommand implements Callable<Integer> {
    /** The default migration folder. */
    static final String DEFAULT_DIR = "migration";
    /** The default judge rubric. */
    static final String JUDGE_RUBRIC = "Grade how well the answer gives the same information as the reference "
            + "answer, in the same language and tone.";

    private final Session session;

    MigrateCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        picocli.CommandLine.usage(this, session.ctx().out());
        return 0;
    }

    /** The options of every step. */
    static final class Options {
        @Option(names = "--dir", paramLabel = "DIR", description = "Migration folder: manifest, downloaded files, "
                + "golden answers, reports (default: ./migration).")
        String dir = DEFAULT_DIR;

        @Option(names = "--to", paramLabel = "ID", description = "Target provider: azure-openai (default), together, "
                + "or any provider id on the class path. With --provider emulator, the emulator's Azure side.")
        String to = AzureOpenAiFineTuning.ID;

        @Option(names = "--model", paramLabel = "JOB|MODEL", description = "Migrate only this source job or "
                + "fine-tuned model; repeatable (default: every succeeded job).")
        List<String> models = new ArrayList<>();

        @Option(names = "--target-model", paramLabel = "[SOURCE=]MODEL", description = "Target base model for "
                + "every job, or for the jobs of one source base model; repeatable (default: the same base model "
                + "where the target still fine-tunes it, else the closest).")
        List<String> targetModels = new ArrayList<>();

        @Option(names = "--hyperparameters", paramLabel = "POLICY", description = "auto (default), as_resolved, "
                + "epochs_only or provider_defaults.")
        HyperparameterPolicy hyperparameters = HyperparameterPolicy.AUTO;

        @Option(names = "--sample", paramLabel = "N", description = "Training prompts asked for golden answers when "
                + "a job had no validation file (default: 50).")
        Integer sample;

        @Option(names = "--batch-threshold", paramLabel = "N", description = "From this many golden questions on, "
                + "use the provider's Batch API (default: 200).")
        Integer batchThreshold;

        @Option(names = "--max-cost", paramLabel = "USD", description = "Start no job when the estimated training "
                + "cost of the jobs to start is above this.")
        BigDecimal maxCost;

        @Option(names = "--training-price", paramLabel = "MODEL=USD", description = "Training price of a target "
                + "base model, USD per million tokens; repeatable (Azure's prices depend on region and tier).")
        List<String> trainingPrices = new ArrayList<>();

        @Option(names = "--price", paramLabel = "MODEL=IN,OUT", description = "Inference price of the target's "
                + "fine-tuned models of a base model, USD per million input and output tokens; repeatable.")
        List<String> prices = new ArrayList<>();

        @Option(names = "--judge", paramLabel = "MODEL", description = "Also grade answers with this chat model of "
                + "the target (on Azure: a deployment name).")
        String judge;

        @Option(names = "--retry-failed", description = "Start a new job for a model whose new job failed.")
        boolean retryFailed;

        @Option(names = "--deployment-sku", paramLabel = "SKU", description = "Azure: deployments made to compare "
                + "(default: DeveloperTier, no hourly fee, deleted after 24 h).")
        String deploymentSku = DeploymentSku.DEVELOPER.name();

        @Option(names = "--keep-deployments", description = "Azure: keep the deployments made to compare.")
        boolean keepDeployments;

        @Option(names = "--dry-run", description = "Print the plan and its estimated cost; change nothing.")
        boolean dryRun;

        @Mixin
        WaitFlags waitFlags;
    }

    @Command(name = "inventory", mixinStandardHelpOptions = true, sortOptions = false,
            header = "List the account's fine-tunes: files, shutdown dates, days left.",
            description = {"Lists every fine-tuning job of the source account (all pages) with base model, method, "
                    + "hyperparameters as resolved, training and validation files and whether they can still be "
                    + "downloaded, the model's shutdown date and the days left; records it in the migration folder."})
    static final class InventoryStep extends StepCommand {
        @Option(names = "--json", description = "Print JSON instead of the table.")
        boolean json;

        InventoryStep(Session session) {
            super(session);
        }

        @Override
        Set<Step> steps() {
            return EnumSet.of(Step.INVENTORY);
        }

        @Override
        int run(Migration migration, PrintStream out) {
            Inventory inventory = migration.takeInventory();
            out.print(json ? inventory.toJson() : inventory.toText());
            if (!json) {
                out.println("Recorded in " + migration.folder().resolve("manifest.json")
                        + ". Next: finetune migrate snapshot");
            }
            return 0;
        }
    }

    @Command(name = "snapshot", mixinStandardHelpOptions = true, sortOptions = false,
            header = "Download each model's files and record its golden answers.",
            description = {"Downloads each model's training and validation files (streamed, SHA-256 recorded) and "
                    + "records the live model's answers to its validation set, or to a sample of its training "
                    + "prompts (--sample), through the Batch API for large sets."})
    static final class SnapshotStep extends StepCommand {
        SnapshotStep(Session session) {
            super(session);
        }

        @Override
        Set<Step> steps() {
            return EnumSet.of(Step.SNAPSHOT);
        }

        @Override
        int run(Migration migration, PrintStream out) {
            return report(out, migration.snapshot());
        }
    }

    @Command(name = "retrain", mixinStandardHelpOptions = true, sortOptions = false,
            header = "Retrain each model on the target, exactly once, and wait.",
            description = {"Starts one job per model on the target with the same data, translated hyperparameters "
                    + "and method, after the target's pre-flight; waits for the jobs. Ctrl-C stops waiting, never "
                    + "the jobs: run it again to pick them up."})
    static final class RetrainStep extends StepCommand {
        RetrainStep(Session session) {
            super(session);
        }

        @Override
        Set<Step> steps() {
            return EnumSet.of(Step.RETRAIN);
        }

        @Override
        boolean needsTarget() {
            return true;
        }

        @Override
        int run(Migration migration, PrintStream out) {
            return report(out, migration.retrain());
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
            header = "Compare old and new models; write the reports and the summary.",
            description = {"Asks the new models the golden questions, scores old and new answers against the "
                    + "references and the new ones against the golden answers, writes one report per model and "
                    + "summary.html (scores with intervals, cost of 1,000 requests before and after, training "
                    + "cost)."})
    static final class CompareStep extends StepCommand {
        CompareStep(Session session) {
            super(session);
        }

        @Override
        Set<Step> steps() {
            return EnumSet.of(Step.COMPARE);
        }

        @Override
        boolean needsTarget() {
            return true;
        }

        @Override
        int run(Migration migration, PrintStream out) {
            return summarize(out, migration, report(out, migration.compare()));
        }
    }

    @Command(name = "all", mixinStandardHelpOptions = true, sortOptions = false,
            header = "Run inventory, snapshot, retrain and compare in order.",
            description = {"Runs every step; each model goes as far as it can. Run it again after an interruption "
                    + "or a crash: finished work is not done twice."})
    static final class AllSteps extends StepCommand {
        AllSteps(Session session) {
            super(session);
        }

        @Override
        Set<Step> steps() {
            return EnumSet.allOf(Step.class);
        }

        @Override
        boolean needsTarget() {
            return true;
        }

        @Override
        int run(Migration migration, PrintStream out) {
            out.print(migration.takeInventory().toText());
            int exit = report(out, migration.snapshot());
            exit = Math.max(exit, report(out, migration.retrain()));
            return summarize(out, migration, Math.max(exit, report(out, migration.compare())));
        }
    }

    /** What every step does around its own work: clients, options, dry run, exit code. */
    abstract static class StepCommand implements Callable<Integer> {
        @Mixin
        Options options;

        final Session session;
        private final List<AutoCloseable> opened = new ArrayList<>();

        StepCommand(Session session) {
            this.session = session;
        }

        abstract Set<Step> steps();

        abstract int run(Migration migration, PrintStream out);

        boolean needsTarget() {
            return false;
        }

        @Override
        public Integer call() {
            PrintStream out = session.ctx().out();
            try {
                FineTuneClient source = source();
                Migration.Builder b = Migration.builder().folder(session.ctx().resolve(options.dir)).source(source)
                        .clock(session.ctx().clock()).models(options.models).listener(listener(out))
                        .snapshotOptions(snapshotOptions()).waitOptions(waitOptions());
                if (needsTarget()) {
                    Target target = target(out);
                    b.target(target).compareOptions(compareOptions(target.client(), options.judge));
                }
                if (options.maxCost != null) {
                    b.maxTrainingCost(options.maxCost);
                }
                if (options.retryFailed) {
                    b.retryFailedJobs();
                }
                Migration migration = b.build();
                if (options.dryRun) {
                    out.print(migration.plan(steps()).toText());
                    return 0;
                }
                return run(migration, out);
            } finally {
                for (AutoCloseable c : opened) {
                    try {
                        c.close();
                    } catch (Exception e) {
                        // closing is best effort
                    }
                }
            }
        }

        private boolean emulator() {
            return session.provider().equals(Settings.EMULATOR);
        }

        private FineTuneClient source() {
            if (emulator()) {
                return session.connect().client();
            }
            String provider = session.provider();
            FineTuneClient client = session.connectTo(provider.equals(Settings.AUTO) ? "openai" : provider).client();
            opened.add(client);
            return client;
        }

        private Target target(PrintStream out) {
            FineTuneClient client;
            if (emulator()) {
                if (!options.to.startsWith("azure")) {
                    throw new CliException("with --provider emulator the target is the emulator's Azure OpenAI "
                            + "side (--to azure-openai); the emulator has no " + options.to);
                }
                client = AzureOpenAiFineTuning.builder()
                        .endpoint("http://127.0.0.1:" + session.settings().emulatorPort(null))
                        .apiKey(LocalEmulator.API_KEY)
                        .buildClient(FineTuneClient.builder().clock(session.ctx().clock())
                                .defaultWaitOptions(waitOptions()));
            } else {
                client = session.connectTo(options.to).client();
            }
            opened.add(client);
            Target.Builder t = Target.builder(client).hyperparameters(options.hyperparameters);
            for (String spec : options.targetModels) {
                int eq = spec.indexOf('=');
                if (eq < 0) {
                    t.baseModel(spec);
                } else {
                    t.mapBaseModel(spec.substring(0, eq), spec.substring(eq + 1));
                }
            }
            if (!options.trainingPrices.isEmpty()) {
                t.priceTable(withTrainingPrices(client.priceTable()));
            }
            if (!options.prices.isEmpty()) {
                t.inferencePrices(inferencePrices());
            }
            if (client.providerId().startsWith("azure")) {
                t.serving(azureServing(out));
            }
            return t.build();
        }

        /** Azure: a new model answers through a deployment, made for the comparison and deleted after it. */
        private ModelServing azureServing(PrintStream out) {
            Settings settings = session.settings();
            AzureDeployments deployments = new DeployCommand(session).deployments(settings.config(), emulator(),
                    settings);
            opened.add(deployments);
            DeploymentSku sku = DeploymentSku.of(options.deploymentSku);
            Duration poll = settings.pollInterval(options.waitFlags.pollInterval, emulator());
            boolean keep = options.keepDeployments;
            return new ModelServing() {
                @Override
                public FineTunedModel serve(FineTuneClient client, JobSnapshot job) {
                    Deployment d = deployments.deploy(DeploymentRequest.builder().name(deploymentName(job))
                            .fineTunedModel(job).sku(sku).capacity(1).build(), DeploymentWaitOptions.builder()
                            .initialInterval(poll).maxInterval(emulator() ? poll
                                    : DeploymentWaitOptions.DEFAULT_MAX_INTERVAL).build());
                    return deployments.model(client, d);
                }

                @Override
                public void release(FineTuneClient client, JobSnapshot job) {
                    if (!keep && deployments.delete(deploymentName(job))) {
                        out.println("  deleted deployment " + deploymentName(job) + " (made for the comparison)");
                    }
                }
            };
        }

        private PriceTable withTrainingPrices(PriceTable table) {
            PriceTable.Builder b = table.toBuilder().version(table.version() + "+command-line");
            for (String spec : options.trainingPrices) {
                String[] kv = pair(spec, "--training-price", "MODEL=USD");
                BigDecimal usd = number(kv[1], spec);
                ModelLimits row = table.find(kv[0]).map(r -> r.toBuilder().model(kv[0]))
                        .orElseGet(() -> ModelLimits.builder().model(kv[0])
                                .encoding(TokenEncoding.forModel(kv[0]).orElse(TokenEncoding.O200K_BASE))
                                .maxTokensPerExample(65_536))
                        .trainingPricePerMillionTokens(usd).build();
                b.putModel(row);
            }
            return b.build();
        }

        private InferencePriceTable inferencePrices() {
            List<InferencePrice> rows = new ArrayList<>();
            for (String spec : options.prices) {
                String[] kv = pair(spec, "--price", "MODEL=IN,OUT");
                String[] io = kv[1].split(",", -1);
                if (io.length != 2) {
                    throw new CliException("--price " + spec + ": expected MODEL=IN,OUT (USD per million tokens)");
                }
                rows.add(new InferencePrice(kv[0], ModelKind.FINE_TUNED, number(io[0], spec), number(io[1], spec)));
            }
            return new InferencePriceTable("command-line", rows);
        }

        private SnapshotOptions snapshotOptions() {
            SnapshotOptions.Builder b = SnapshotOptions.builder();
            if (options.sample != null) {
                b.sampleSize(options.sample);
            }
            if (options.batchThreshold != null) {
                b.batchThreshold(options.batchThreshold);
            }
            return b.build();
        }

        private WaitOptions waitOptions() {
            Settings settings = session.settings();
            Duration timeout = settings.waitTimeout(options.waitFlags.timeout);
            Duration poll = settings.pollInterval(options.waitFlags.pollInterval, emulator());
            return WaitOptions.builder().timeout(timeout).initialInterval(poll)
                    .maxInterval(poll.compareTo(WaitOptions.DEFAULT_MAX_INTERVAL) > 0 ? poll
                            : WaitOptions.DEFAULT_MAX_INTERVAL).build();
        }

        private MigrationListener listener(PrintStream out) {
            return new MigrationListener() {
                @Override
                public void onModel(Step step, String sourceJob, String message) {
                    synchronized (out) {
                        out.println("  [" + step.commandName() + "] " + sourceJob + ": " + message);
                    }
                }

                @Override
                public void onProgress(Step step, String sourceJob, int done, int total) {
                    if (done == total || done % Math.max(1, total / 4) == 0) {
                        synchronized (out) {
                            out.println("  [" + step.commandName() + "] " + sourceJob + ": " + done + "/" + total
                                    + " answered");
                        }
                    }
                }

                @Override
                public JobListener jobListener(String sourceJob) {
                    return session.progress(options.waitFlags.progress);
                }
            };
        }

        int report(PrintStream out, StepResult result) {
            out.println(title(result.step()));
            out.print(result.toText());
            long problems = result.outcomes().stream().filter(o -> o.status().isProblem()).count();
            if (problems > 0) {
                out.println("  " + problems + (problems == 1 ? " model needs" : " models need") + " attention (see "
                        + "above); the others went on");
            }
            return problems > 0 ? CliException.FAILURE : 0;
        }

        /** Prints the summary the compare step wrote. */
        static int summarize(PrintStream out, Migration migration, int exit) {
            Path summary = migration.folder().resolve("summary.txt");
            if (Files.isRegularFile(summary)) {
                try {
                    out.println("Summary:");
                    out.print(Files.readString(summary, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + summary, e);
                }
            }
            return exit;
        }

        private static String title(Step step) {
            String name = step.commandName();
            return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1) + ":";
        }

        private static String deploymentName(JobSnapshot job) {
            String id = job.id().value().replaceAll("[^A-Za-z0-9]", "");
            return "migrated-" + id.substring(Math.max(0, id.length() - 12)).toLowerCase(Locale.ROOT);
        }

        private static String[] pair(String spec, String option, String form) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new CliException(option + " " + spec + ": expected " + form);
            }
            return new String[] {spec.substring(0, eq).strip(), spec.substring(eq + 1).strip()};
        }

        private static BigDecimal number(String text, String spec) {
            try {
                BigDecimal value = new BigDecimal(text.strip());
                if (value.signum() < 0) {
                    throw new NumberFormatException("negative");
                }
                return value;
            } catch (NumberFormatException e) {
                throw new CliException(spec + ": '" + text + "' is not a price in USD");
            }
        }
    }

    static CompareOptions compareOptions(FineTuneClient target, String judge) {
        CompareOptions.Builder b = CompareOptions.builder().addScorer(Scorers.tokenF1()).addScorer(Scorers.chrF());
        if (judge != null) {
            b.addScorer(Scorers.judge(target.model(judge).withTemperature(0), JUDGE_RUBRIC));
        }
        return b.build();
    }
}
