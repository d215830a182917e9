package io.github.finetune4j.cli.command;

import io.github.finetune4j.cli.Session;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code finetune completion}: the shell completion script. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        header = "Print the shell completion script.",
        description = {"Print the bash/zsh completion script. Load it with: source <(finetune completion)",
            "or save it once: finetune completion > /etc/bash_completion.d/finetune"})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    private final Session session;

    CompletionCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        session.ctx().out().print(AutoComplete.bash("finetune", spec.root().commandLine()));
        session.ctx().out().flush();
        return 0;
    }
}
