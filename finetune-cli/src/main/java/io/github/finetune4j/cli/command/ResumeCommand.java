package io.github.finetune4j.cli.command;

import io.github.finetune4j.cli.Session;
import io.github.finetune4j.core.FineTuneJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code finetune resume}. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        header = "Resume a paused job.",
        description = "Resume a paused job.")
final class ResumeCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "JOB", description = "Job id (default: the newest job started here).")
    String job;

    private final Session session;

    ResumeCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        return JobControl.run(session, job, "Resumed", FineTuneJob::resume);
    }
}
