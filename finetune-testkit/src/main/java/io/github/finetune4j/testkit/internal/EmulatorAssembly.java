package io.github.finetune4j.testkit.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.testkit.internal.azure.ArmDialect;
import io.github.finetune4j.testkit.internal.azure.AzureCatalog;
import io.github.finetune4j.testkit.internal.azure.AzureOpenAiDialect;
import io.github.finetune4j.testkit.internal.blob.BlobStore;
import io.github.finetune4j.testkit.internal.http.Router;
import io.github.finetune4j.testkit.internal.openai.OpenAiDialect;
import io.github.finetune4j.testkit.internal.state.EmulatorConfig;
import io.github.finetune4j.testkit.internal.state.EmulatorState;
import io.github.finetune4j.testkit.internal.state.PendingFailure;
import io.github.finetune4j.testkit.internal.together.TogetherDialect;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The sides of one emulator and the router in front of them. Each provider is its own namespace, as on the
 * real services: the OpenAI account ({@code /v1}), the Azure OpenAI resource (its data plane on
 * {@code /openai/v1} and {@code /openai}, and its ARM deployments, which share one state) and the Together
 * account ({@code /together/v1}). A file uploaded to one provider is unknown to the others, so a migration from
 * OpenAI to Azure sees two providers. The Azure resource also fine-tunes Azure AI Foundry's open models
 * ({@link AzureCatalog}). They share the clock, the blob folder and the pending job failure.
 */
public final class EmulatorAssembly {

    private static final long AZURE_SEED_OFFSET = 0x5A5A_5A5AL;
    private static final long TOGETHER_SEED_OFFSET = 0x7070_7070L;

    private final EmulatorState openAi;
    private final EmulatorState azure;
    private final EmulatorState together;
    private final TogetherDialect togetherDialect;
    private final Router router;

    /**
     * Builds the sides.
     *
     * @param config the settings (OpenAI's base models and seed; the other sides derive theirs)
     * @param clock the source of the current instant
     * @param blobs where large contents go
     * @param apiKey the one key every side accepts
     */
    public EmulatorAssembly(EmulatorConfig config, Supplier<Instant> clock, BlobStore blobs, String apiKey) {
        ObjectMapper mapper = new ObjectMapper();
        PendingFailure failure = new PendingFailure();
        this.openAi = new EmulatorState(config, clock, mapper, blobs, failure, true);
        Long azureSeed = config.seed() == null ? null : config.seed() + AZURE_SEED_OFFSET;
        this.azure = new EmulatorState(config.forSide(AzureCatalog.baseModels(config.baseModels()), azureSeed), clock,
                mapper, blobs, failure, true);
        Long togetherSeed = config.seed() == null ? null : config.seed() + TOGETHER_SEED_OFFSET;
        this.together = new EmulatorState(config.forSide(TogetherDialect.baseModels(), togetherSeed), clock, mapper,
                blobs, failure, false);
        this.togetherDialect = new TogetherDialect(together, apiKey);
        // Order matters: the first dialect whose prefix matches owns a path, so /openai/v1 comes before /openai.
        this.router = new Router(List.of(new OpenAiDialect(openAi, apiKey), AzureOpenAiDialect.v1(azure, apiKey),
                AzureOpenAiDialect.dated(azure, apiKey), new ArmDialect(azure, apiKey), togetherDialect));
    }

    /** @return the OpenAI account's state */
    public EmulatorState openAi() {
        return openAi;
    }

    /** @return the Azure OpenAI resource's state, data plane and ARM deployments */
    public EmulatorState azure() {
        return azure;
    }

    /** @return the Together account's state */
    public EmulatorState together() {
        return together;
    }

    /** @return the Together dialect, which keeps what only Together has */
    public TogetherDialect togetherDialect() {
        return togetherDialect;
    }

    /** @return every side's state */
    public List<EmulatorState> sides() {
        return List.of(openAi, azure, together);
    }

    /** @return the router in front of every dialect */
    public Router router() {
        return router;
    }
}
