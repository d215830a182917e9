package io.github.finetune4j.azure.support;

import io.github.finetune4j.testsupport.RecordingTransport;
import io.github.finetune4j.testsupport.Fixtures;
import io.github.finetune4j.azure.AzureOpenAiFineTuning;
import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.core.spi.HttpStack;
import io.github.finetune4j.core.spi.HttpCall;
import io.github.finetune4j.core.spi.ProviderContext;
import mockwebserver3.MockWebServer;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Builds Azure providers that talk to a {@link MockWebServer} through the core's real transport, without retries.
 */
public final class TestProviders {
    /** The request id every fixture response carries. */
    public static final String REQUEST_ID = "00000000-aaaa-bbbb-cccc-000000000001";
    /** The region every fixture response carries. */
    public static final String REGION = "Sweden Central";
    /** Azure's recorded responses, served with Azure's request id and region headers. */
    public static final Fixtures FIXTURES = Fixtures.in("azure").withHeader("apim-request-id", REQUEST_ID)
            .withHeader("x-ms-region", REGION);

    /** The key every test uses. */
    public static final String KEY = "test-azure-key";

    private final ProviderContext core;
    private final RecordingTransport transport;
    private final Map<String, String> environment;

    private TestProviders(Map<String, String> environment) {
        this.core = HttpStack.open("azure-openai", RetryPolicy.none(), Clock.systemUTC()).context();
        this.transport = new RecordingTransport(core.transport());
        this.environment = Map.copyOf(environment);
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
     * A v1 provider for the server with the test key.
     *
     * @param server the server
     * @return the provider
     */
    public FineTuneProvider v1(MockWebServer server) {
        return provider(AzureOpenAiFineTuning.builder().endpoint(server.url("/").uri()).apiKey(KEY).build());
    }

    /**
     * A dated-route provider (api-version 2024-10-21) for the server with the test key.
     *
     * @param server the server
     * @return the provider
     */
    public FineTuneProvider dated(MockWebServer server) {
        return provider(AzureOpenAiFineTuning.builder().endpoint(server.url("/").uri()).apiKey(KEY)
                .apiVersion("2024-10-21").build());
    }

    /**
     * A provider from a factory.
     *
     * @param factory the factory
     * @return the provider
     */
    public FineTuneProvider provider(AzureOpenAiFineTuning factory) {
        return factory.create(context());
    }

    /**
     * The context handed to factories.
     *
     * @return the context
     */
    public ProviderContext context() {
        return new ProviderContext(EnvironmentLookup.of(environment), transport, core.objectMapper(),
                Clock.systemUTC(), "finetune4j-test", false);
    }

    /**
     * The calls the providers made.
     *
     * @return the calls in order
     */
    public List<HttpCall> calls() {
        return transport.calls();
    }
}
