package io.github.finetune4j.cli;

import io.github.finetune4j.testkit.FineTuningEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsTest {
    @TempDir
    Path work;
    @TempDir
    Path home;

    @Test
    void theKeyComesFromTheCredentialsFileWhenTheEnvironmentLacksIt() throws Exception {
        try (FineTuningEmulator emulator = FineTuningEmulator.builder().apiKey("sk-from-the-file").start()) {
            Path file = credentials("# finetune credentials\nexport OPENAI_API_KEY=\"sk-from-the-file\"\n");
            CliRun cli = new CliRun(work, home).env("OPENAI_BASE_URL", emulator.baseUrl());

            CliRun.Result r = cli.run("list", "--provider", "openai");

            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(r.out()).isEqualTo("No jobs.\n");
            assertThat(file).exists();
        }
    }

    @Test
    void theEnvironmentWinsOverTheCredentialsFile() throws Exception {
        try (FineTuningEmulator emulator = FineTuningEmulator.builder().apiKey("sk-from-env").start()) {
            credentials("OPENAI_API_KEY=sk-stale-in-the-file\n");
            CliRun cli = new CliRun(work, home).env("OPENAI_BASE_URL", emulator.baseUrl())
                    .env("OPENAI_API_KEY", "sk-from-env");

            assertThat(cli.run("list", "--provider", "openai").exit()).isZero();
        }
    }

    @Test
    void aWrongKeyIsNeverEchoed() throws Exception {
        try (FineTuningEmulator emulator = FineTuningEmulator.builder().start()) {
            credentials("OPENAI_API_KEY=sk-wrong-and-secret-123456\n");
            CliRun cli = new CliRun(work, home).env("OPENAI_BASE_URL", emulator.baseUrl());

            CliRun.Result r = cli.run("list", "--provider", "openai", "--verbose");

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out() + r.err()).contains("401").doesNotContain("sk-wrong-and-secret-123456");
        }
    }

    @Test
    void aFileOthersCanReadIsRefused() throws Exception {
        Path file = credentials("OPENAI_API_KEY=sk-x\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        CliRun.Result r = new CliRun(work, home).run("list", "--provider", "openai");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("finetune: the credentials file " + file + " can be read by other users; "
                + "run: chmod 600 " + file + "\n");
    }

    @Test
    void aMalformedLineIsReportedWithoutItsContent() throws Exception {
        Path file = credentials("OPENAI_API_KEY=sk-ok\nsk-pasted-alone-secret\n");

        CliRun.Result r = new CliRun(work, home).run("list", "--provider", "openai");

        assertThat(r.err()).isEqualTo("finetune: " + file + ":2: expected NAME=value\n");
    }

    @Test
    void finetuneCredentialsNamesAnotherFile() throws Exception {
        try (FineTuningEmulator emulator = FineTuningEmulator.builder().apiKey("sk-elsewhere").start()) {
            Path other = work.resolve("creds");
            Files.writeString(other, "OPENAI_API_KEY=sk-elsewhere\n");
            Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-------"));
            CliRun cli = new CliRun(work, home).env("OPENAI_BASE_URL", emulator.baseUrl())
                    .env("FINETUNE_CREDENTIALS", "creds");

            assertThat(cli.run("list", "--provider", "openai").exit()).isZero();
        }
    }

    private Path credentials(String content) throws Exception {
        Path file = home.resolve(".config/finetune/credentials");
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
