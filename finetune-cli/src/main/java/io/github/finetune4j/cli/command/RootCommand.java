package io.github.finetune4j.cli.command;

import io.github.finetune4j.cli.GlobalOptions;
import io.github.finetune4j.cli.Session;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

/** {@code finetune}: lists the commands. */
@Command(name = "finetune", mixinStandardHelpOptions = true,
        versionProvider = RootCommand.Version.class, sortOptions = false,
        header = "Fine-tune chat models on OpenAI, Azure OpenAI or the local emulator, without writing Java.",
        synopsisSubcommandLabel = "COMMAND",
        description = {"", "Start with `finetune init`, then `finetune train --wait` and `finetune chat`.", ""},
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        footer = {"Settings come from flags, then environment variables, then finetune.yaml,",
            "then defaults. Secrets come only from the environment (OPENAI_API_KEY,",
            "AZURE_OPENAI_API_KEY, ...) or from the credentials file",
            "~/.config/finetune/credentials (NAME=value lines, chmod 600).",
            "Exit codes: 0 success, 1 failure, 2 wrong command line, 130 interrupted.",
            "Details: docs/cli.md"})
public final class RootCommand implements Callable<Integer> {
    /**
     * The subcommands, in the order the help lists them. Added by {@link io.github.finetune4j.cli.Cli}, which
     * inspects only the one that runs (inspecting all of them costs a third of a second at every start).
     */
    public static final List<Class<?>> COMMANDS = List.of(InitCommand.class, ValidateCommand.class,
            EstimateCommand.class, TrainCommand.class, WatchCommand.class, ListCommand.class, EventsCommand.class,
            CancelCommand.class, PauseCommand.class, ResumeCommand.class, FilesCommand.class, ChatCommand.class,
            EvalCommand.class, ReportCommand.class, DeployCommand.class, MigrateCommand.class, EmulatorCommand.class,
            CompletionCommand.class);

    @Mixin
    GlobalOptions global;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final Session session;

    /**
     * Creates the root command.
     *
     * @param session the run's session
     */
    public RootCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(session.ctx().out());
        return 0;
    }

    /** Reads the version from the jar's resources. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = RootCommand.class.getResourceAsStream("/finetune-cli.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"finetune " + p.getProperty("version", "unknown") + " (finetune4j), Java "
                    + System.getProperty("java.version")};
        }
    }
}
