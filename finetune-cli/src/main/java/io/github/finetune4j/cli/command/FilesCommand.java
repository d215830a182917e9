package io.github.finetune4j.cli.command;

import io.github.finetune4j.cli.Session;
import io.github.finetune4j.core.model.FileInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code finetune files}: the files stored at the provider. */
@Command(name = "files", mixinStandardHelpOptions = true,
        header = "List files stored at the provider.",
        description = "List the files stored at the provider (training data, results).")
final class FilesCommand implements Callable<Integer> {
    @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "How many (default: 100).")
    int limit = 100;

    @Option(names = "--json", description = "One JSON object per file and line.")
    boolean json;

    private final Session session;

    FilesCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        List<FileInfo> files = session.connect().client().listFiles().stream().limit(limit)
                .collect(Collectors.toList());
        if (json) {
            files.forEach(f -> session.ctx().out().println(Json.file(f)));
            return 0;
        }
        Table table = new Table("FILE", "NAME", "BYTES", "PURPOSE", "STATUS", "CREATED");
        DateTimeFormatter time = Times.formatter(session.ctx().clock());
        for (FileInfo f : files) {
            table.row(f.id().value(), f.filename(), String.format(Locale.ROOT, "%,d", f.bytes()), f.purpose(),
                    f.status().name().toLowerCase(Locale.ROOT), time.format(f.createdAt()));
        }
        if (table.isEmpty()) {
            session.ctx().out().println("No files.");
        } else {
            table.print(session.ctx().out());
        }
        return 0;
    }
}
