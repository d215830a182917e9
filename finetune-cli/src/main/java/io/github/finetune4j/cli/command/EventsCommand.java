package io.github.finetune4j.cli.command;

import io.github.finetune4j.cli.Session;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code finetune events}: a job's event log. */
@Command(name = "events", mixinStandardHelpOptions = true,
        header = "Print a job's events.",
        description = "Print a job's newest events, oldest first.")
final class EventsCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "JOB", description = "Job id (default: the newest job started here).")
    String job;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "How many (default: 100).")
    int limit = 100;

    private final Session session;

    EventsCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        JobId id = JobArgument.resolve(session, job);
        List<JobEvent> newestFirst = session.connect().client().attach(id).events().stream().limit(limit)
                .collect(Collectors.toList());
        List<JobEvent> events = new ArrayList<>(newestFirst);
        Collections.reverse(events);
        DateTimeFormatter time = Times.formatter(session.ctx().clock());
        for (JobEvent e : events) {
            session.ctx().out().println(time.format(e.createdAt()) + "  "
                    + String.format(Locale.ROOT, "%-5s", e.level().name().toLowerCase(Locale.ROOT)) + "  "
                    + e.message());
        }
        return 0;
    }
}
