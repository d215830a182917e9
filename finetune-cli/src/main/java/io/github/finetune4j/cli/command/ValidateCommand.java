package io.github.finetune4j.cli.command;

import io.github.finetune4j.cli.Session;
import io.github.finetune4j.core.preflight.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code finetune validate}: the pre-flight report of a training file. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        header = "Check training data before upload (the pre-flight report).", sortOptions = false,
        description = {"Check a training file as the provider would, before anything is uploaded: format, roles, "
                + "token limits of the base model, example count, personal data; with token statistics and the "
                + "cost estimate.", "Exit code 1 when the file has errors."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The JSONL file (default: training-file).")
    String file;

    @Mixin
    PreflightOptions preflight;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    private final Session session;

    ValidateCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ValidationReport report = Preflights.run(session.settings(),
                Preflights.trainingFile(session.settings(), file), preflight, session.provider());
        session.ctx().out().println(json ? report.toJson() : report.toText());
        if (report.hasErrors()) {
            // One line per error, file:line first, as compilers print them (editors jump there).
            report.errors().forEach(issue -> session.ctx().err().println(issue));
            session.ctx().err().println("finetune: " + report.errorCount() + " error(s) in " + report.source());
            return 1;
        }
        return 0;
    }
}
