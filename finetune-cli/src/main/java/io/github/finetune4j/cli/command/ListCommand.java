package io.github.finetune4j.cli.command;

import io.github.finetune4j.cli.Session;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.PageRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code finetune list}: the provider's fine-tuning jobs. */
@Command(name = "list", mixinStandardHelpOptions = true,
        header = "List fine-tuning jobs.",
        description = "List fine-tuning jobs, newest first.")
final class ListCommand implements Callable<Integer> {
    @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "How many (default: 20).")
    int limit = 20;

    @Option(names = "--json", description = "One JSON object per job and line.")
    boolean json;

    private final Session session;

    ListCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        List<JobSnapshot> jobs = session.connect().client().listJobs(PageRequest.first().withLimit(Math.min(limit,
                100))).stream().limit(limit).collect(Collectors.toList());
        if (json) {
            jobs.forEach(j -> session.ctx().out().println(Json.job(j)));
            return 0;
        }
        Table table = new Table("JOB", "STATUS", "BASE MODEL", "FINE-TUNED MODEL", "CREATED");
        DateTimeFormatter time = Times.formatter(session.ctx().clock());
        for (JobSnapshot j : jobs) {
            table.row(j.id().value(), j.rawStatus(), j.baseModel(), j.fineTunedModel().orElse("-"),
                    time.format(j.createdAt()));
        }
        if (table.isEmpty()) {
            session.ctx().out().println("No jobs.");
        } else {
            table.print(session.ctx().out());
        }
        return 0;
    }
}
