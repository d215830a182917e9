package io.github.finetune4j.core;

import io.github.finetune4j.core.internal.ClientConfig;
import io.github.finetune4j.core.internal.DefaultFineTuneClient;
import io.github.finetune4j.core.internal.ProviderResolver;
import io.github.finetune4j.core.spi.FineTuneProviderFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures a {@link FineTuneClient}. Explicit settings win over environment variables, which win over the
 * documented defaults. Not thread-safe; the client it builds is.
 *
 * <pre>{@code
 * FineTuneClient client = FineTuneClient.builder()
 *         .provider("openai")                        // or a factory: OpenAiFineTuning.builder().apiKey(...).build()
 *         .retryPolicy(RetryPolicy.defaults().withMaxAttempts(5))
 *         .build();
 * }</pre>
 */
public final class FineTuneClientBuilder {
    /** Default connect timeout: 10 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default timeout of one request: 60 seconds. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** Default timeout of one file upload: 30 minutes. */
    public static final Duration DEFAULT_UPLOAD_TIMEOUT = Duration.ofMinutes(30);
    /** Default budget for the provider to process uploaded files: 30 minutes. */
    public static final Duration DEFAULT_FILE_PROCESSING_TIMEOUT = Duration.ofMinutes(30);

    /** Default horizon for lifecycle warnings: 90 days. */
    public static final Duration DEFAULT_LIFECYCLE_HORIZON = Duration.ofDays(90);

    private FineTuneProviderFactory factory;
    private String providerId;
    private EnvironmentLookup environment = EnvironmentLookup.system();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Duration uploadTimeout = DEFAULT_UPLOAD_TIMEOUT;
    private Duration fileProcessingTimeout = DEFAULT_FILE_PROCESSING_TIMEOUT;
    private WaitOptions defaultWaitOptions = WaitOptions.defaults();
    private Clock clock = Clock.systemUTC();
    private boolean allowInsecureHttp;
    private Duration lifecycleHorizon = DEFAULT_LIFECYCLE_HORIZON;
    private ClientConfig.LargeFiles largeFiles = ClientConfig.LargeFiles.defaults();

    FineTuneClientBuilder() {
    }

    /**
     * Uses this provider, configured explicitly (for example {@code OpenAiFineTuning.builder().apiKey(k).build()}).
     *
     * @param factory the provider factory
     * @return this builder
     */
    public FineTuneClientBuilder provider(FineTuneProviderFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.providerId = null;
        return this;
    }

    /**
     * Uses the provider with this id, discovered on the class path and configured from the environment.
     *
     * @param id {@code openai} or {@code azure-openai}
     * @return this builder
     */
    public FineTuneClientBuilder provider(String id) {
        this.providerId = Objects.requireNonNull(id, "id");
        this.factory = null;
        return this;
    }

    /**
     * Reads configuration variables from here instead of the process environment.
     *
     * @param environment the lookup
     * @return this builder
     */
    public FineTuneClientBuilder environment(EnvironmentLookup environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
        return this;
    }

    /**
     * Sets how failed HTTP requests are retried; default {@link RetryPolicy#defaults()}.
     *
     * @param policy the policy
     * @return this builder
     */
    public FineTuneClientBuilder retryPolicy(RetryPolicy policy) {
        this.retryPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * Sets the connect timeout; default 10 s.
     *
     * @param timeout positive
     * @return this builder
     */
    public FineTuneClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = positive(timeout, "connectTimeout");
        return this;
    }

    /**
     * Sets the timeout of one request (not of uploads); default 60 s.
     *
     * @param timeout positive
     * @return this builder
     */
    public FineTuneClientBuilder requestTimeout(Duration timeout) {
        this.requestTimeout = positive(timeout, "requestTimeout");
        return this;
    }

    /**
     * Sets the timeout of one file upload; default 30 min.
     *
     * @param timeout positive
     * @return this builder
     */
    public FineTuneClientBuilder uploadTimeout(Duration timeout) {
        this.uploadTimeout = positive(timeout, "uploadTimeout");
        return this;
    }

