package io.github.finetune4j.maven;

import io.github.finetune4j.cli.CliContext;
import io.github.finetune4j.cli.CliException;
import io.github.finetune4j.cli.config.Credentials;
import io.github.finetune4j.cli.config.Durations;
import io.github.finetune4j.cli.run.RunStore;
import io.github.finetune4j.cli.run.TrainRun;
import io.github.finetune4j.cli.run.TrainSpec;
import io.github.finetune4j.core.ConsoleProgress;
import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneClientBuilder;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.JobCancelledException;
import io.github.finetune4j.core.error.JobFailedException;
import io.github.finetune4j.core.error.WaitTimeoutException;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.spi.AtomicFile;
import io.github.finetune4j.openai.OpenAiFineTuning;
import io.github.finetune4j.testkit.EmulatorClock;
import io.github.finetune4j.testkit.FineTuningEmulator;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the fine-tuning job exactly once, or re-attaches to it: a second {@code mvn finetune:train} with the same
 * data and settings (after a failed or killed build) follows the job of the first (kept in {@code stateFile})
 * instead of paying for another. Waits with the build log as progress and writes the fine-tuned model's name to
 * {@code modelFile} for the rest of the build. Not bound to a phase: invoke it explicitly.
 */
@Mojo(name = "train", threadSafe = false)
public class TrainMojo extends AbstractFinetuneMojo {
    /** Added to the fine-tuned model's name. */
    @Parameter(property = "finetune.suffix")
    String suffix;

    /** Training seed. */
    @Parameter(property = "finetune.seed")
    Long seed;

    /** Batch size, or {@code auto}. */
    @Parameter(property = "finetune.batchSize", defaultValue = "auto")
    String batchSize;

    /** Learning-rate multiplier, or {@code auto}. */
    @Parameter(property = "finetune.learningRateMultiplier", defaultValue = "auto")
    String learningRateMultiplier;

    /** Where the runs of this project are kept (job ids, models); commit-ignore it, do not clean it. */
    @Parameter(property = "finetune.stateFile", defaultValue = "${project.basedir}/finetune.state.json")
    File stateFile;

    /** Where the fine-tuned model's name is written. */
    @Parameter(property = "finetune.modelFile",
            defaultValue = "${project.build.directory}/finetune/fine-tuned-model.txt")
    File modelFile;

    /** Wait for the job (default); {@code false} only starts it (or re-attaches) and ends the goal. */
    @Parameter(property = "finetune.wait", defaultValue = "true")
    boolean wait;

    /** Budget of the wait, e.g. {@code 2h}; the job keeps running when it is spent. */
    @Parameter(property = "finetune.timeout", defaultValue = "24h")
    String timeout;

    /** First interval between polls; grows up to 60 s. */
    @Parameter(property = "finetune.pollInterval", defaultValue = "5s")
    String pollInterval;

    /** Start a new job even if one for the same data and settings exists. */
    @Parameter(property = "finetune.new", defaultValue = "false")
    boolean newRun;

    /** Clock speed of the emulator inside the build ({@code provider=emulator}): emulated seconds per second. */
    @Parameter(property = "finetune.emulatorSpeed", defaultValue = "50")
    double emulatorSpeed;

