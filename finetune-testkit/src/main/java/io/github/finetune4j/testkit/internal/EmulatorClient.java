package io.github.finetune4j.testkit.internal;

import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.openai.OpenAiFineTuning;
import io.github.finetune4j.testkit.FineTuningEmulator;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;

/**
 * A {@link FineTuneClient} pointed at an emulator, closed by JUnit with the test's store. Loaded only when a test
 * asks for a client, so the testkit works without finetune-openai otherwise.
 */
public final class EmulatorClient implements ExtensionContext.Store.CloseableResource {
    private static final Duration POLL = Duration.ofMillis(20);

    private final FineTuneClient client;

    private EmulatorClient(FineTuneClient client) {
        this.client = client;
    }

    /**
     * Builds a client for the emulator: its key and base URL, quick polling and short retry backoff.
     *
     * @param emulator the started emulator
     * @return the resource holding the client
     */
    public static EmulatorClient open(FineTuningEmulator emulator) {
        return new EmulatorClient(FineTuneClient.builder()
                .provider(OpenAiFineTuning.builder().apiKey(emulator.apiKey()).baseUrl(emulator.baseUrl()).build())
                .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(100)))
                .defaultWaitOptions(WaitOptions.builder().timeout(Duration.ofMinutes(2)).fixedInterval(POLL).build())
                .build());
    }

    /**
     * The client.
     *
     * @return the client
     */
    public FineTuneClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }
}
