package io.github.finetune4j.cli.command;

import io.github.finetune4j.cli.CliException;
import io.github.finetune4j.cli.Session;
import io.github.finetune4j.cli.config.Settings;
import io.github.finetune4j.cli.emulator.LocalEmulator;
import io.github.finetune4j.testkit.EmulatorClock;
import io.github.finetune4j.testkit.FineTuningEmulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code finetune emulator}: the local emulator, in the foreground or in the background. */
@Command(name = "emulator", mixinStandardHelpOptions = true,
        header = "Run the local emulator (offline, free; not a language model).", sortOptions = false,
        description = {"Run the local emulator of the OpenAI and Azure OpenAI fine-tuning APIs (offline, free; an "
                + "emulation, not a language model) in the foreground until Ctrl-C.",
            "Point any OpenAI client at it: OPENAI_BASE_URL=http://127.0.0.1:PORT/v1 OPENAI_API_KEY=emulator-key. "
                + "`provider: emulator` in finetune.yaml starts one in the background by itself."},
        subcommands = {EmulatorCommand.Start.class, EmulatorCommand.Stop.class, EmulatorCommand.Status.class})
final class EmulatorCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1 (default: emulator.port, else "
            + "8089; 0 picks a free one).")
    Integer port;

    @Option(names = "--speed", paramLabel = "FACTOR", description = "Emulated seconds per real second (default: "
            + "emulator.speed, else 50).")
    Double speed;

    private final Session session;

    EmulatorCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = session.settings();
        int chosen = settings.emulatorPort(port);
        FineTuningEmulator emulator;
        try {
            emulator = FineTuningEmulator.builder().port(chosen)
                    .clock(EmulatorClock.scaled(settings.emulatorSpeed(speed)))
                    .seed(new SecureRandom().nextLong()).start();
        } catch (UncheckedIOException e) {
            throw new CliException("cannot listen on 127.0.0.1:" + chosen + " (" + e.getCause().getMessage()
                    + "); is an emulator running already? `finetune emulator status` tells", e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "finetune-emulator-stop"));
        PrintStream out = session.ctx().out();
        out.println("Emulator listening on " + emulator.baseUrl() + " (an emulation for offline use, not a language "
                + "model)");
        out.println("Azure OpenAI endpoint and Azure Resource Manager: " + emulator.azureEndpoint());
        out.println("From another shell: export OPENAI_BASE_URL=" + emulator.baseUrl() + " OPENAI_API_KEY="
                + emulator.apiKey());
        out.println("Stop it with Ctrl-C.");
        out.flush();
        stopped.await();
        return 0;
    }

    /** {@code finetune emulator start}. */
    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start the emulator in the background (as `provider: emulator` does).")
    static final class Start implements Callable<Integer> {
        @Option(names = "--port", paramLabel = "N", description = "Port (default: emulator.port, else 8089).")
        Integer port;

        @Option(names = "--speed", paramLabel = "FACTOR", description = "Clock speed (default: emulator.speed, "
                + "else 50).")
        Double speed;

        private final Session session;

        Start(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            Settings settings = session.settings();
            int chosen = settings.emulatorPort(port);
            Optional<Long> pid = LocalEmulator.ensureRunning(session.ctx(), chosen, settings.emulatorSpeed(speed));
            session.ctx().out().println(pid.map(p -> "Started the emulator in the background: ")
                    .orElse("The emulator is running already: ") + LocalEmulator.baseUrl(chosen)
                    + pid.map(p -> " (pid " + p + ")").orElse(""));
            return 0;
        }
    }

    /** {@code finetune emulator stop}. */
    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop the background emulator; its jobs and models are gone then.")
    static final class Stop implements Callable<Integer> {
        @Option(names = "--port", paramLabel = "N", description = "Port (default: emulator.port, else 8089).")
        Integer port;

        private final Session session;

        Stop(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            int chosen = session.settings().emulatorPort(port);
            Optional<Long> pid = LocalEmulator.stop(session.ctx(), chosen);
            session.ctx().out().println(pid.map(p -> "Stopped the emulator on port " + chosen + " (pid " + p + ")")
                    .orElse("No background emulator on port " + chosen + " was started by finetune."));
            return 0;
        }
    }

    /** {@code finetune emulator status}. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Tell whether an emulator answers on the port. Exit code 1 if not.")
    static final class Status implements Callable<Integer> {
        @Option(names = "--port", paramLabel = "N", description = "Port (default: emulator.port, else 8089).")
        Integer port;

        private final Session session;

        Status(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            int chosen = session.settings().emulatorPort(port);
            LocalEmulator.Probe probe = LocalEmulator.probe(chosen);
            Optional<ProcessHandle> daemon = LocalEmulator.runningDaemon(session.ctx(), chosen);
            switch (probe) {
                case EMULATOR:
                    session.ctx().out().println("The emulator is running: " + LocalEmulator.baseUrl(chosen)
                            + daemon.map(p -> " (background, pid " + p.pid() + ")").orElse(""));
                    return 0;
                case OTHER:
                    session.ctx().out().println("Port " + chosen + " is used by another program.");
                    return 1;
                default:
                    session.ctx().out().println("No emulator on port " + chosen + ".");
                    return 1;
            }
        }
    }
}
