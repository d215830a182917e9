package io.github.finetune4j.testkit;

import io.github.finetune4j.testkit.internal.EmulatorAssembly;
import io.github.finetune4j.testkit.internal.EmulatorServer;
import io.github.finetune4j.testkit.internal.blob.BlobStore;
import io.github.finetune4j.testkit.internal.http.FaultEngine;
import io.github.finetune4j.testkit.internal.http.HttpDispatcher;
import io.github.finetune4j.testkit.internal.http.RequestLog;
import io.github.finetune4j.testkit.internal.http.Router;
import io.github.finetune4j.testkit.internal.state.EmulatorConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * An in-process emulator of the OpenAI, Azure OpenAI and Together AI fine-tuning wire APIs, for examples and tests
 * that must run offline. It listens on the loopback interface only and keeps all state in memory.
 *
 * <p>It speaks the OpenAI dialect under {@code /v1}: files (multipart upload, list, retrieve, content, delete),
 * fine-tuning jobs (create, list, retrieve, cancel, pause, resume, events, checkpoints), models (list, retrieve,
 * delete) and chat completions, with {@code Authorization: Bearer} checked against {@link #apiKey()}. Jobs move
 * {@code validating_files → queued → running → succeeded} on the emulator's {@link EmulatorClock}, emit events
 * (including a metrics event per step), a checkpoint per epoch (the last three are kept, as by the service), and
 * on success a result file and a fine-tuned model {@code ft:<base>:<organization>:<suffix>:<id>}. Training files
 * are checked as the service checks them: fewer than 10 examples, a line that is not JSON, or an example without
 * messages or without an assistant message make the job fail with {@code invalid_training_file}.
 *
 * <p><b>This is an emulation, not a language model.</b> A base model answers with a fixed, generic text. A
 * fine-tuned model answers with the assistant turn of the training example most similar to the last user message
 * (character n-gram TF-IDF cosine over the content words of the training question and its answer, deterministic;
 * see the module README for what it can and cannot match).
 *
 * <p>As with the service, the content of a result file ({@code step_metrics.csv}, purpose
 * {@code fine-tune-results}) is served base64-encoded; clients must decode it. Files uploaded with purpose
 * {@code fine-tune} download as uploaded; {@code assistants} files answer 400, as with the service.
 *
 * <pre>{@code
 * EmulatorClock clock = EmulatorClock.manual();
 * try (FineTuningEmulator emulator = FineTuningEmulator.builder().clock(clock).build().start()) {
 *     OpenAIClient client = OpenAIOkHttpClient.builder()
 *             .baseUrl(emulator.baseUrl())          // http://127.0.0.1:<port>/v1
 *             .apiKey(emulator.apiKey())
 *             .build();
 *     // upload a training file, create a job ...
 *     clock.advance(Duration.ofMinutes(2));         // ... and it has succeeded
 *     emulator.faults().inject(Fault.rateLimit(Duration.ofSeconds(1)));   // the next request gets a 429
 * }
 * }</pre>
 *
 * <p>It also speaks Azure, over the same state: the Azure OpenAI data plane under {@code /openai/v1} and under the
 * dated route {@code /openai/...?api-version=2024-10-21} (files {@code pending → running → processed}, jobs with
 * {@code trainingType} and Azure's status words, models with {@code capabilities} and {@code deprecation} (Azure AI
 * Foundry's open models too, which refuse a {@code trainingType} they do not allow: {@link AzureResource}), chat
 * through a deployment), with {@code api-key: <key>} or {@code Authorization: Bearer <key>}; and Azure Resource
 * Manager deployments under {@code /subscriptions/...} ({@code Bearer} only), whose {@code provisioningState} moves
 * {@code Creating → Succeeded} after {@link Builder#deploymentDuration(Duration)}. Point an Azure client at
 * {@link #azureEndpoint()} and its ARM client at {@link #armEndpoint()}:
 *
 * <pre>{@code
 * // data plane: POST {azureEndpoint}/openai/v1/files, .../fine_tuning/jobs with "trainingType": "Standard", ...
 * // ARM:        PUT  {armEndpoint}/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices
 * //                  /accounts/a/deployments/my-deployment?api-version=2024-10-01
 * // chat:       POST {azureEndpoint}/openai/v1/chat/completions with "model": "my-deployment"
 * }</pre>
 *
 * <p>It speaks Together AI under {@link #togetherBaseUrl()} ({@code /together/v1}): files with the service's file
 * check, fine-tunes (LoRA or full, SFT or DPO) with Together's status words, events, checkpoints, metrics, the
 * price estimate, model limits, the download of a small fake weights archive, and chat on serverless LoRA models.
 *
 * <p>Each provider is its own namespace, as on the real services: {@link #openAi()}, {@link #azure()} and
 * {@link #together()} show what each holds.
 *
 * <p>Every request computes job states from the clock when it arrives; nothing runs in the background.
 * Thread-safe: any number of clients may use one emulator concurrently.
 *
 * <p>Run it on its own with {@code java -jar finetune-testkit-<version>-standalone.jar --port 8089}
 * (see {@link #main(String[])}).
 */
public final class FineTuningEmulator implements AutoCloseable {

    /** The API key accepted unless another is configured. */
    public static final String DEFAULT_API_KEY = "emulator-key";

    /** The organization slug used in fine-tuned model names unless another is configured. */
    public static final String DEFAULT_ORGANIZATION = "emulator";

    /**
     * How long an uploaded file stays {@code uploaded} before it is {@code processed}: 2 s. Like every phase
     * duration, a {@link EmulatorClock#scaled(double) scaled} clock divides it by its speed.
     */
    public static final Duration DEFAULT_FILE_PROCESSING_DELAY = Duration.ofSeconds(2);

    /** How long a job stays in {@code validating_files} once its files are processed: 20 s (before speed-up). */
    public static final Duration DEFAULT_VALIDATION_DURATION = Duration.ofSeconds(20);

    /** How long a job stays {@code queued}: 10 s (before speed-up). */
    public static final Duration DEFAULT_QUEUE_DURATION = Duration.ofSeconds(10);

    /** How long a job stays {@code running}, spread evenly over its steps: 60 s (before speed-up). */
    public static final Duration DEFAULT_TRAINING_DURATION = Duration.ofSeconds(60);

    /**
     * How long an ARM deployment stays {@code Creating} before it is {@code Succeeded}: 30 s (before speed-up).
     */
    public static final Duration DEFAULT_DEPLOYMENT_DURATION = Duration.ofSeconds(30);

    /**
     * How long an upload of the Uploads API stays open before it expires: one hour, as on the service. It is a
     * limit of the protocol, not a processing phase, so a scaled clock does not shorten it.
     */
    public static final Duration DEFAULT_UPLOAD_EXPIRY = Duration.ofHours(1);

    /** The base models that can be fine-tuned unless more are added. */
    public static final List<String> DEFAULT_BASE_MODELS = List.of("gpt-4o-mini-2024-07-18", "gpt-4o-2024-08-06",
            "gpt-4.1-2025-04-14", "gpt-4.1-mini-2025-04-14");

    private final EmulatorClock clock;
    private final String apiKey;
    private final String organization;
    private final int requestedPort;
    private final Faults faults;
    private final FaultEngine faultEngine;
    private final RequestLog requestLog;
    private final Router router;
    private final BlobStore blobs = new BlobStore();
    private final OpenAiAccount openAi;
    private final AzureResource azure;
    private final TogetherAccount together;
    private final Object lifecycle = new Object();
    private volatile EmulatorServer server;
    private volatile boolean closed;

    private FineTuningEmulator(Builder builder) {
        this.clock = builder.clock != null ? builder.clock : EmulatorClock.scaled(EmulatorClock.DEFAULT_SPEED);
        this.apiKey = builder.apiKey;
        this.organization = builder.organization;
        this.requestedPort = builder.port;
        double speed = clock.speed();
        EmulatorConfig config = new EmulatorConfig(builder.organization,
                EmulatorConfig.scaled(builder.fileProcessingDelay, speed),
                EmulatorConfig.scaled(builder.validationDuration, speed),
                EmulatorConfig.scaled(builder.queueDuration, speed),
                EmulatorConfig.scaled(builder.trainingDuration, speed), builder.baseModels, builder.seed,
                EmulatorConfig.scaled(builder.deploymentDuration, speed),
                EmulatorConfig.scaled(EmulatorConfig.TRANSITION, speed), builder.uploadExpiry);
        EmulatorAssembly sides = new EmulatorAssembly(config, clock::now, blobs, builder.apiKey);
        this.openAi = new OpenAiAccount(sides.openAi());
        this.azure = new AzureResource(sides.azure());
        this.together = new TogetherAccount(sides.together(), sides.togetherDialect());
        this.faultEngine = new FaultEngine();
        this.faults = new Faults(faultEngine, sides.sides());
        this.requestLog = new RequestLog();
        this.router = sides.router();
    }

    /**
     * Returns a builder with the defaults: ephemeral port, {@value #DEFAULT_API_KEY},
     * organization {@value #DEFAULT_ORGANIZATION}, {@link EmulatorClock#scaled(double) scaled} clock at
     * {@link EmulatorClock#DEFAULT_SPEED}.
     *
     * @return a new builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the loopback port and starts answering requests. Call it once; {@link Builder#start()} does it for
     * you.
     *
     * @return this emulator, running; close it when done
     * @throws IllegalStateException if it was already started or has been closed
     * @throws java.io.UncheckedIOException if the port cannot be bound
     */
    public FineTuningEmulator start() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("this FineTuningEmulator has been closed; build a new one");
            }
            if (server != null) {
                throw new IllegalStateException("this FineTuningEmulator is already started at " + baseUrl());
            }
            CountDownLatch closing = new CountDownLatch(1);
            server = EmulatorServer.start(requestedPort,
                    new HttpDispatcher(router, faultEngine, requestLog, closing, blobs, this::restartServer), closing);
        }
        return this;
    }

    /**
     * Returns the base URL for clients, including the API version path.
     *
     * @return e.g. {@code http://127.0.0.1:54321/v1}, never null
     * @throws IllegalStateException if the emulator has not been started
     */
    public String baseUrl() {
        return origin() + "/v1";
    }

    /**
     * Returns the endpoint of the emulated Azure OpenAI resource, what {@code https://<resource>.openai.azure.com}
     * is for the service: clients append {@code /openai/v1/...} (v1 route) or {@code /openai/...?api-version=...}
     * (dated route). They authenticate with {@code api-key: <}{@link #apiKey()}{@code >} or with
     * {@code Authorization: Bearer <}{@link #apiKey()}{@code >} in place of an Entra ID token.
     *
     * @return e.g. {@code http://127.0.0.1:54321}, without a trailing slash; never null
     * @throws IllegalStateException if the emulator has not been started
     */
    public String azureEndpoint() {
        return origin();
    }

    /**
     * Returns the Azure Resource Manager endpoint, what {@code https://management.azure.com} is for the service:
     * clients append {@code /subscriptions/{subscription}/resourceGroups/{group}/providers/
     * Microsoft.CognitiveServices/accounts/{account}/deployments/{name}?api-version=2024-10-01}. Any subscription,
     * resource group and account name address the one emulated account. ARM takes only
     * {@code Authorization: Bearer <}{@link #apiKey()}{@code >}. It is the same server as
     * {@link #azureEndpoint()}.
     *
     * @return e.g. {@code http://127.0.0.1:54321}, without a trailing slash; never null
     * @throws IllegalStateException if the emulator has not been started
     */
    public String armEndpoint() {
        return origin();
    }

    /**
     * Returns the port the emulator listens on, on the loopback address.
     *
     * @return the port
     * @throws IllegalStateException if the emulator has not been started
     */
    public int port() {
        return running().port();
    }

    /**
     * Returns the one API key the emulator accepts: as {@code Authorization: Bearer <key>} on the OpenAI dialect,
     * as {@code api-key: <key>} or a bearer token on the Azure data plane, and as the bearer token on ARM. It is
     * not a secret: the emulator is reachable only from this machine.
     *
     * @return the key, never null
     */
    public String apiKey() {
        return apiKey;
    }

    /**
     * Returns the organization slug used in fine-tuned model names; jobs report {@code org-<slug>}.
     *
     * @return the slug, never null
     */
    public String organization() {
        return organization;
    }

    /**
     * Returns the clock that drives jobs and timestamps; call {@link EmulatorClock#advance(Duration)} on a manual
     * one to move jobs forward.
     *
     * @return the clock, never null
     */
    public EmulatorClock clock() {
        return clock;
    }

    /**
     * Returns the fault injection of this emulator.
     *
     * @return the faults, never null
     */
    public Faults faults() {
        return faults;
    }

    /**
     * Returns the OpenAI side of the emulator: what was uploaded and trained through {@link #baseUrl()}, for
     * checks that go beyond the wire API (the exact content of a file of any purpose).
     *
     * @return the OpenAI account, never null
     */
    public OpenAiAccount openAi() {
        return openAi;
    }

    /**
     * Returns the Azure side of the emulator: the resource served at {@link #azureEndpoint()}, another namespace
     * than the {@link #openAi() OpenAI account}.
     *
     * @return the Azure resource, never null
     */
    public AzureResource azure() {
        return azure;
    }

    /**
     * Returns the Together side of the emulator: the account served at {@link #togetherBaseUrl()}, with its
     * credit limit and the digests of the weights it serves.
     *
     * @return the Together account, never null
     */
    public TogetherAccount together() {
        return together;
    }

    /**
     * Returns the base URL of the emulated Together AI API, what {@code https://api.together.xyz/v1} is for the
     * service (files, fine-tunes, models, chat completions). Authenticate with
     * {@code Authorization: Bearer <}{@link #apiKey()}{@code >}.
     *
     * @return e.g. {@code http://127.0.0.1:54321/together/v1}, never null
     * @throws IllegalStateException if the emulator has not been started
     */
    public String togetherBaseUrl() {
        return origin() + "/together/v1";
    }

    /**
     * Restarts the HTTP server as a crash of the service's front end would: every open connection is dropped
     * (requests in flight get no answer, an upload part being sent is cut off), then the emulator listens again
     * on the same port. All state stays: files, uploads and their parts, jobs, models, deployments. The same as
     * {@link Fault#restartServer()} without waiting for a request.
     *
     * @throws IllegalStateException if the emulator has not been started
     * @throws java.io.UncheckedIOException if the port cannot be bound again
     */
    public void restartServer() {
        running().restart();
    }

    /** Returns the folder where large contents are kept, or null while everything fits in memory. */
    Path storageDirectory() {
        return blobs.directory();
    }

    /**
     * Returns every request received so far, oldest first, including requests answered with an injected fault.
     *
     * @return an immutable snapshot, never null
     */
    public List<RecordedRequest> recordedRequests() {
        List<RecordedRequest> out = new ArrayList<>();
        requestLog.snapshot().forEach(e -> out.add(new RecordedRequest(e.method(), e.path(), e.query())));
        return List.copyOf(out);
    }

    /**
     * Tells whether {@link #close()} has been called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Stops the server at once, ends hanging requests, frees the port and deletes the temporary folder that held
     * large uploads. Idempotent; closing an emulator that was never started just marks it closed.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            if (server != null) {
                server.close();
            }
            blobs.close();
        }
    }

    @Override
    public String toString() {
        EmulatorServer running = server;
        String where = running == null ? "not started" : "http://" + running.host() + ":" + running.port() + "/v1";
        return "FineTuningEmulator[" + where + (closed ? ", closed" : "") + "]";
    }

    private String origin() {
        EmulatorServer running = running();
        return "http://" + running.host() + ":" + running.port();
    }

    private EmulatorServer running() {
        EmulatorServer running = server;
        if (running == null) {
            throw new IllegalStateException("FineTuningEmulator not started: call start()");
        }
        return running;
    }

    /**
     * Runs the emulator on its own until the process is stopped (Ctrl+C). Options: {@code --port N} (default
     * 8089; 0 picks a free port), {@code --api-key KEY}, {@code --organization SLUG}, {@code --speed FACTOR},
     * {@code --help}. Prints the base URL to standard output and returns, leaving the server running; a shutdown
     * hook closes it. Exits with status 2 on a bad option, and with status 1 and one line naming the port when
     * the port is in use.
     *
     * <pre>{@code
     * java -jar finetune-testkit-<version>-standalone.jar --port 8089
     * }</pre>
     *
     * @param args the command-line options
     */
    public static void main(String[] args) {
        int status = Launcher.run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Configures a {@link FineTuningEmulator}. Not thread-safe; each {@link #build()} or {@link #start()} creates a
     * new, independent emulator.
     */
    public static final class Builder {

        private int port;
        private String apiKey = DEFAULT_API_KEY;
        private String organization = DEFAULT_ORGANIZATION;
        private EmulatorClock clock;
        private Duration fileProcessingDelay = DEFAULT_FILE_PROCESSING_DELAY;
        private Duration validationDuration = DEFAULT_VALIDATION_DURATION;
        private Duration queueDuration = DEFAULT_QUEUE_DURATION;
        private Duration trainingDuration = DEFAULT_TRAINING_DURATION;
        private final List<String> baseModels = new ArrayList<>(DEFAULT_BASE_MODELS);
        private Long seed;
        private Duration deploymentDuration = DEFAULT_DEPLOYMENT_DURATION;
        private Duration uploadExpiry = DEFAULT_UPLOAD_EXPIRY;

        private Builder() {
        }

        /**
         * Sets the port on 127.0.0.1. Default 0: an ephemeral port, see {@link FineTuningEmulator#port()}.
         *
         * @param port 0 to 65535
         * @return this builder
         * @throws IllegalArgumentException if {@code port} is out of range
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Sets the one API key accepted. Default {@value FineTuningEmulator#DEFAULT_API_KEY}.
         *
         * @param apiKey the key, not blank
         * @return this builder
         * @throws NullPointerException if {@code apiKey} is null
         * @throws IllegalArgumentException if {@code apiKey} is blank
         */
        public Builder apiKey(String apiKey) {
            Objects.requireNonNull(apiKey, "apiKey");
            if (apiKey.isBlank()) {
                throw new IllegalArgumentException("apiKey must not be blank");
            }
            this.apiKey = apiKey.strip();
            return this;
        }

        /**
         * Sets the organization slug used in fine-tuned model names. Default
         * {@value FineTuningEmulator#DEFAULT_ORGANIZATION}.
         *
         * @param organization letters, digits, {@code -} and {@code _} only
         * @return this builder
         * @throws NullPointerException if {@code organization} is null
         * @throws IllegalArgumentException if {@code organization} is empty or has other characters
         */
        public Builder organization(String organization) {
            Objects.requireNonNull(organization, "organization");
            if (!organization.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("organization must be letters, digits, '-' or '_': "
                        + organization);
            }
            this.organization = organization;
            return this;
        }

        /**
         * Sets the clock. Default: {@link EmulatorClock#scaled(double) scaled} at
         * {@link EmulatorClock#DEFAULT_SPEED}, created when the emulator is built.
         *
         * @param clock the clock; a manual clock lets a test step jobs forward
         * @return this builder
         * @throws NullPointerException if {@code clock} is null
         */
        public Builder clock(EmulatorClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how long an uploaded file stays {@code uploaded} before it is {@code processed}. A job created
         * earlier waits for it. Default 2 s. A {@link EmulatorClock#scaled(double) scaled} clock divides this and
         * every other phase duration by its speed; a manual clock takes them as they are.
         *
         * @param delay zero or positive
         * @return this builder
         * @throws NullPointerException if {@code delay} is null
         * @throws IllegalArgumentException if {@code delay} is negative
         */
        public Builder fileProcessingDelay(Duration delay) {
            this.fileProcessingDelay = nonNegative(delay, "delay");
            return this;
        }

        /**
         * Sets how long a job stays in {@code validating_files} (before speed-up). Default 20 s.
         *
         * @param duration zero or positive
         * @return this builder
         * @throws NullPointerException if {@code duration} is null
         * @throws IllegalArgumentException if {@code duration} is negative
         */
        public Builder validationDuration(Duration duration) {
            this.validationDuration = nonNegative(duration, "duration");
            return this;
        }

        /**
         * Sets how long a job stays {@code queued} (before speed-up). Default 10 s.
         *
         * @param duration zero or positive
         * @return this builder
         * @throws NullPointerException if {@code duration} is null
         * @throws IllegalArgumentException if {@code duration} is negative
         */
        public Builder queueDuration(Duration duration) {
            this.queueDuration = nonNegative(duration, "duration");
            return this;
        }

        /**
         * Sets how long a job stays {@code running} (before speed-up), whatever its number of steps: the steps
         * are spread evenly over it. Default 60 s.
         *
         * @param duration positive
         * @return this builder
         * @throws NullPointerException if {@code duration} is null
         * @throws IllegalArgumentException if {@code duration} is zero or negative
         */
        public Builder trainingDuration(Duration duration) {
            nonNegative(duration, "duration");
            if (duration.isZero()) {
                throw new IllegalArgumentException("duration must be positive");
            }
            this.trainingDuration = duration;
            return this;
        }

        /**
         * Sets how long an ARM deployment stays {@code Creating} before it is {@code Succeeded} (or {@code Failed}),
         * before speed-up. Default 30 s.
         *
         * @param duration zero or positive
         * @return this builder
         * @throws NullPointerException if {@code duration} is null
         * @throws IllegalArgumentException if {@code duration} is negative
         */
        public Builder deploymentDuration(Duration duration) {
            this.deploymentDuration = nonNegative(duration, "duration");
            return this;
        }

        /**
         * Sets how long an upload of the Uploads API ({@code POST /v1/uploads}) stays open; after that it reports
         * {@code expired} and its parts are dropped. Measured on the emulator's clock without speed-up. Default
         * one hour, as on the service.
         *
         * @param expiry positive
         * @return this builder
         * @throws NullPointerException if {@code expiry} is null
         * @throws IllegalArgumentException if {@code expiry} is zero or negative
         */
        public Builder uploadExpiry(Duration expiry) {
            nonNegative(expiry, "expiry");
            if (expiry.isZero()) {
                throw new IllegalArgumentException("expiry must be positive");
            }
            this.uploadExpiry = expiry;
            return this;
        }

        /**
         * Adds a base model that can be fine-tuned and chatted with, besides {@link #DEFAULT_BASE_MODELS}.
         *
         * @param model the model id, e.g. {@code gpt-3.5-turbo-0125}
         * @return this builder
         * @throws NullPointerException if {@code model} is null
         * @throws IllegalArgumentException if {@code model} is blank or starts with {@code ft:}
         */
        public Builder addBaseModel(String model) {
            Objects.requireNonNull(model, "model");
            if (model.isBlank() || model.startsWith("ft:")) {
                throw new IllegalArgumentException("not a base model id: " + model);
            }
            if (!baseModels.contains(model)) {
                baseModels.add(model);
            }
            return this;
        }

        /**
         * Makes generated ids reproducible and sets the seed of jobs created without a seed: the same seed and the
         * same requests in the same order give the same ids, curves and answers. By default ids (files, jobs,
         * models, uploads) carry a random component, so that two fresh emulators never hand out the same id,
         * while the learning curves of jobs created without a seed still come from seed 0.
         *
         * @param seed any value
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Creates an emulator with this configuration, not yet started: its {@link FineTuningEmulator#clock()}
         * and {@link FineTuningEmulator#faults()} can be set up before {@link FineTuningEmulator#start()}.
         *
         * @return a new, unstarted emulator
         */
        public FineTuningEmulator build() {
            return new FineTuningEmulator(this);
        }

        /**
         * Creates and starts an emulator with this configuration; the same as {@code build().start()}.
         *
         * @return the running emulator; close it when done
         * @throws java.io.UncheckedIOException if the port cannot be bound
         */
        public FineTuningEmulator start() {
            return build().start();
        }

        private static Duration nonNegative(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative: " + value);
            }
            return value;
        }
    }
}
