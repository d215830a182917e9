package io.github.finetune4j.cli.config;

import io.github.finetune4j.cli.CliContext;
import io.github.finetune4j.cli.CliException;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.preflight.PiiPolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The value of each setting, in this order of precedence: command-line flag, environment variable, config file,
 * default. Flags are passed in by the command (null when not given); paths from flags are relative to the working
 * directory, paths from the config file to the file's directory.
 */
public final class Settings {
    /** Environment variable choosing the provider. */
    public static final String PROVIDER_ENV = "FINETUNE_PROVIDER";
    /** Environment variable choosing the base model. */
    public static final String BASE_MODEL_ENV = "FINETUNE_BASE_MODEL";
    /** Environment variable choosing the local emulator's port. */
    public static final String EMULATOR_PORT_ENV = "FINETUNE_EMULATOR_PORT";
    /** Provider value that starts (or reuses) the local emulator. */
    public static final String EMULATOR = "emulator";
    /** Provider value that lets the environment decide, as {@code FineTuneClient.fromEnv()} does. */
    public static final String AUTO = "auto";
    /** Default base model. */
    public static final String DEFAULT_BASE_MODEL = "gpt-4o-mini-2024-07-18";
    /** Default port of the local emulator. */
    public static final int DEFAULT_EMULATOR_PORT = 8089;
    /** Default speed of the local emulator's clock (emulated seconds per real second). */
    public static final double DEFAULT_EMULATOR_SPEED = 50;
    /** Default budget of {@code --wait}. */
    public static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofHours(24);
    /** Default first poll interval against a real provider. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
    /** Default poll interval against the emulator, whose jobs take seconds. */
    public static final Duration EMULATOR_POLL_INTERVAL = Duration.ofMillis(200);

    private final CliContext ctx;
    private final ConfigFile config;

    /**
     * Creates the settings of one run.
     *
     * @param ctx the context (environment, working directory)
     * @param config the config file, or an empty one
     */
    public Settings(CliContext ctx, ConfigFile config) {
        this.ctx = ctx;
        this.config = config;
    }

    /**
     * The config file behind these settings.
     *
     * @return the config
     */
    public ConfigFile config() {
        return config;
    }

    /**
     * The provider: {@code emulator}, {@code auto} (the environment decides) or a provider id such as
     * {@code openai} or {@code azure-openai}.
     *
     * @param flag {@code --provider}, or null
     * @return the provider, lower case
     */
    public String provider(String flag) {
        return first(flag, PROVIDER_ENV, "provider").orElse(AUTO).toLowerCase(Locale.ROOT);
    }

    /**
     * The base model.
     *
     * @param flag {@code --base-model}, or null
     * @return the model
     */
    public String baseModel(String flag) {
        return first(flag, BASE_MODEL_ENV, "base-model").orElse(DEFAULT_BASE_MODEL);
    }

    /**
     * The training file.
     *
     * @param flag {@code --training-file} or a positional argument, or null
     * @return the file, or empty when neither flag nor config names one
     */
    public Optional<Path> trainingFile(String flag) {
        return flag != null ? Optional.of(ctx.resolve(flag)) : config.path("training-file");
    }

    /**
     * The validation file.
     *
     * @param flag {@code --validation-file}, or null
     * @return the file, or empty
     */
    public Optional<Path> validationFile(String flag) {
        return flag != null ? Optional.of(ctx.resolve(flag)) : config.path("validation-file");
    }

    /**
     * The suffix of the fine-tuned model's name.
     *
     * @param flag {@code --suffix}, or null
     * @return the suffix, or empty
     */
    public Optional<String> suffix(String flag) {
        return flag != null ? Optional.of(flag) : config.string("suffix");
    }

    /**
     * The training seed.
     *
     * @param flag {@code --seed}, or null
     * @return the seed, or empty
     */
    public Optional<Long> seed(Long flag) {
        return flag != null ? Optional.of(flag)
                : value(null, null, "seed").map(v -> v.parse(Long::parseLong));
    }

