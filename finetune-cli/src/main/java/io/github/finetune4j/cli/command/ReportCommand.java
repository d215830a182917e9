package io.github.finetune4j.cli.command;

import io.github.finetune4j.cli.Session;
import io.github.finetune4j.cli.config.ConfigFile;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.eval.HtmlReport;
import io.github.finetune4j.eval.JobSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code finetune report}: the HTML report of a job. */
@Command(name = "report", mixinStandardHelpOptions = true,
        header = "Write the HTML report of a job.", sortOptions = false,
        description = {"Write the HTML report of a job: settings, cost, training and validation loss curves and the "
                + "event timeline, in one self-contained file (`finetune eval` adds the evaluation)."})
final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "JOB", description = "Job id (default: the newest job started here).")
    String job;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The HTML file (default: "
            + "<evaluation.output>/job-JOB.html, else finetune-report/job-JOB.html).")
    String output;

    private final Session session;

    ReportCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        JobId id = JobArgument.resolve(session, job);
        ConfigFile config = session.config();
        JobSummary summary = JobSummary.fetch(session.connect().client().attach(id));
        Path file = output != null ? session.ctx().resolve(output)
                : config.path("evaluation.output").orElse(config.dir().resolve("finetune-report"))
                .resolve("job-" + id.value() + ".html");
        Files.createDirectories(file.toAbsolutePath().getParent());
        HtmlReport.builder().title("Fine-tuning job " + id).job(summary)
                .generatedAt(session.ctx().clock().instant()).build().write(file);
        session.ctx().out().println("Report: " + file);
        return 0;
    }
}
