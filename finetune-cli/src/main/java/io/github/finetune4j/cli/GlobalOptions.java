package io.github.finetune4j.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options every command accepts ({@code --config}, {@code --provider}, {@code --verbose}), before or after the
 * command's name. Values go to the one {@link Session} of the run, whichever command object picocli sets them on.
 */
public final class GlobalOptions {
    private final Session session;

    /**
     * Creates the options of a run.
     *
     * @param session the run's session
     */
    public GlobalOptions(Session session) {
        this.session = session;
    }

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Config file (default: $FINETUNE_CONFIG, else ./finetune.yaml).")
    void config(String file) {
        session.configFlag(file);
    }

    @Option(names = {"-p", "--provider"}, paramLabel = "ID", scope = ScopeType.INHERIT,
            description = "emulator, openai, azure-openai, auto, or any provider id on the class path "
                    + "(default: $FINETUNE_PROVIDER, else the config's provider, else auto).")
    void provider(String id) {
        session.providerFlag(id);
    }

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Print stack traces of errors and the library's log.")
    void verbose(boolean verbose) {
        session.verbose(verbose);
    }
}
