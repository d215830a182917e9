package io.github.finetune4j.cli;

import io.github.finetune4j.cli.command.RootCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class HelpAndErrorsTest {
    @TempDir
    Path work;
    @TempDir
    Path home;

    @Test
    void topLevelHelpListsEveryCommand() {
        CliRun.Result r = new CliRun(work, home).run("--help");

        assertThat(r.exit()).isZero();
        Golden.check("help", r.out());
        for (Class<?> type : RootCommand.COMMANDS) {
            assertThat(r.out()).contains("  " + type.getAnnotation(CommandLine.Command.class).name() + " ");
        }
    }

    @Test
    void everyCommandHasHelpThatNamesItsOptions() {
        for (Class<?> type : RootCommand.COMMANDS) {
            String name = type.getAnnotation(CommandLine.Command.class).name();
            CliRun.Result r = new CliRun(work, home).run(name, "--help");
            assertThat(r.exit()).as(name).isZero();
            assertThat(r.out()).as(name).contains("Usage: finetune " + name).contains("--config=FILE")
                    .contains("--help");
            Golden.check("help-" + name, r.out());
        }
    }

    @Test
    void theShippedHelpSnapshotIsWhatPicocliRenders() {
        assertThat(HelpSnapshot.render()).isEqualTo(new CliRun(work, home).run("--help").out());
    }

    @Test
    void anUnknownOptionIsOneLineWithAHintAndExitCodeTwo() {
        CliRun.Result r = new CliRun(work, home).run("train", "--wiat");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("finetune: Unknown option: '--wiat'\n"
                + "Try 'finetune train --help' for more information.\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheCommand() {
        CliRun cli = new CliRun(work, home);
        cli.write("other.yaml", "base-model: gpt-4.1-mini-2025-04-14\ntraining-file: train.jsonl\n");
        cli.write("train.jsonl", "{\"messages\":[{\"role\":\"user\",\"content\":\"q\"},"
                + "{\"role\":\"assistant\",\"content\":\"a\"}]}\n");

        CliRun.Result before = cli.run("--config", "other.yaml", "estimate", "--json");
        CliRun.Result after = cli.run("estimate", "--json", "-c", "other.yaml");

        assertThat(before.out()).contains("\"baseModel\" : \"gpt-4.1-mini-2025-04-14\"");
        assertThat(after.out()).isEqualTo(before.out());
    }

    @Test
    void completionScriptCoversCommandsAndOptions() {
        CliRun.Result r = new CliRun(work, home).run("completion");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("complete -F").contains("train").contains("--wait").contains("emulator");
    }

    @Test
    void versionNamesTheCommand() {
        CliRun.Result r = new CliRun(work, home).run("--version");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("finetune ").contains("(finetune4j)");
    }

    @Test
    void anUnknownSettingIsReportedWithItsLineAndASuggestion() {
        CliRun cli = new CliRun(work, home);
        cli.write("finetune.yaml", "provider: emulator\n\nhyperparameters:\n  epoch: 3\n");

        CliRun.Result r = cli.run("estimate");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("finetune: finetune.yaml:4: unknown setting 'hyperparameters.epoch' "
                + "(did you mean 'hyperparameters.epochs'?)\n");
    }

    @Test
    void aSecretInTheConfigFileIsRefusedWithoutEchoingIt() {
        CliRun cli = new CliRun(work, home);
        cli.write("finetune.yaml", "provider: openai\napi-key: sk-very-secret-value\n");

        CliRun.Result r = cli.run("list");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("finetune.yaml:2: 'api-key' looks like a secret")
                .contains("OPENAI_API_KEY").doesNotContain("sk-very-secret-value");
    }

    @Test
    void brokenYamlNamesTheLine() {
        CliRun cli = new CliRun(work, home);
        cli.write("finetune.yaml", "provider: emulator\nhyperparameters:\n  epochs: [3\n");

        CliRun.Result r = cli.run("estimate");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("finetune: ").contains("finetune.yaml:").contains("not valid YAML");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void withoutAnyProviderTheErrorPointsToTheEmulator() {
        CliRun.Result r = new CliRun(work, home).run("list");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("finetune: ").contains("OPENAI_API_KEY").contains("--provider emulator");
    }

    @Test
    void verbosePrintsTheStackTrace() {
        CliRun.Result quiet = new CliRun(work, home).run("list");
        CliRun.Result verbose = new CliRun(work, home).run("list", "--verbose");

        assertThat(quiet.err()).doesNotContain("\tat ");
        assertThat(verbose.err()).contains("\tat ").contains("IllegalStateException");
    }

    @Test
    void verboseOpensTheLibrarysLoggingOnlyNotTheJdksHttpAndTlsTraces() {
        new CliRun(work, home).run("list", "--verbose");

        assertThat(java.util.logging.Logger.getLogger("io.github.finetune4j.core.internal.http.JdkHttpTransport")
                .isLoggable(java.util.logging.Level.FINE)).as("finetune4j's own records").isTrue();
        for (String jdk : new String[] {"jdk.internal.httpclient.debug", "javax.net.ssl", "sun.net.www.protocol.http"}) {
            assertThat(java.util.logging.Logger.getLogger(jdk).isLoggable(java.util.logging.Level.FINE)).as(jdk)
                    .isFalse();
        }
    }

    @Test
    void togetherIsAProviderOfTheCommand() {
        CliRun.Result r = new CliRun(work, home).run("list", "--provider", "together");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("no provider").contains("TOGETHER_API_KEY");
    }

    @Test
    void anExplicitConfigThatDoesNotExistIsAnError() {
        CliRun.Result r = new CliRun(work, home).run("estimate", "--config", "nope.yaml");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("config file not found").contains("nope.yaml").contains("finetune init");
    }
}
