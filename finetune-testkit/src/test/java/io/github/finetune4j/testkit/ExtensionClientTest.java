package io.github.finetune4j.testkit;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

@ExtendWith(FineTuningEmulatorExtension.class)
class ExtensionClientTest {
    FineTuneClient injectedField;

    @Test
    void injectedClientTalksToTheInjectedEmulator(FineTuneClient client, FineTuningEmulator emulator) {
        Dataset.Builder data = Dataset.builder().systemPrompt("Du bist der Kundenservice.");
        for (int i = 0; i < 10; i++) {
            data.example("Frage Nummer " + i + "?", "Antwort Nummer " + i + ".");
        }

        JobSnapshot done = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> client.start(FineTuneRequest.builder()
                .baseModel("gpt-4o-mini-2024-07-18").trainingData(data.build()).suffix("ext").build()).awaitCompletion());

        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(client.model(done).chat("Frage Nummer 7?")).isEqualTo("Antwort Nummer 7.");
        assertThat(injectedField).isSameAs(client);
        assertThat(emulator.recordedRequests()).isNotEmpty();
    }
}
