package io.github.finetune4j.cli.command;

import io.github.finetune4j.cli.Session;
import io.github.finetune4j.cli.config.Settings;
import io.github.finetune4j.core.ConsoleProgress;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code finetune watch}: follow a job with the progress display. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        header = "Follow a job with the live progress display.", sortOptions = false,
        description = {"Follow a job with the live progress display until it ends, and print the fine-tuned "
                + "model's name. Ctrl-C stops watching; the job keeps running."})
final class WatchCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "JOB", description = "Job id (default: the newest job started here).")
    String job;

    @Mixin
    WaitFlags waitFlags;

    private final Session session;

    WatchCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Settings settings = session.settings();
        waitFlags.check(settings);
        JobId id = JobArgument.resolve(session, job);
        Session.Connection connection = session.connect();
        FineTuneJob attached = connection.client().attach(id);
        ConsoleProgress progress = session.progress(waitFlags.progress);
        session.ctx().out().println("Watching job " + id + " on " + connection.label() + " ("
                + attached.latest().rawStatus() + ")");
        JobSnapshot done = Waiting.await(attached, progress, connection.label(), j -> j.awaitCompletion(
                Waiting.options(progress, settings.waitTimeout(waitFlags.timeout),
                        settings.pollInterval(waitFlags.pollInterval, connection.emulator()))));
        progress.finish();
        done.fineTunedModel().ifPresent(model -> {
            session.runs().findByJob(id.value()).ifPresent(run -> session.runs()
                    .save(run.withModel(model, session.ctx().clock().instant())));
            session.ctx().out().println("Fine-tuned model: " + model);
        });
        return 0;
    }
}