    /**
     * The system prompt for chat and evaluation.
     *
     * @param flag {@code --system}, or null
     * @return the prompt, or empty
     */
    public Optional<String> systemPrompt(String flag) {
        return flag != null ? Optional.of(flag) : config.string("system-prompt");
    }

    /**
     * The training method.
     *
     * @param flag {@code --method}, or null
     * @return supervised unless set otherwise
     */
    public FineTuneMethod method(String flag) {
        String value = flag != null ? flag : config.string("method").orElse("supervised");
        switch (value.toLowerCase(Locale.ROOT)) {
            case "supervised": case "sft": return FineTuneMethod.SUPERVISED;
            case "dpo": return FineTuneMethod.DPO;
            default: throw problem(flag, "--method", "method", "unknown method '" + value + "' (supervised or dpo)");
        }
    }

    /**
     * What the pre-flight does with personal data.
     *
     * @param flag {@code --pii}, or null
     * @return warn unless set otherwise
     */
    public PiiPolicy pii(String flag) {
        String value = flag != null ? flag : config.string("pii").orElse("warn");
        switch (value.toLowerCase(Locale.ROOT)) {
            case "ignore": return PiiPolicy.IGNORE;
            case "warn": return PiiPolicy.WARN;
            case "fail": return PiiPolicy.FAIL;
            default: throw problem(flag, "--pii", "pii", "unknown policy '" + value + "' (ignore, warn or fail)");
        }
    }

    /**
     * The hyperparameters; each is a number or {@code auto}, and left out when not set.
     *
     * @param epochs {@code --epochs}, or null
     * @param batchSize {@code --batch-size}, or null
     * @param learningRateMultiplier {@code --learning-rate-multiplier}, or null
     * @param beta {@code --beta}, or null
     * @return the hyperparameters
     */
    public Hyperparameters hyperparameters(String epochs, String batchSize, String learningRateMultiplier,
                                           String beta) {
        try {
            return hyperparameters(Hyperparameters.builder(), epochs, batchSize, learningRateMultiplier, beta);
        } catch (IllegalArgumentException e) {
            throw new CliException("hyperparameters: " + e.getMessage());
        }
    }

    private Hyperparameters hyperparameters(Hyperparameters.Builder b, String epochs, String batchSize,
                                            String learningRateMultiplier, String beta) {
        value(epochs, "--epochs", "hyperparameters.epochs").ifPresent(v -> {
            if (isAuto(v.text())) {
                b.epochsAuto();
            } else {
                v.set(Integer::parseInt, (Integer n) -> b.epochs(n));
            }
        });
        value(batchSize, "--batch-size", "hyperparameters.batch-size").ifPresent(v -> {
            if (isAuto(v.text())) {
                b.batchSizeAuto();
            } else {
                v.set(Integer::parseInt, (Integer n) -> b.batchSize(n));
            }
        });
        value(learningRateMultiplier, "--learning-rate-multiplier", "hyperparameters.learning-rate-multiplier")
                .ifPresent(v -> {
                    if (isAuto(v.text())) {
                        b.learningRateMultiplierAuto();
                    } else {
                        v.set(Double::parseDouble, (Double x) -> b.learningRateMultiplier(x));
                    }
                });
        value(beta, "--beta", "hyperparameters.beta").ifPresent(v -> {
            if (isAuto(v.text())) {
                b.betaAuto();
            } else {
                v.set(Double::parseDouble, (Double x) -> b.beta(x));
            }
        });
        return b.build();
    }

    /**
     * The fixed number of epochs, when one is set (for the cost estimate).
     *
     * @param flag {@code --epochs}, or null
     * @return the epochs, or empty for auto
     */
    public Optional<Integer> fixedEpochs(String flag) {
        return value(flag, "--epochs", "hyperparameters.epochs").filter(v -> !isAuto(v.text()))
                .map(v -> v.parse(Integer::parseInt));
    }

