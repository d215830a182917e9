package io.github.finetune4j.together;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.testkit.EmulatorClock;
import io.github.finetune4j.testkit.FineTuningEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.github.finetune4j.together.TogetherTestClients.LLAMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Together checks every uploaded file itself; a file it refuses ends the start with its reason, and no job. */
class TogetherFileCheckTest {
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(EmulatorClock.scaled(500)).start();
    private final FineTuneClient client = TogetherTestClients.client(emulator);

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void aFileTogethersCheckRefusesEndsTheStartWithItsReasonAndLeavesNothing() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // two user messages in a row: a warning for the pre-flight, a refusal for Together's check
            lines.add("{\"messages\":[{\"role\":\"user\",\"content\":\"Frage " + i + "\"},{\"role\":\"user\","
                    + "\"content\":\"noch eine " + i + "\"},{\"role\":\"assistant\",\"content\":\"Antwort " + i
                    + "\"}]}");
        }
        Path file = Files.write(dir.resolve("two-users.jsonl"), lines);

        FineTuneException e = catchThrowableOfType(() -> client.start(FineTuneRequest.builder().baseModel(LLAMA)
                .trainingData(Dataset.fromJsonl(file)).build()), FineTuneException.class);

        assertThat(e).hasMessageContaining("Together's file check").hasMessageContaining("INVALID_FORMAT")
                .hasMessageContaining("Line 1").hasMessageContaining("two \"user\" messages in a row");
        assertThat(emulator.together().jobIds()).as("no job").isEmpty();
        assertThat(emulator.together().fileIds()).as("the refused file is deleted").isEmpty();
    }
}
