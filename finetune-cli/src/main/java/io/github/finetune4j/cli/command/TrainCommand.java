package io.github.finetune4j.cli.command;

import io.github.finetune4j.cli.CliException;
import io.github.finetune4j.cli.Session;
import io.github.finetune4j.cli.config.Settings;
import io.github.finetune4j.cli.run.TrainRun;
import io.github.finetune4j.cli.run.TrainSpec;
import io.github.finetune4j.core.ConsoleProgress;
import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.preflight.PiiPolicy;
import io.github.finetune4j.core.preflight.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code finetune train}: validate, upload and start exactly once; with --wait, follow the job. */
@Command(name = "train", mixinStandardHelpOptions = true,
        header = "Validate, upload and start a job exactly once; --wait follows it.", sortOptions = false,
        description = {"Validate the training data, upload it and start the fine-tuning job, exactly once: run the "
                + "same command again (after Ctrl-C, a crash, or when done) and it re-attaches to the same job "
                + "(kept in finetune.state.json beside the config) instead of paying for a second one.",
            "With --wait it follows the job with a live progress display and prints the fine-tuned model's name. "
                + "Ctrl-C stops waiting; the job keeps running."})
final class TrainCommand implements Callable<Integer> {
    @Option(names = {"-w", "--wait"}, description = "Follow the job until it ends.")
    boolean wait;

    @Option(names = "--new", description = "Start a new job even if one for the same data and settings exists.")
    boolean fresh;

    @Option(names = "--training-file", paramLabel = "FILE", description = "Training data (default: training-file).")
    String trainingFile;

    @Option(names = "--validation-file", paramLabel = "FILE",
            description = "Validation data (default: validation-file).")
    String validationFile;

    @Mixin
    PreflightOptions preflight;

    @Option(names = "--batch-size", paramLabel = "N|auto", description = "Batch size (default: "
            + "hyperparameters.batch-size).")
    String batchSize;

    @Option(names = "--learning-rate-multiplier", paramLabel = "X|auto",
            description = "Learning-rate multiplier (default: hyperparameters.learning-rate-multiplier).")
    String learningRateMultiplier;

    @Option(names = "--beta", paramLabel = "X|auto", description = "DPO beta (default: hyperparameters.beta).")
    String beta;

    @Option(names = "--suffix", paramLabel = "TEXT", description = "Model name suffix (default: suffix).")
    String suffix;

    @Option(names = "--seed", paramLabel = "N", description = "Training seed (default: seed).")
    Long seed;

    @Mixin
    WaitFlags waitFlags;

    private final Session session;

    TrainCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Settings settings = session.settings();
        waitFlags.check(settings);
        Path training = Preflights.requireFile(Preflights.trainingFile(settings, trainingFile), "training file");
        TrainSpec spec = new TrainSpec(settings.baseModel(preflight.baseModel), training,
                settings.validationFile(validationFile).map(p -> Preflights.requireFile(p, "validation file")),
                settings.method(preflight.method),
                settings.hyperparameters(preflight.epochs, batchSize, learningRateMultiplier, beta),
                settings.suffix(suffix), settings.seed(seed));
        if (settings.pii(preflight.pii) == PiiPolicy.FAIL) {
            // The start's own pre-flight only warns about personal data; this policy must stop it.
            ValidationReport report = Preflights.run(settings, training, preflight, session.provider());
            if (report.hasErrors()) {
                report.errors().forEach(i -> session.ctx().err().println("  " + i));
                throw new CliException(report.errorCount() + " error(s) in " + training.getFileName()
                        + "; nothing was uploaded");
            }
        }
        Session.Connection connection = session.connect();
        ConsoleProgress progress = session.progress(waitFlags.progress);
        PrintStream out = session.ctx().out();
        out.println("Training " + spec.baseModel() + " on " + shown(training) + " (provider " + connection.label()
                + ")");
        TrainRun run = new TrainRun(connection.client(), connection.label(), connection.emulator(), session.runs(),
                session.ctx().clock(), progress::println);
        TrainRun.Started started = run.startOrAttach(spec, fresh, progress);
        if (!wait) {
            JobSnapshot latest = started.job().latest();
            if (latest.fineTunedModel().isPresent()) {
                run.recordModel(started.key(), latest);
                out.println("Job " + latest.id() + " has finished. Fine-tuned model: " + latest.fineTunedModel().get());
            } else {
                out.println("Job " + latest.id() + " is " + latest.rawStatus() + " on " + connection.label()
                        + ". Follow it with: finetune watch " + latest.id());
            }
            return 0;
        }
        Duration poll = settings.pollInterval(waitFlags.pollInterval, connection.emulator());
        JobSnapshot done = Waiting.await(started.job(), progress, connection.label(), job -> run.await(started,
                Waiting.options(progress, settings.waitTimeout(waitFlags.timeout), poll)));
        progress.finish();
        String model = done.fineTunedModel().orElseThrow();
        out.println("Fine-tuned model: " + model);
        out.println("Chat with it: finetune chat   (or: finetune chat --prompt \"...\")");
        return 0;
    }

    private String shown(Path p) {
        Path work = session.ctx().workDir();
        return p.startsWith(work) ? work.relativize(p).toString() : p.toString();
    }
}