    /**
     * Sets how long starting a job waits for the provider to process the uploaded files; default 30 min.
     *
     * @param timeout positive
     * @return this builder
     */
    public FineTuneClientBuilder fileProcessingTimeout(Duration timeout) {
        this.fileProcessingTimeout = positive(timeout, "fileProcessingTimeout");
        return this;
    }

    /**
     * Sets the options of {@link FineTuneJob#awaitCompletion()}; their cadence also paces waiting for file
     * processing. Default {@link WaitOptions#defaults()}.
     *
     * @param options the options
     * @return this builder
     */
    public FineTuneClientBuilder defaultWaitOptions(WaitOptions options) {
        this.defaultWaitOptions = Objects.requireNonNull(options, "options");
        return this;
    }

    /**
     * Sets the clock; default UTC system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public FineTuneClientBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Sets when files go up in parts through the provider's Uploads API (where it has one): files larger than
     * {@code thresholdBytes}, in parts of {@code partBytes}. Defaults: 100 MB and 64 MiB (OpenAI takes at most 64 MB
     * per part).
     *
     * @param thresholdBytes zero or positive
     * @param partBytes positive, at most 64 MiB for OpenAI
     * @return this builder
     * @throws IllegalArgumentException if a size is out of range
     */
    public FineTuneClientBuilder largeFileUploads(long thresholdBytes, long partBytes) {
        this.largeFiles = new ClientConfig.LargeFiles(thresholdBytes, partBytes, largeFiles.stateDirectory());
        return this;
    }

    /**
     * Sets where the state of an unfinished upload in parts is kept (a few hundred bytes per upload), so that a
     * new process sending the same file resumes the upload instead of sending every byte again, and where a job
     * creation in flight is noted (a few bytes, removed once answered), so that a new process started after a crash
     * waits for that request to land instead of creating a second job. Default:
     * {@code <java.io.tmpdir>/finetune4j-uploads}.
     *
     * @param directory a writable directory; created when needed
     * @return this builder
     */
    public FineTuneClientBuilder uploadStateDirectory(java.nio.file.Path directory) {
        this.largeFiles = new ClientConfig.LargeFiles(largeFiles.thresholdBytes(), largeFiles.partBytes(),
                Objects.requireNonNull(directory, "directory"));
        return this;
    }

    /**
     * Sets how far ahead a job start warns (through {@link JobListener#onLifecycleWarning}) about the provider's end
     * of new jobs and the base model's fine-tuning or inference deprecation; default 90 days. Dates already passed
     * always refuse the start.
     *
     * @param horizon zero or positive
     * @return this builder
     */
    public FineTuneClientBuilder lifecycleHorizon(Duration horizon) {
        Objects.requireNonNull(horizon, "horizon");
        if (horizon.isNegative()) {
            throw new IllegalArgumentException("lifecycleHorizon must not be negative: " + horizon);
        }
        this.lifecycleHorizon = horizon;
        return this;
    }

    /**
     * Allows plain {@code http://} base URLs to hosts other than loopback. Only for trusted networks: the API key
     * travels unencrypted.
     *
     * @return this builder
     */
    public FineTuneClientBuilder allowInsecureHttp() {
        this.allowInsecureHttp = true;
        return this;
    }

    /**
     * Builds the client. Chooses the provider (explicit factory, explicit id, or the one configured in the
     * environment) and creates its HTTP client.
     *
     * @return the client; close it when done
     * @throws IllegalStateException if no provider or more than one is configured, or a required setting is
     *     missing; the message names the setting and its environment variable
     */
    public FineTuneClient build() {
        FineTuneProviderFactory chosen = factory != null ? factory : ProviderResolver.resolve(providerId, environment);
        ClientConfig config = new ClientConfig(environment, retryPolicy, connectTimeout, requestTimeout, uploadTimeout,
                fileProcessingTimeout, defaultWaitOptions, clock, allowInsecureHttp, lifecycleHorizon, largeFiles);
        return DefaultFineTuneClient.create(chosen, config);
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
        return d;
    }
}
