package io.github.finetune4j.cli.command;

import io.github.finetune4j.cli.Session;
import io.github.finetune4j.core.FineTuneJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code finetune cancel}. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        header = "Cancel a job.",
        description = "Cancel a job (at the provider; it stops training and is not billed further).")
final class CancelCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "JOB", description = "Job id (default: the newest job started here).")
    String job;

    private final Session session;

    CancelCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        return JobControl.run(session, job, "Cancelled", FineTuneJob::cancel);
    }
}
