package io.github.finetune4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A malformed setting is reported against the source it came from (the flag, the environment variable, or the
 * config file's line), and durations are checked before anything goes over the network.
 */
class SettingSourcesTest {
    /** A config whose wait section is valid: line 4 is the timeout, line 5 the poll interval. */
    private static final String VALID_WAIT = "provider: emulator\ntraining-file: data.jsonl\nwait:\n  timeout: 2h\n"
            + "  poll-interval: 1s\nhyperparameters:\n  epochs: 3\n";

    @TempDir
    Path work;
    @TempDir
    Path home;

    @Test
    void aBadTimeoutFlagIsBlamedOnTheFlagNotOnTheConfigFile() {
        CliRun cli = new CliRun(work, home);
        cli.write("finetune.yaml", VALID_WAIT);

        CliRun.Result r = cli.run("train", "--wait", "--timeout", "24x");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("finetune: --timeout: not a duration: '24x' (write e.g. 500ms, 5s, 30m, 2h)\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aBadPollIntervalFlagIsBlamedOnTheFlagBeforeWatchConnects() {
        CliRun cli = new CliRun(work, home);
        cli.write("finetune.yaml", VALID_WAIT);

        CliRun.Result r = cli.run("watch", "ftjob-1", "--poll-interval", "fast");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("finetune: --poll-interval: not a duration: 'fast'")
                .doesNotContain("finetune.yaml");
        assertThat(r.out()).as("nothing is watched").isEmpty();
    }

    @Test
    void aBadTimeoutInTheFileNamesFileAndLineEvenWithoutWait() {
        CliRun cli = new CliRun(work, home);
        cli.write("finetune.yaml", VALID_WAIT.replace("timeout: 2h", "timeout: 24x"));

        CliRun.Result r = cli.run("train");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("finetune: finetune.yaml:4: wait.timeout: not a duration: '24x' "
                + "(write e.g. 500ms, 5s, 30m, 2h)\n");
        assertThat(r.out()).as("nothing was started").isEmpty();
    }

    @Test
    void aBadNumberFlagNamesTheFlagAndABadNumberInTheFileNamesItsLine() {
        CliRun cli = new CliRun(work, home);
        cli.write("finetune.yaml", VALID_WAIT);
        cli.write("data.jsonl", "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},"
                + "{\"role\":\"assistant\",\"content\":\"Hello\"}]}\n");

        CliRun.Result flag = cli.run("train", "--epochs", "three");

        assertThat(flag.exit()).isEqualTo(1);
        assertThat(flag.err()).isEqualTo("finetune: --epochs: not a valid value: 'three'\n");

        CliRun.Result outOfRange = cli.run("train", "--batch-size", "0");

        assertThat(outOfRange.exit()).isEqualTo(1);
        assertThat(outOfRange.err()).startsWith("finetune: --batch-size: ");

        cli.write("finetune.yaml", VALID_WAIT.replace("epochs: 3", "epochs: three"));
        CliRun.Result file = cli.run("estimate");

        assertThat(file.exit()).isEqualTo(1);
        assertThat(file.err()).isEqualTo("finetune: finetune.yaml:7: hyperparameters.epochs: not a valid value: "
                + "'three'\n");
    }

    @Test
    void aBadPortInTheEnvironmentNamesTheVariable() {
        CliRun cli = new CliRun(work, home).env("FINETUNE_EMULATOR_PORT", "eighty");
        cli.write("finetune.yaml", VALID_WAIT + "emulator:\n  port: 8089\n");

        CliRun.Result r = cli.run("emulator", "status");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("finetune: environment variable FINETUNE_EMULATOR_PORT: not a valid value: "
                + "'eighty'\n");
    }
}