    /**
     * The budget of a wait.
     *
     * @param flag {@code --timeout}, or null
     * @return 24 h unless set otherwise
     */
    public Duration waitTimeout(String flag) {
        return value(flag, "--timeout", "wait.timeout").map(v -> v.parse(Durations::parse))
                .orElse(DEFAULT_WAIT_TIMEOUT);
    }

    /**
     * The first interval between polls.
     *
     * @param flag {@code --poll-interval}, or null
     * @param emulator whether the provider is the emulator
     * @return 5 s, or 200 ms on the emulator, unless set otherwise
     */
    public Duration pollInterval(String flag, boolean emulator) {
        return value(flag, "--poll-interval", "wait.poll-interval").map(v -> v.parse(Durations::parse))
                .orElse(emulator ? EMULATOR_POLL_INTERVAL : DEFAULT_POLL_INTERVAL);
    }

    /**
     * The local emulator's port.
     *
     * @param flag {@code --port}, or null
     * @return 8089 unless set otherwise
     */
    public int emulatorPort(Integer flag) {
        if (flag != null) {
            return flag;
        }
        Optional<String> fromEnv = ctx.getenv(EMULATOR_PORT_ENV);
        Optional<Value> value = fromEnv.isPresent()
                ? fromEnv.map(v -> new Value(v, "environment variable " + EMULATOR_PORT_ENV, null))
                : value(null, null, "emulator.port");
        return value.map(v -> v.parse(Integer::parseInt)).orElse(DEFAULT_EMULATOR_PORT);
    }

    /**
     * The local emulator's clock speed.
     *
     * @param flag {@code --speed}, or null
     * @return 50 unless set otherwise
     */
    public double emulatorSpeed(Double flag) {
        if (flag != null) {
            return flag;
        }
        return value(null, null, "emulator.speed").map(v -> v.parse(Double::parseDouble))
                .orElse(DEFAULT_EMULATOR_SPEED);
    }

    /** The setting from its flag (named {@code flagName}) or else the config file, with where it came from. */
    private Optional<Value> value(String flag, String flagName, String key) {
        if (flag != null) {
            return Optional.of(new Value(flag, flagName, key));
        }
        return config.string(key).map(v -> new Value(v, null, key));
    }

    private Optional<String> first(String flag, String env, String key) {
        if (flag != null && !flag.isBlank()) {
            return Optional.of(flag.strip());
        }
        Optional<String> fromEnv = ctx.getenv(env);
        return fromEnv.isPresent() ? fromEnv.map(String::strip) : config.string(key);
    }

    private CliException problem(String flag, String flagName, String key, String message) {
        return flag != null ? new CliException(flagName + ": " + message) : config.error(key, message);
    }

    /**
     * A setting's text and its source: a flag or environment variable ({@code origin}, such as {@code --timeout}),
     * or else the config file's {@code key}. A value that does not parse is reported against that source.
     */
    private final class Value {
        private final String text;
        private final String origin;
        private final String key;

        Value(String text, String origin, String key) {
            this.text = text;
            this.origin = origin;
            this.key = key;
        }

        String text() {
            return text;
        }

        <T> T parse(Function<String, T> parser) {
            try {
                return parser.apply(text.strip());
            } catch (NumberFormatException e) {
                throw error("not a valid value: '" + text + "'");
            } catch (RuntimeException e) {
                throw error(e.getMessage());
            }
        }

        /** Parses the value and hands it to a setter; a value the setter refuses is blamed on the same source. */
        <T> void set(Function<String, T> parser, Consumer<T> setter) {
            T parsed = parse(parser);
            try {
                setter.accept(parsed);
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
        }

        CliException error(String problem) {
            return origin != null ? new CliException(origin + ": " + problem) : config.error(key, problem);
        }
    }

    private static boolean isAuto(String v) {
        return v.equalsIgnoreCase("auto");
    }
}
