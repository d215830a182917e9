package io.github.finetune4j.testkit;

import io.github.finetune4j.testkit.internal.state.EmulatorState;

/**
 * The OpenAI account the emulator serves under {@link FineTuningEmulator#baseUrl()}, seen from the test, from
 * {@link FineTuningEmulator#openAi()}. Besides what every {@link ProviderAccount} offers, it can be seeded with
 * jobs and fine-tuned models that exist before the test starts.
 *
 * <pre>{@code
 * String fileId = ...;   // uploaded by the code under test, e.g. through the Uploads API
 * assertThat(emulator.openAi().fileSha256(fileId)).isEqualTo(sha256Of(localFile));
 * assertThat(emulator.openAi().fileIds()).hasSize(1);   // nothing orphaned
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class OpenAiAccount extends ProviderAccount {

    OpenAiAccount(EmulatorState state) {
        super(state, "OpenAI");
    }
}
