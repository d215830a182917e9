package io.github.finetune4j.cli;

import io.github.finetune4j.cli.emulator.LocalEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The background emulator: started by the first command that needs it, kept for the next, stopped on request. */
class EmulatorDaemonTest {
    @TempDir
    Path work;
    @TempDir
    Path home;

    @Test
    void theFirstCommandStartsTheEmulatorInTheBackgroundAndItOutlivesTheCommand() throws Exception {
        int port = freePort();
        CliRun cli = new CliRun(work, home);
        cli.run("init");
        cli.write("finetune.yaml", cli.read("finetune.yaml").replace("  port: 8089", "  port: " + port)
                .replace("  speed: 50", "  speed: 1000"));
        try {
            CliRun.Result train = cli.run("train", "--wait");
            CliRun.Result status = cli.run("emulator", "status");
            CliRun.Result chat = cli.run("chat", "--prompt", "Darf ich damit nasse Flächen saugen?");

            assertThat(train.exit()).as(train.toString()).isZero();
            assertThat(train.err()).contains("Started the local emulator in the background: http://127.0.0.1:"
                    + port + "/v1 (pid ");
            assertThat(status.out()).startsWith("The emulator is running: http://127.0.0.1:" + port + "/v1 "
                    + "(background, pid ");
            assertThat(chat.out()).contains("nur für trockenen Schmutz");
            assertThat(Files.exists(LocalEmulator.pidFile(ctx(cli), port))).isTrue();
        } finally {
            CliRun.Result stop = cli.run("emulator", "stop");
            assertThat(stop.out()).startsWith("Stopped the emulator on port " + port + " (pid ");
        }
        assertThat(LocalEmulator.probe(port)).isEqualTo(LocalEmulator.Probe.FREE);
        assertThat(cli.run("emulator", "status").exit()).isEqualTo(1);
        assertThat(cli.run("emulator", "stop").out()).startsWith("No background emulator on port " + port);
    }

    private CliContext ctx(CliRun cli) {
        return new CliContext(java.util.Map.of(), System.out, System.err, System.in, cli.workDir(), home,
                java.util.Optional.empty(), java.time.Clock.systemUTC());
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
