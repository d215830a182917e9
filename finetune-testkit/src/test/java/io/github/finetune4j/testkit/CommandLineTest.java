package io.github.finetune4j.testkit;

import io.github.finetune4j.testkit.internal.CommandLine;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {

    @Test
    void parsesPortKeyOrganizationAndSpeed() {
        CommandLine options = CommandLine.parse("--port", "9000", "--api-key=k", "--organization", "acme",
                "--speed", "10");

        assertThat(options).isEqualTo(new CommandLine(9000, "k", "acme", 10.0, false));
    }

    @Test
    void defaultsToPort8089() {
        assertThat(CommandLine.parse().port()).isEqualTo(8089);
    }

    @Test
    void rejectsUnknownOptionsAndBadValues() {
        assertThatThrownBy(() -> CommandLine.parse("--verbose", "x")).hasMessageContaining("--verbose");
        assertThatThrownBy(() -> CommandLine.parse("--port", "http")).hasMessageContaining("integer");
        assertThatThrownBy(() -> CommandLine.parse("--port")).hasMessageContaining("missing value");
        assertThatThrownBy(() -> CommandLine.parse("--port", "70000")).hasMessageContaining("0..65535");
    }

    @Test
    void helpPrintsUsage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = Launcher.run(new String[]{"--help"}, print(out), print(new ByteArrayOutputStream()));

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port N").contains("not a language model");
    }

    @Test
    void badOptionGivesUsageAndStatusTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Launcher.run(new String[]{"--verbose"}, print(new ByteArrayOutputStream()), print(err));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --verbose").contains("Usage:");
    }

    @Test
    void busyPortGivesOneLineNamingThePortAndANonZeroStatus() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int status = Launcher.run(new String[]{"--port", Integer.toString(taken.getLocalPort())}, print(out),
                    print(err));

            String message = err.toString(StandardCharsets.UTF_8);
            assertThat(status).isNotZero();
            assertThat(message.lines()).hasSize(1);
            assertThat(message).contains("port " + taken.getLocalPort()).contains("in use").contains("--port")
                    .doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        }
    }

    @Test
    void optionsConfigureTheEmulator() {
        CommandLine options = CommandLine.parse("--port", "0", "--api-key", "k", "--organization", "acme",
                "--speed", "2");

        try (FineTuningEmulator emulator = Launcher.configure(options).start()) {
            assertThat(emulator.apiKey()).isEqualTo("k");
            assertThat(emulator.organization()).isEqualTo("acme");
            assertThat(emulator.clock().toString()).contains("speed=2.0");
        }
    }

    private static PrintStream print(ByteArrayOutputStream sink) {
        return new PrintStream(sink, true, StandardCharsets.UTF_8);
    }
}
