package io.github.finetune4j.together;

import io.github.finetune4j.core.ApiKey;
import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneClientBuilder;
import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.core.spi.FineTuneProviderFactory;
import io.github.finetune4j.core.spi.ProviderContext;
import io.github.finetune4j.together.internal.TogetherConfig;
import io.github.finetune4j.together.internal.TogetherProvider;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The Together AI fine-tuning provider: open models (Llama, Qwen, gpt-oss, Mistral) trained with LoRA or in full,
 * SFT or DPO, on Together's API. The T-1000 story ({@code FineTuneJob.start}, {@code awaitCompletion},
 * {@code FineTunedModel.chat}) runs unchanged; what only Together has is {@link TogetherTraining} (per job) and
 * {@code client.extension(TogetherAi.class)} (estimate, downloads, metrics).
 *
 * <pre>{@code
 * try (FineTuneClient client = TogetherAiFineTuning.builder()
 *         .apiKey(System.getenv("TOGETHER_API_KEY")).buildClient()) {      // or FineTuneClient.fromEnv()
 *     FineTuneJob job = FineTuneJob.start(client, FineTuneRequest.builder()
 *             .baseModel("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference").trainingData(data).suffix("t1000")
 *             .providerOptions(TogetherTraining.builder().lora(16, 32).build())
 *             .build());
 *     JobSnapshot done = job.awaitCompletion(WaitOptions.builder().timeout(Duration.ofHours(2)).build());
 *     String answer = client.model(done).chat("Ich will meinen T-1000 mit Pril reinigen. Geht das?");
 * }
 * }</pre>
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>setting</th><th>variable</th><th>default</th></tr>
 * <tr><td>{@link Builder#apiKey(String) apiKey}, sent as {@code Authorization: Bearer}</td>
 *     <td>{@value #API_KEY_ENV}</td><td>none: required</td></tr>
 * <tr><td>{@link Builder#baseUrl(String) baseUrl}</td><td>{@value #BASE_URL_ENV}</td>
 *     <td>{@code https://api.together.ai/v1}</td></tr>
 * </table>
 *
 * <p>{@code FineTuneClient.fromEnv()} picks Together when {@value #API_KEY_ENV} is set and no other provider is
 * configured; with several configured it refuses until one is chosen ({@code .provider("together")} or
 * {@code FINETUNE_PROVIDER=together}). Jobs are created exactly once: Together stores no metadata, so after an
 * ambiguous failure the core finds the job by its files, suffix and seed. The public no-arg constructor exists for
 * {@link java.util.ServiceLoader} and reads the environment only. Immutable and thread-safe; {@link #toString()}
 * never shows the key.
 */
public final class TogetherAiFineTuning implements FineTuneProviderFactory {
    /** The provider id, {@value}. */
    public static final String ID = TogetherTraining.PROVIDER_ID;
    /** Environment variable of the API key, {@value}. */
    public static final String API_KEY_ENV = TogetherConfig.API_KEY_ENV;
    /** Environment variable of the API root, {@value}. */
    public static final String BASE_URL_ENV = TogetherConfig.BASE_URL_ENV;

    private final Optional<ApiKey> apiKey;
    private final Optional<URI> baseUrl;

    /** Creates a factory configured from the environment only; used by {@link java.util.ServiceLoader}. */
    public TogetherAiFineTuning() {
        this(new Builder());
    }

    private TogetherAiFineTuning(Builder b) {
        this.apiKey = b.apiKey;
        this.baseUrl = b.baseUrl;
    }

    /**
     * Starts configuring the provider.
     *
     * @return a new builder; nothing set yet
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Tells whether a key is set on the builder or in {@value #API_KEY_ENV}. Does no I/O.
     *
     * @param environment where to look
     * @return true if {@link #create(ProviderContext)} will find a key
     */
    @Override
    public boolean isConfigured(EnvironmentLookup environment) {
        Objects.requireNonNull(environment, "environment");
        return apiKey.isPresent() || environment.get(API_KEY_ENV).filter(v -> !v.isBlank()).isPresent();
    }

    /**
     * Creates the provider from the builder's settings, else the environment. Does no I/O.
     *
     * @param context the transport, JSON mapper, clock and environment
     * @return the provider
     * @throws IllegalStateException if no key is set, naming {@value #API_KEY_ENV}
     * @throws IllegalArgumentException if the base URL is malformed or plain http goes to a host other than loopback
     */
    @Override
    public FineTuneProvider create(ProviderContext context) {
        Objects.requireNonNull(context, "context");
        TogetherConfig config = TogetherConfig.resolve(apiKey, baseUrl, context.environment());
        context.requireAllowed(config.baseUrl());
        return new TogetherProvider(config, context);
    }

    @Override
    public String toString() {
        return "TogetherAiFineTuning[baseUrl=" + baseUrl.map(URI::toString).orElse("from " + BASE_URL_ENV
                + " or the default") + ", apiKey=" + (apiKey.isPresent() ? "REDACTED" : "from " + API_KEY_ENV) + "]";
    }

    /** Configures a {@link TogetherAiFineTuning}; unset settings come from the environment. Not thread-safe. */
    public static final class Builder {
        private Optional<ApiKey> apiKey = Optional.empty();
        private Optional<URI> baseUrl = Optional.empty();

        private Builder() {
        }

        /**
         * Sets the API key, wrapped at once so that it is never printed. Default: {@value #API_KEY_ENV}.
         *
         * @param apiKey the key
         * @return this builder
         * @throws IllegalArgumentException if it is blank
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = Optional.of(ApiKey.of(Objects.requireNonNull(apiKey, "apiKey")));
            return this;
        }

        /**
         * Sets the API root, for example the emulator's {@code togetherBaseUrl()}. Default: {@value #BASE_URL_ENV},
         * else {@code https://api.together.ai/v1}.
         *
         * @param baseUrl an absolute http(s) URL; plain http only to loopback hosts unless the client allows it
         * @return this builder
         * @throws IllegalArgumentException if it is not an absolute http(s) URL without query
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Optional.of(TogetherConfig.normalize(URI.create(Objects.requireNonNull(baseUrl,
                    "baseUrl"))));
            return this;
        }

        /**
         * Builds the provider factory.
         *
         * @return the factory, to pass to {@code FineTuneClient.builder().provider(...)}
         */
        public TogetherAiFineTuning build() {
            return new TogetherAiFineTuning(this);
        }

        /**
         * Builds a Together client with the default client settings.
         *
         * @return the client; close it when done
         * @throws IllegalStateException if no key is set
         * @throws IllegalArgumentException if a setting is not acceptable
         */
        public FineTuneClient buildClient() {
            return buildClient(FineTuneClient.builder());
        }

        /**
         * Builds a Together client with client settings of your choice (retries, timeouts, default wait options);
         * the builder's provider is replaced by this one.
         *
         * @param client the client settings, from {@code FineTuneClient.builder()}
         * @return the client; close it when done
         * @throws IllegalStateException if no key is set
         * @throws IllegalArgumentException if a setting is not acceptable
         */
        public FineTuneClient buildClient(FineTuneClientBuilder client) {
            return Objects.requireNonNull(client, "client").provider(build()).build();
        }
    }
}
