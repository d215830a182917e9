package io.github.finetune4j.examples;

import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.openai.OpenAiFineTuning;
import io.github.finetune4j.testkit.FineTuningEmulator;
import io.github.finetune4j.together.TogetherAiFineTuning;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

/**
 * Gives example programs a client: the real provider when its environment variables are set, otherwise the
 * embedded emulator. Close it to stop the emulator too.
 */
public final class ExampleClients implements AutoCloseable {
    /** The emulator runs a job in seconds: poll it (and its files) this often. */
    private static final Duration EMULATOR_POLL = Duration.ofMillis(200);
    /** What a run after a stopped one does on a real provider. */
    static final String NEXT_RUN_REATTACHES = "The job keeps running at the provider: stopping "
            + "this program does not cancel it. Run the program again: it finds this job by its idempotency key and "
            + "waits for it instead of starting (and paying for) a second one.";
    /** What a run after a stopped one does on the embedded emulator. */
    static final String NEXT_RUN_STARTS_OVER = "The embedded emulator stopped with this program and the job with it: "
            + "the next run starts a new job on a new emulator.";

    private final FineTuneClient client;
    private final FineTuningEmulator emulator;
    private final boolean ownsEmulator;

    private ExampleClients(FineTuneClient client, FineTuningEmulator emulator) {
        this(client, emulator, true);
    }

    private ExampleClients(FineTuneClient client, FineTuningEmulator emulator, boolean ownsEmulator) {
        this.client = client;
        this.emulator = emulator;
        this.ownsEmulator = ownsEmulator;
    }

    /**
     * Connects to Together AI when {@code TOGETHER_API_KEY} is set (with {@code FineTuneClient}'s provider
     * selection, as {@code fromEnv()} does), or to the Together side of an emulator otherwise: the one given, or a
     * new one. Says which in one line.
     *
     * @param environment where to look for {@code TOGETHER_API_KEY} (and {@code TOGETHER_BASE_URL})
     * @param out where to say which provider is used
     * @param shared an emulator already running (for example the OpenAI side's), to use instead of a new one; it
     *     is not closed with these clients
     * @return the clients; close when done
     */
    public static ExampleClients connectTogether(EnvironmentLookup environment, PrintStream out,
                                                 Optional<FineTuningEmulator> shared) {
        if (environment.get(TogetherAiFineTuning.API_KEY_ENV).isPresent()) {
            FineTuneClient client = FineTuneClient.builder().environment(environment).provider(TogetherAiFineTuning.ID)
                    .build();
            out.println("Provider: " + client.providerId() + " (from the environment; this costs real money)");
            return new ExampleClients(client, null);
        }
        FineTuningEmulator emulator = shared.orElseGet(() -> FineTuningEmulator.builder().build().start());
        FineTuneClient client = TogetherAiFineTuning.builder().apiKey(emulator.apiKey())
                .baseUrl(emulator.togetherBaseUrl()).buildClient(FineTuneClient.builder()
                        .defaultWaitOptions(WaitOptions.builder().fixedInterval(EMULATOR_POLL).build()));
        out.println("Provider: together on the embedded emulator at " + emulator.togetherBaseUrl()
                + " (offline; no TOGETHER_API_KEY set. Set it to run on Together AI.)");
        return new ExampleClients(client, emulator, shared.isEmpty());
    }

    /**
     * Connects to OpenAI when {@code OPENAI_API_KEY} is set, or starts the emulator otherwise, and says which in one
     * line. (Azure needs a deployment before a model answers: its story is {@code AzureT1000Story}.)
     *
     * @param environment where to look for {@code OPENAI_API_KEY}
     * @param out where to say which provider is used
     * @return the clients; close when done
     */
    public static ExampleClients connect(EnvironmentLookup environment, PrintStream out) {
        if (environment.get("OPENAI_API_KEY").isPresent()) {
            FineTuneClient client = FineTuneClient.builder().environment(environment).provider("openai").build();
            out.println("Provider: " + client.providerId() + " (from the environment; this costs real money)");
            return new ExampleClients(client, null);
        }
        String azureHint = environment.get("AZURE_OPENAI_ENDPOINT").isPresent()
                ? " Azure OpenAI is configured: on Azure a model answers only through a deployment, so run"
                + " io.github.finetune4j.examples.AzureT1000Story for Azure." : "";
        FineTuningEmulator emulator = FineTuningEmulator.builder().build().start();
        FineTuneClient client = FineTuneClient.builder()
                .provider(OpenAiFineTuning.builder().apiKey(emulator.apiKey()).baseUrl(emulator.baseUrl()).build())
                .defaultWaitOptions(WaitOptions.builder().fixedInterval(EMULATOR_POLL).build())
                .build();
        out.println("Provider: embedded emulator at " + emulator.baseUrl()
                + " (offline; no API key set. Set OPENAI_API_KEY to run on OpenAI. Each run starts its own emulator,"
                + " so each run trains a new job.)" + azureHint);
        return new ExampleClients(client, emulator);
    }

    /**
     * The client.
     *
     * @return the client
     */
    public FineTuneClient client() {
        return client;
    }

    /**
     * What a run started after this one was stopped will do: re-attach on a real provider, start over offline.
     *
     * @return one or two sentences for the user
     */
    public String nextRun() {
        return emulator == null ? NEXT_RUN_REATTACHES : NEXT_RUN_STARTS_OVER;
    }

    /**
     * The emulator, when running offline.
     *
     * @return the emulator, or empty on a real provider
     */
    public Optional<FineTuningEmulator> emulator() {
        return Optional.ofNullable(emulator);
    }

    @Override
    public void close() {
        client.close();
        if (emulator != null && ownsEmulator) {
            emulator.close();
        }
    }
}
