package io.github.finetune4j.cli;

import io.github.finetune4j.testkit.EmulatorClock;
import io.github.finetune4j.testkit.FineTuningEmulator;

import java.nio.file.Path;
import java.time.Duration;

/** A project as `finetune init` writes it, pointed at an emulator the test controls. */
final class Projects {
    /** Fast enough that a job takes a fraction of a second, slow enough that it passes through its states. */
    static final double FAST = 2000;

    private Projects() {
    }

    static FineTuningEmulator fastEmulator() {
        return FineTuningEmulator.builder().clock(EmulatorClock.scaled(FAST)).start();
    }

    /** An emulator whose jobs stay where they are until the test moves its clock; files are processed at once. */
    static FineTuningEmulator manualEmulator(EmulatorClock clock) {
        return FineTuningEmulator.builder().clock(clock).fileProcessingDelay(Duration.ZERO).start();
    }

    /** `finetune init --provider openai` with OPENAI_BASE_URL at the emulator, polling every 20 ms. */
    static CliRun openAiProject(Path dir, Path home, FineTuningEmulator emulator) {
        CliRun cli = new CliRun(dir, home).env("OPENAI_API_KEY", emulator.apiKey())
                .env("OPENAI_BASE_URL", emulator.baseUrl());
        CliRun.Result init = cli.run("init", "--provider", "openai");
        if (init.exit() != 0) {
            throw new AssertionError(init.toString());
        }
        cli.write("finetune.yaml", cli.read("finetune.yaml").replace("  # poll-interval: 5s", "  poll-interval: 20ms"));
        return cli;
    }

    /** `finetune init` (provider emulator) with the local emulator's port set to a running emulator. */
    static CliRun emulatorProject(Path dir, Path home, FineTuningEmulator emulator) {
        CliRun cli = new CliRun(dir, home);
        CliRun.Result init = cli.run("init");
        if (init.exit() != 0) {
            throw new AssertionError(init.toString());
        }
        cli.write("finetune.yaml", cli.read("finetune.yaml")
                .replace("  port: 8089", "  port: " + emulator.port())
                .replace("  # poll-interval: 5s", "  poll-interval: 20ms"));
        return cli;
    }
}
