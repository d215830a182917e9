package io.github.finetune4j.testkit;

import io.github.finetune4j.testkit.internal.azure.AzureCatalog;
import io.github.finetune4j.testkit.internal.state.EmulatorState;

import java.util.List;
import java.util.Map;

/**
 * The Azure OpenAI resource the emulator serves at {@link FineTuningEmulator#azureEndpoint()} (both the
 * {@code /openai/v1} and the dated {@code /openai} route, and the ARM deployments of its account), seen from the
 * test, from {@link FineTuningEmulator#azure()}. It is another namespace than the {@link OpenAiAccount}: a
 * migration test sees two providers.
 *
 * <p>Besides the GPT base models the resource fine-tunes Azure AI Foundry's open models ({@link #openModels()}),
 * listed by {@code /models} with {@code lifecycle_status: preview}. A job on one with a training tier it does not
 * allow (regional {@code Standard}, for all of them) or with DPO is refused as the service refuses it:
 * {@code 400 invalidPayload}, "Standard TrainingType is not supported."
 *
 * <p>Thread-safe.
 */
public final class AzureResource extends ProviderAccount {

    AzureResource(EmulatorState state) {
        super(state, "Azure");
    }

    /**
     * Returns the open models the resource fine-tunes and the training tiers ({@code trainingType}) each allows:
     * {@code Ministral-3B} and {@code Qwen-32B} {@code GlobalStandard}; {@code Llama-3.3-70B-Instruct} and
     * {@code gpt-oss-20b} {@code GlobalStandard} and {@code DataZoneStandard}.
     *
     * @return model to allowed tiers, in catalog order; never null
     */
    public Map<String, List<String>> openModels() {
        return AzureCatalog.openModels();
    }
}
