package io.github.finetune4j.crashtest;

import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.openai.OpenAiFineTuning;
import io.github.finetune4j.testkit.FineTuningEmulator;

import java.time.Duration;

/** Emulators with short phases, and a client that looks at them directly (no faults, no proxy). */
final class Emulators {
    private Emulators() {
    }

    /**
     * An emulator whose jobs take about 0.7 s from creation to success (the default clock runs 50 times faster:
     * files processed in 20 ms, validation 200 ms, queue 100 ms, training 400 ms): short flows, yet a program
     * polling every 50 ms sees the job unfinished a few times.
     *
     * @return the started emulator
     */
    static FineTuningEmulator start() {
        return FineTuningEmulator.builder()
                .fileProcessingDelay(Duration.ofSeconds(1))
                .validationDuration(Duration.ofSeconds(10))
                .queueDuration(Duration.ofSeconds(5))
                .trainingDuration(Duration.ofSeconds(20))
                .start();
    }

    /**
     * A client for the test's own look at the account, sent straight to the emulator.
     *
     * @param emulator the emulator
     * @return the client; close it
     */
    static FineTuneClient observer(FineTuningEmulator emulator) {
        return FineTuneClient.builder()
                .provider(OpenAiFineTuning.builder().apiKey(emulator.apiKey()).baseUrl(emulator.baseUrl()).build())
                .retryPolicy(RetryPolicy.none())
                .build();
    }
}
