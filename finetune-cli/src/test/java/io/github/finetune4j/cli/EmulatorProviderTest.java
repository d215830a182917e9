package io.github.finetune4j.cli;

import io.github.finetune4j.testkit.FineTuningEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `provider: emulator`: the local emulator on a fixed port, as `finetune init` configures it. */
class EmulatorProviderTest {
    @TempDir
    Path work;
    @TempDir
    Path home;

    @Test
    void theInitConfigTrainsAndChatsOnTheLocalEmulatorAndDeployExplainsItIsForAzure() {
        try (FineTuningEmulator emulator = Projects.fastEmulator()) {
            CliRun cli = Projects.emulatorProject(work, home, emulator);

            CliRun.Result train = cli.run("train", "--wait");
            CliRun.Result chat = cli.run("chat", "--prompt", "Ich will meinen T-1000 mit Pril reinigen. Geht das?");
            CliRun.Result deploy = cli.run("deploy");

            assertThat(train.exit()).as(train.toString()).isZero();
            assertThat(train.out()).contains("(provider emulator:" + emulator.port() + ")");
            assertThat(chat.out()).contains("spezielle Reinigungsmittel");
            assertThat(deploy.exit()).as(deploy.toString()).isEqualTo(1);
            assertThat(deploy.err()).contains("deploy is for Azure OpenAI").contains("finetune chat MODEL");
        }
    }

    @Test
    void aJobOfAnEmulatorThatWasRestartedIsStartedOverWithAClearLine() {
        int port;
        CliRun cli;
        try (FineTuningEmulator first = Projects.fastEmulator()) {
            port = first.port();
            cli = Projects.emulatorProject(work, home, first);
            assertThat(cli.run("train").exit()).isZero();
        }
        try (FineTuningEmulator restarted = FineTuningEmulator.builder().port(port)
                .clock(io.github.finetune4j.testkit.EmulatorClock.scaled(Projects.FAST)).seed(7).start()) {
            CliRun.Result again = cli.run("train", "--wait");

            assertThat(again.exit()).as(again.toString()).isZero();
            assertThat(again.out()).contains("no longer exists: the emulator that ran it has stopped (it keeps jobs "
                    + "in memory only). Starting a new job.").contains("Fine-tuned model: ");
        }
    }

    @Test
    void aPortUsedByAnotherProgramIsNamed() throws Exception {
        try (java.net.ServerSocket other = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            CliRun cli = new CliRun(work, home);
            cli.run("init");
            cli.write("finetune.yaml", cli.read("finetune.yaml").replace("  port: 8089",
                    "  port: " + other.getLocalPort()));
            Thread acceptor = new Thread(() -> {
                try (java.net.Socket s = other.accept()) {
                    s.getOutputStream().write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                } catch (java.io.IOException e) {
                    // the test ends
                }
            });
            acceptor.start();

            CliRun.Result r = cli.run("list");

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains("port " + other.getLocalPort() + " is used by another program");
        }
    }
}
