package io.github.finetune4j.testkit;

import io.github.finetune4j.testkit.internal.CommandLine;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;

/**
 * The body of {@link FineTuningEmulator#main(String[])}, without {@code System.exit}, so that it can be tested.
 */
final class Launcher {

    /** The exit status for a bad command line. */
    static final int USAGE_ERROR = 2;

    /** The exit status when the server cannot start, e.g. because the port is in use. */
    static final int START_FAILED = 1;

    private Launcher() {
    }

    /**
     * Parses the options, starts an emulator and prints where it listens. The emulator keeps running; a shutdown
     * hook closes it.
     *
     * @return 0, {@link #USAGE_ERROR} for a bad command line, or {@link #START_FAILED} when the port cannot be
     *     bound (one line on {@code err} says why, without a stack trace)
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
        FineTuningEmulator emulator;
        try {
            emulator = configure(options).start();
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getMessage() + (e.getCause() instanceof BindException
                    ? ". Stop whatever uses it, or choose another port with --port N (--port 0 picks a free one)."
                    : ""));
            return START_FAILED;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "finetune-emulator-shutdown"));
        out.println("finetune4j FineTuningEmulator listening on " + emulator.baseUrl() + " (OpenAI)");
        out.println("Azure OpenAI endpoint: " + emulator.azureEndpoint() + " (/openai/v1, or /openai with "
                + "api-version); Azure Resource Manager: " + emulator.armEndpoint() + "/subscriptions/...");
        out.println("Together AI base URL: " + emulator.togetherBaseUrl());
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
