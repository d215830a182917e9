package io.github.finetune4j.cli.command;

import io.github.finetune4j.cli.Session;
import io.github.finetune4j.core.FineTuneJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code finetune pause}. */
@Command(name = "pause", mixinStandardHelpOptions = true,
        header = "Pause a running job.",
        description = "Pause a running job (where the provider supports it).")
final class PauseCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "JOB", description = "Job id (default: the newest job started here).")
    String job;

    private final Session session;

    PauseCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        return JobControl.run(session, job, "Paused", FineTuneJob::pause);
    }
}
