package io.github.finetune4j.testkit;

import io.github.finetune4j.testkit.internal.CommandLine;

import java.io.PrintStream;

/**
 * The body of {@link FineTuningEmulator#main(String[])}, without {@code System.exit}, so that it can be tested.
 */
final class Launcher {

    /** The exit status for a bad command line. */
    static final int USAGE_ERROR = 2;

    private Launcher() {
    }

    /**
     * Parses the options, starts an emulator and prints where it listens. The emulator keeps running; a shutdown
     * hook closes it.
     *
     * @return 0, or {@link #USAGE_ERROR} for a bad command line
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine options;
        try {
            options = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(CommandLine.USAGE);
            return USAGE_ERROR;
        }
        if (options.help()) {
            out.println(CommandLine.USAGE);
            return 0;
        }
        FineTuningEmulator emulator = configure(options).start();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "finetune-emulator-shutdown"));
        out.println("FineTuningEmulator listening on " + emulator.baseUrl());
        out.println("Azure OpenAI endpoint: " + emulator.azureEndpoint() + " (/openai/v1, or /openai with "
                + "api-version); Azure Resource Manager: " + emulator.armEndpoint() + "/subscriptions/...");
        out.println("API key: " + (options.apiKey() == null
                ? FineTuningEmulator.DEFAULT_API_KEY + " (default)" : "as given by --api-key"));
        out.println("This is an emulation for offline tests, not a language model. Stop it with Ctrl+C.");
        out.flush();
        return 0;
    }

    static FineTuningEmulator.Builder configure(CommandLine options) {
        FineTuningEmulator.Builder builder = FineTuningEmulator.builder().port(options.port());
        if (options.apiKey() != null) {
            builder.apiKey(options.apiKey());
        }
        if (options.organization() != null) {
            builder.organization(options.organization());
        }
        if (options.speed() != null) {
            builder.clock(EmulatorClock.scaled(options.speed()));
        }
        return builder;
    }
}
