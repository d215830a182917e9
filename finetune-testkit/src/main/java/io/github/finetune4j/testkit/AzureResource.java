package io.github.finetune4j.testkit;

import io.github.finetune4j.testkit.internal.state.EmulatorState;

/**
 * The Azure OpenAI resource the emulator serves at {@link FineTuningEmulator#azureEndpoint()} (both the
 * {@code /openai/v1} and the dated {@code /openai} route, and the ARM deployments of its account), seen from the
 * test, from {@link FineTuningEmulator#azure()}. It is another namespace than the {@link OpenAiAccount}: a
 * migration test sees two providers.
 *
 * <p>Thread-safe.
 */
public final class AzureResource extends ProviderAccount {

    AzureResource(EmulatorState state) {
        super(state, "Azure");
    }
}
