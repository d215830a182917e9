package io.github.finetune4j.cli;

import io.github.finetune4j.testkit.EmulatorClock;
import io.github.finetune4j.testkit.FineTuningEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class JobCommandsTest {
    @TempDir
    Path work;
    @TempDir
    Path home;

    @Test
    void watchListEventsAndFilesShowATrainedJob() {
        try (FineTuningEmulator emulator = Projects.fastEmulator()) {
            CliRun cli = Projects.openAiProject(work, home, emulator);
            assertThat(cli.run("train", "--wait").exit()).isZero();

            CliRun.Result watch = cli.run("watch");
            CliRun.Result list = cli.run("list");
            CliRun.Result events = cli.run("events", "--limit", "6");
            CliRun.Result files = cli.run("files");

            assertThat(watch.exit()).as(watch.toString()).isZero();
            Golden.check("watch", Golden.normalize(watch.out(), work));
            Golden.check("list", Golden.normalize(list.out(), work));
            Golden.check("events", Golden.normalize(events.out(), work));
            Golden.check("files", Golden.normalize(files.out(), work));
        }
    }

    @Test
    void cancelPauseAndResumeActOnTheNewestJob() {
        EmulatorClock clock = EmulatorClock.manual();
        try (FineTuningEmulator emulator = Projects.manualEmulator(clock)) {
            CliRun cli = Projects.openAiProject(work, home, emulator);
            assertThat(cli.run("train").exit()).isZero();
            clock.advance(Duration.ofSeconds(31));                   // validated and queued: running

            CliRun.Result pause = cli.run("pause");
            CliRun.Result resume = cli.run("resume");
            CliRun.Result cancel = cli.run("cancel");

            Golden.check("pause-resume-cancel", Golden.normalize(pause.out() + resume.out() + cancel.out(), work));
            assertThat(cancel.out()).endsWith("now cancelled\n");
        }
    }

    @Test
    void aJobThatDoesNotExistIsOneClearLine() {
        try (FineTuningEmulator emulator = Projects.fastEmulator()) {
            CliRun cli = Projects.openAiProject(work, home, emulator);

            CliRun.Result r = cli.run("watch", "ftjob-nope");

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err().lines()).hasSize(1);
            assertThat(r.err()).startsWith("finetune: ").contains("ftjob-nope");
        }
    }

    @Test
    void withoutAJobAndWithoutRunsTheCommandSaysWhatToDo() {
        try (FineTuningEmulator emulator = Projects.fastEmulator()) {
            CliRun cli = Projects.openAiProject(work, home, emulator);

            CliRun.Result r = cli.run("events");

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).isEqualTo("finetune: no job given and none started from here yet "
                    + "(finetune.state.json has none): name one, e.g. `finetune list` shows them\n");
        }
    }
}
