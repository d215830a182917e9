package io.github.finetune4j.openai.support;

import io.github.finetune4j.testsupport.Fixtures;
import io.github.finetune4j.testsupport.RecordingTransport;
import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.core.spi.FineTuneProviderFactory;
import io.github.finetune4j.core.spi.ProviderContext;
import io.github.finetune4j.openai.OpenAiFineTuning;
import mockwebserver3.MockWebServer;

import java.util.Map;

/**
 * Builds OpenAI providers that send through the core's real transport (no retries), using only public API: a
 * client is built once to obtain the {@link ProviderContext} the core hands to factories, and its transport is
 * wrapped in a {@link RecordingTransport}. Close it after the test.
 */
public final class TestProviders implements AutoCloseable {
    /** OpenAI's recorded responses, served with a request id. */
    public static final Fixtures FIXTURES = Fixtures.in("openai").withHeader("x-request-id", "req_test123");

    /** The key every test uses. */
    public static final String KEY = "test-key";

    private final FineTuneClient client;
    private final ProviderContext context;
    private final RecordingTransport transport;

    private TestProviders(Map<String, String> environment) {
        CapturingFactory capturing = new CapturingFactory();
        this.client = FineTuneClient.builder()
                .provider(capturing)
                .environment(EnvironmentLookup.of(environment))
                .retryPolicy(RetryPolicy.none())
                .build();
        ProviderContext captured = capturing.context;
        this.transport = new RecordingTransport(captured.transport());
        this.context = new ProviderContext(captured.environment(), transport, captured.objectMapper(),
                captured.clock(), captured.userAgent(), captured.allowInsecureHttp());
    }

    /**
     * A helper with an empty environment.
     *
     * @return the helper
     */
    public static TestProviders create() {
        return new TestProviders(Map.of());
    }

    /**
     * A helper with environment variables.
     *
     * @param environment the variables
     * @return the helper
     */
    public static TestProviders withEnvironment(Map<String, String> environment) {
        return new TestProviders(environment);
    }

    /**
     * A provider for the server with the test key.
     *
     * @param server the server
     * @return the provider
     */
    public FineTuneProvider provider(MockWebServer server) {
        return provider(OpenAiFineTuning.builder().apiKey(KEY).baseUrl(server.url("/v1/").uri()).build());
    }

    /**
     * A provider from a factory.
     *
     * @param factory the factory
     * @return the provider
     */
    public FineTuneProvider provider(OpenAiFineTuning factory) {
        return factory.create(context);
    }

    /**
     * The context handed to factories, with the recording transport.
     *
     * @return the context
     */
    public ProviderContext context() {
        return context;
    }

    /**
     * The calls the providers made.
     *
     * @return the recording transport
     */
    public RecordingTransport transport() {
        return transport;
    }

    @Override
    public void close() {
        client.close();
    }

    /** Hands out a placeholder provider and keeps the context. */
    private static final class CapturingFactory implements FineTuneProviderFactory {
        private ProviderContext context;

        @Override
        public String id() {
            return "openai";
        }

        @Override
        public boolean isConfigured(EnvironmentLookup environment) {
            return true;
        }

        @Override
        public FineTuneProvider create(ProviderContext context) {
            this.context = context;
            return OpenAiFineTuning.builder().apiKey(KEY).baseUrl(OpenAiFineTuning.DEFAULT_BASE_URL).build()
                    .create(context);
        }
    }
}