    /** Where provider settings are read; the process environment unless a test sets it. */
    EnvironmentLookup environment;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("finetune:train skipped");
            return;
        }
        // The library logs status changes at INFO through java.util.logging; the progress lines say it already.
        Logger library = Logger.getLogger("io.github.finetune4j");
        Level before = library.getLevel();
        library.setLevel(Level.WARNING);
        FineTuningEmulator emulator = null;
        PrintStream log = LogStream.of(getLog());
        try {
            boolean offline = provider.equalsIgnoreCase("emulator");
            if (offline) {
                emulator = FineTuningEmulator.builder().clock(EmulatorClock.scaled(emulatorSpeed)).start();
                getLog().info("Training on an emulator inside this build (offline; its models are gone when the "
                        + "build ends): " + emulator.baseUrl());
            }
            try (FineTuneClient client = client(emulator)) {
                train(client, offline, log);
            }
        } catch (CliException | FineTuneException | IllegalArgumentException | IllegalStateException e) {
            throw new MojoFailureException("finetune: " + e.getMessage(), e);
        } finally {
            log.close();
            library.setLevel(before);
            if (emulator != null) {
                emulator.close();
            }
        }
    }

    private void train(FineTuneClient client, boolean offline, PrintStream log) throws MojoFailureException {
        TrainSpec spec = new TrainSpec(baseModel, trainingFile.toPath(),
                Optional.ofNullable(validationFile).map(File::toPath), methodValueUnchecked(), hyperparameters(),
                Optional.ofNullable(suffix), Optional.ofNullable(seed));
        ConsoleProgress progress = ConsoleProgress.builder().out(log).terminal(false).build();
        String label = offline ? "emulator" : client.providerId();
        TrainRun run = new TrainRun(client, label, offline, RunStore.at(stateFile.toPath()), Clock.systemUTC(),
                progress::println);
        TrainRun.Started started = run.startOrAttach(spec, newRun, progress);
        if (!wait) {
            getLog().info("Job " + started.job().id() + " is " + started.job().latest().rawStatus()
                    + "; follow it with `finetune watch " + started.job().id() + "` or run finetune:train again");
            return;
        }
        Duration poll = Durations.parse(pollInterval);
        JobSnapshot done;
        try {
            done = run.await(started, WaitOptions.builder().timeout(Durations.parse(timeout)).initialInterval(poll)
                    .maxInterval(poll.compareTo(WaitOptions.DEFAULT_MAX_INTERVAL) > 0 ? poll
                            : WaitOptions.DEFAULT_MAX_INTERVAL)
                    .listener(progress).build());
        } catch (JobFailedException e) {
            throw new MojoFailureException("finetune: job " + started.job().id() + " failed: " + e.snapshot().error()
                    .map(err -> err.code().map(c -> c + ": ").orElse("") + err.message()).orElse("no reason given"),
                    e);
        } catch (JobCancelledException e) {
            throw new MojoFailureException("finetune: job " + started.job().id() + " was cancelled", e);
        } catch (WaitTimeoutException e) {
            throw new MojoFailureException("finetune: stopped waiting for job " + started.job().id() + " after "
                    + timeout + "; it keeps running. Run finetune:train again to follow it.", e);
        }
        String model = done.fineTunedModel().orElseThrow();
        try {
            AtomicFile.writeString(modelFile.toPath(), model + System.lineSeparator());
        } catch (IOException e) {
            throw new MojoFailureException("finetune: cannot write " + modelFile + ": " + e.getMessage(), e);
        }
        getLog().info("Fine-tuned model: " + model + " (written to " + modelFile + ")");
    }

    private FineTuneClient client(FineTuningEmulator emulator) {
        Duration poll = Durations.parse(pollInterval);
        FineTuneClientBuilder b = FineTuneClient.builder().defaultWaitOptions(WaitOptions.builder()
                .initialInterval(poll).maxInterval(poll.compareTo(WaitOptions.DEFAULT_MAX_INTERVAL) > 0 ? poll
                        : WaitOptions.DEFAULT_MAX_INTERVAL).build());
        if (emulator != null) {
            return b.provider(OpenAiFineTuning.builder().apiKey(emulator.apiKey()).baseUrl(emulator.baseUrl())
                    .build()).build();
        }
        // Secrets from the environment (CI secrets), else the same credentials file as the command line.
        Credentials credentials = Credentials.load(CliContext.system());
        EnvironmentLookup system = environment != null ? environment : EnvironmentLookup.system();
        b.environment(name -> system.get(name).or(() -> credentials.get(name)));
        if (!provider.equalsIgnoreCase("auto")) {
            b.provider(provider);
        }
        return b.build();
    }

    private Hyperparameters hyperparameters() {
        Hyperparameters.Builder h = Hyperparameters.builder();
        if (!epochs.equalsIgnoreCase("auto")) {
            h.epochs(Integer.parseInt(epochs.strip()));
        }
        if (!batchSize.equalsIgnoreCase("auto")) {
            h.batchSize(Integer.parseInt(batchSize.strip()));
        }
        if (!learningRateMultiplier.equalsIgnoreCase("auto")) {
            h.learningRateMultiplier(Double.parseDouble(learningRateMultiplier.strip()));
        }
        return h.build();
    }

    private io.github.finetune4j.core.model.FineTuneMethod methodValueUnchecked() {
        try {
            return methodValue();
        } catch (MojoExecutionException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
