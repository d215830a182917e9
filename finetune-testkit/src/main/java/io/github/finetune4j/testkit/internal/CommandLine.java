package io.github.finetune4j.testkit.internal;

import java.util.Objects;

/**
 * The options of {@code java -jar finetune-testkit-<version>-standalone.jar}.
 *
 * @param port the port, 0 for an ephemeral one
 * @param apiKey the API key to accept, or null for the default
 * @param organization the organization slug, or null for the default
 * @param speed the clock speed factor, or null for the default
 * @param help whether usage was asked for
 */
public record CommandLine(int port, String apiKey, String organization, Double speed, boolean help) {

    /** The usage text. */
    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar finetune-testkit-<version>-standalone.jar [options]",
            "  --port N            port on 127.0.0.1 (default 8089; 0 picks a free one)",
            "  --api-key KEY       the only API key accepted (default emulator-key)",
            "  --organization SLUG organization slug in fine-tuned model names (default emulator)",
            "  --speed FACTOR      how many times faster than configured jobs run (default 50)",
            "  --help              show this text",
            "The finetune4j FineTuningEmulator: an emulation of the OpenAI, Azure OpenAI and Together AI fine-tuning",
            "APIs for offline tests; not a language model.");

    private static final java.util.Set<String> OPTIONS =
            java.util.Set.of("--port", "--api-key", "--organization", "--speed");

    /** The port used when none is given. */
    public static final int DEFAULT_PORT = 8089;

    /**
     * Parses arguments.
     *
     * @param args the arguments
     * @return the options
     * @throws IllegalArgumentException for an unknown option or a bad value
     */
    public static CommandLine parse(String... args) {
        Objects.requireNonNull(args, "args");
        int port = DEFAULT_PORT;
        String apiKey = null;
        String organization = null;
        Double speed = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!OPTIONS.contains(arg)) {
                throw new IllegalArgumentException("unknown option " + arg);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + arg);
                }
                value = args[++i];
            }
            switch (arg) {
                case "--port":
                    port = parseInt(arg, value);
                    if (port < 0 || port > 65_535) {
                        throw new IllegalArgumentException("--port must be 0..65535: " + value);
                    }
                    break;
                case "--api-key":
                    apiKey = value;
                    break;
                case "--organization":
                    organization = value;
                    break;
                case "--speed":
                    try {
                        speed = Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--speed needs a number: " + value, e);
                    }
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new CommandLine(port, apiKey, organization, speed, help);
    }

    private static int parseInt(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs an integer: " + value, e);
        }
    }
}
