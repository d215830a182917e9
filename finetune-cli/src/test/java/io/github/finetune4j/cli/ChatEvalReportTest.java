package io.github.finetune4j.cli;

import io.github.finetune4j.testkit.FineTuningEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ChatEvalReportTest {
    private static final String PRIL = "Ich will meinen T-1000 mit Pril reinigen. Geht das?";
    private static final String SPECIAL_AGENTS = "Wir empfehlen spezielle Reinigungsmittel, um die Lebensdauer zu "
            + "verlängern und Beschädigungen zu vermeiden.";

    @TempDir
    Path work;
    @TempDir
    Path home;

    private FineTuningEmulator emulator;
    private CliRun cli;

    @BeforeEach
    void trained() {
        emulator = Projects.fastEmulator();
        cli = Projects.openAiProject(work, home, emulator);
        CliRun.Result train = cli.run("train", "--wait");
        assertThat(train.exit()).as(train.toString()).isZero();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void chatWithAPromptPrintsOnlyTheAnswerOfTheTrainedModel() {
        CliRun.Result r = cli.run("chat", "--prompt", PRIL);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(SPECIAL_AGENTS + "\n");
    }

    @Test
    void interactiveChatKeepsHistoryAndUnderstandsItsCommands() {
        CliRun.Result r = cli.stdin("Wo bekomme ich Ersatzteile?\n/system\n/system Du bist knapp.\n/reset\n"
                + "/bogus\n\n" + PRIL + "\n/exit\nnot read\n").run("chat");

        assertThat(r.exit()).as(r.toString()).isZero();
        Golden.check("chat", Golden.normalize(r.out(), work));
    }

    @Test
    void chatWithANamedBaseModelAnswersGenerically() {
        CliRun.Result r = cli.run("chat", "gpt-4o-mini-2024-07-18", "--prompt", PRIL);

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isNotEqualTo(SPECIAL_AGENTS + "\n");
    }

    @Test
    void evalComparesWithTheBaseModelAndWritesTheReport() throws Exception {
        CliRun.Result r = cli.run("eval");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Evaluating 8 held-out questions: ft:gpt-4o-mini-2024-07-18:emulator:t1000:")
                .contains("(and with 4 shots)").contains("fine-tuned").contains("token_f1")
                .contains("Report: " + work.resolve("finetune-report/report.html"))
                .contains("Loss curves: " + work.resolve("finetune-report/loss.svg"));
        String html = Files.readString(work.resolve("finetune-report/report.html"));
        assertThat(html).contains("<html").contains("fine-tuned").contains("base + 4 shots");
        CliRun.Result cached = cli.run("eval");
        assertThat(cached.out()).contains("already in the cache");
    }

    @Test
    void reportWritesTheJobReport() throws Exception {
        CliRun.Result r = cli.run("report");

        assertThat(r.exit()).as(r.toString()).isZero();
        Golden.check("report", Golden.normalize(r.out(), work));
        Path file = Files.list(work.resolve("finetune-report")).findFirst().orElseThrow();
        assertThat(Files.readString(file)).contains("<svg").contains("ftjob-");
    }
}
