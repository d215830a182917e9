package io.github.finetune4j.examples;

import io.github.finetune4j.core.ConsoleProgress;
import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.testkit.FineTuningEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The README's "story in ten lines", configured the way fromEnv() is (OPENAI_API_KEY and OPENAI_BASE_URL), against
 * the emulator. If this test needs changing, the README needs the same change.
 */
class ReadmeStoryTest {
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().start();
    private final EnvironmentLookup environment = EnvironmentLookup.of(Map.of(
            "OPENAI_API_KEY", emulator.apiKey(), "OPENAI_BASE_URL", emulator.baseUrl()));

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void theTenLineStoryTrainsAndAnswersAndReattachesById() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        String answer = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (FineTuneClient client = FineTuneClient.builder().environment(environment)        // = fromEnv()
                    .defaultWaitOptions(WaitOptions.builder().fixedInterval(Duration.ofMillis(50)).build()).build()) {
                Dataset data = T1000Data.dataset();
                FineTuneJob job = FineTuneJob.start(client, FineTuneRequest.builder()
                        .baseModel("gpt-4o-mini-2024-07-18").trainingData(data).suffix("t1000")
                        .hyperparameters(Hyperparameters.builder().epochs(3).build())
                        .build());
                String saved = job.id().value();                                                  // persist this
                JobSnapshot done = FineTuneJob.attach(client, JobId.of(saved)).awaitCompletion(WaitOptions.builder()
                        .timeout(Duration.ofHours(2)).fixedInterval(Duration.ofMillis(50))
                        .listener(new ConsoleProgress(out)).build());
                return client.model(done).withSystemPrompt(T1000Data.SYSTEM_PROMPT)
                        .chat("Ich will meinen T-1000 mit Pril reinigen. Geht das?");
            }
        });

        assertThat(answer).contains("spezielle Reinigungsmittel");
    }
}
