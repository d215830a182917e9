package io.github.finetune4j.cli;

import io.github.finetune4j.cli.config.ConfigFile;
import io.github.finetune4j.cli.config.Credentials;
import io.github.finetune4j.cli.config.Settings;
import io.github.finetune4j.cli.emulator.LocalEmulator;
import io.github.finetune4j.cli.run.RunStore;
import io.github.finetune4j.core.ConsoleProgress;
import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneClientBuilder;
import io.github.finetune4j.core.WaitOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One run of the command: its context, the global options, and what is loaded lazily from them (config file,
 * settings, credentials, the provider connection). Closed when the command ends, which closes the client.
 */
public final class Session implements AutoCloseable {
    /** Environment variable naming the config file. */
    public static final String CONFIG_ENV = "FINETUNE_CONFIG";

    private final CliContext ctx;
    private String configFlag;
    private String providerFlag;
    private boolean verbose;
    private ConfigFile config;
    private Connection connection;

    /**
     * Creates the session of one run.
     *
     * @param ctx the context
     */
    public Session(CliContext ctx) {
        this.ctx = ctx;
    }

    void configFlag(String file) {
        this.configFlag = file;
        this.config = null;
    }

    void providerFlag(String id) {
        this.providerFlag = id;
    }

    void verbose(boolean verbose) {
        this.verbose = verbose;
    }

    /**
     * The context.
     *
     * @return the context
     */
    public CliContext ctx() {
        return ctx;
    }

    /**
     * Whether {@code --verbose} was given.
     *
     * @return true for stack traces and library logs
     */
    public boolean verbose() {
        return verbose;
    }

    /**
     * The {@code --provider} flag.
     *
     * @return the flag, or null
     */
    public String providerFlag() {
        return providerFlag;
    }

    /**
     * Where the config file is: {@code --config}, else {@code $FINETUNE_CONFIG}, else {@code ./finetune.yaml}.
     *
     * @return the path (the file may not exist)
     */
    public Path configPath() {
        if (configFlag != null) {
            return ctx.resolve(configFlag);
        }
        return ctx.getenv(CONFIG_ENV).map(ctx::resolve).orElse(ctx.workDir().resolve(ConfigFile.DEFAULT_NAME));
    }

    /**
     * The config file, or an empty config when there is none (only an explicitly named file must exist).
     *
     * @return the config
     * @throws CliException if the file is invalid, or was named explicitly and does not exist
     */
    public ConfigFile config() {
        if (config == null) {
            Path path = configPath();
            boolean explicit = configFlag != null || ctx.getenv(CONFIG_ENV).isPresent();
            config = Files.exists(path) || explicit ? ConfigFile.load(path) : ConfigFile.empty(path);
        }
        return config;
    }

    /**
     * The settings of this run.
     *
     * @return the settings
     */
    public Settings settings() {
        return new Settings(ctx, config());
    }

    /**
     * The state file of this project, beside the config file.
     *
     * @return the store
     */
    public RunStore runs() {
        return RunStore.at(config().dir().resolve(RunStore.FILE_NAME));
    }

    /**
     * The provider resolved from flag, environment and config.
     *
     * @return {@code emulator}, {@code auto} or a provider id
     */
    public String provider() {
        return settings().provider(providerFlag);
    }

    /**
     * Connects to the provider (once per run): the local emulator (started in the background if needed), the one
     * named, or the one the environment configures.
     *
     * @return the connection
     * @throws CliException if no provider is configured or its settings are incomplete
     */
    public Connection connect() {
        if (connection == null) {
            connection = open(settings().provider(providerFlag));
        }
        return connection;
    }

    /**
     * Connects to one more provider, besides the one of {@link #connect()} (a migration talks to two). The caller
     * closes its client.
     *
     * @param provider a provider id, {@code emulator} or {@code auto}
     * @return the connection
     * @throws CliException if the provider is not configured or its settings are incomplete
     */
    public Connection connectTo(String provider) {
        return open(provider);
    }

    /**
     * The variables providers read: the process environment, with the credentials file filling in what it lacks.
     *
     * @return the lookup
     * @throws CliException if the credentials file is unsafe or malformed
     */
    public EnvironmentLookup environment() {
        Credentials credentials = Credentials.load(ctx);
        return name -> ctx.getenv(name).or(() -> credentials.get(name));
    }

    /**
     * A progress display on standard output.
     *
     * @param mode auto, bar or plain
     * @return the listener
     */
    public ConsoleProgress progress(ProgressMode mode) {
        ConsoleProgress.Builder b = ConsoleProgress.builder().out(ctx.out()).clock(ctx.clock());
        switch (mode) {
            case BAR: b.terminal(true); break;
            case PLAIN: b.terminal(false); break;
            default: ctx.terminal().ifPresent(b::terminal); break;
        }
        return b.build();
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.client().close();
            connection = null;
        }
    }

    private Connection open(String provider) {
        Settings settings = settings();
        Map<String, String> overlay = new HashMap<>();
        FineTuneClientBuilder builder = FineTuneClient.builder();
        boolean emulator = provider.equals(Settings.EMULATOR);
        int port = 0;
        if (emulator) {
            port = settings.emulatorPort(null);
            Optional<Long> started = LocalEmulator.ensureRunning(ctx, port, settings.emulatorSpeed(null));
            started.ifPresent(pid -> ctx.err().println("Started the local emulator in the background: "
                    + LocalEmulator.baseUrl(settings.emulatorPort(null)) + " (pid " + pid + "). It keeps jobs and models in "
                    + "memory until `finetune emulator stop`."));
            // The emulator gets its own key, never the user's real one.
            overlay.put("OPENAI_API_KEY", LocalEmulator.API_KEY);
            overlay.put("OPENAI_BASE_URL", LocalEmulator.baseUrl(port));
            overlay.put("OPENAI_ORG_ID", "");
            overlay.put("OPENAI_PROJECT_ID", "");
            builder.provider("openai");
        } else if (!provider.equals(Settings.AUTO)) {
            builder.provider(provider);
        }
        EnvironmentLookup base = environment();
        EnvironmentLookup env = name -> overlay.containsKey(name)
                ? Optional.ofNullable(overlay.get(name)).filter(v -> !v.isBlank())
                : base.get(name);
        Duration poll = settings.pollInterval(null, emulator);
        builder.environment(env).clock(ctx.clock()).defaultWaitOptions(WaitOptions.builder()
                .initialInterval(poll).maxInterval(emulator ? poll : WaitOptions.DEFAULT_MAX_INTERVAL).build());
        FineTuneClient client;
        try {
            client = builder.build();
        } catch (IllegalStateException e) {
            String hint = provider.equals(Settings.AUTO) ? " To work offline, use the local emulator: --provider "
                    + "emulator, or `provider: emulator` in finetune.yaml (as `finetune init` writes it)." : "";
            throw new CliException(e.getMessage() + hint, e);
        }
        String label = emulator ? Settings.EMULATOR + ":" + port : client.providerId();
        return new Connection(client, label, emulator, poll);
    }

    /**
     * An open provider connection.
     *
     * @param client the client
     * @param label the provider as shown and stored with runs ({@code emulator:8089}, {@code openai}, ...)
     * @param emulator whether it is the local emulator (which forgets its jobs when stopped)
     * @param pollInterval the first interval between polls
     */
    public record Connection(FineTuneClient client, String label, boolean emulator, Duration pollInterval) {
    }

    /** How to show progress. */
    public enum ProgressMode {
        /** An updating line on a terminal, plain lines elsewhere. */
        AUTO,
        /** Always the updating line. */
        BAR,
        /** Always plain lines. */
        PLAIN
    }
}
