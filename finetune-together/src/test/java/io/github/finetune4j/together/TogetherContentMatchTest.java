package io.github.finetune4j.together;

import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.testkit.EmulatorClock;
import io.github.finetune4j.testkit.FineTuningEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.finetune4j.together.TogetherTestClients.LLAMA;
import static io.github.finetune4j.together.TogetherTestClients.QWEN;
import static io.github.finetune4j.together.TogetherTestClients.t1000;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Together keeps no metadata, so a start finds an earlier job of the same request by its content: the same data
 * trained again the same way is that job, the same data trained another way is a new one.
 */
class TogetherContentMatchTest {
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(EmulatorClock.scaled(500)).start();
    private final FineTuneClient client = TogetherTestClients.client(emulator);

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void theSameRequestAgainIsTheSameJob() {
        FineTuneJob first = client.start(FineTuneRequest.builder().baseModel(LLAMA).trainingData(t1000())
                .hyperparameters(Hyperparameters.builder().epochs(2).build()).build());
        FineTuneJob again = client.start(FineTuneRequest.builder().baseModel(LLAMA).trainingData(t1000())
                .hyperparameters(Hyperparameters.builder().epochs(2).build()).build());

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(emulator.together().jobIds()).hasSize(1);
    }

    @Test
    void anotherBaseModelOnTheSameDataIsANewJob() {
        FineTuneJob llama = client.start(FineTuneRequest.builder().baseModel(LLAMA).trainingData(t1000())
                .suffix("t1000").build());
        FineTuneJob qwen = client.start(FineTuneRequest.builder().baseModel(QWEN).trainingData(t1000())
                .suffix("t1000").build());

        assertThat(qwen.id()).isNotEqualTo(llama.id());
        assertThat(qwen.latest().baseModel()).isEqualTo(QWEN);
    }

    @Test
    void otherEpochsOnTheSameDataAreANewJob() {
        FineTuneJob one = client.start(FineTuneRequest.builder().baseModel(LLAMA).trainingData(t1000())
                .hyperparameters(Hyperparameters.builder().epochs(1).build()).build());
        FineTuneJob five = client.start(FineTuneRequest.builder().baseModel(LLAMA).trainingData(t1000())
                .hyperparameters(Hyperparameters.builder().epochs(5).build()).build());

        assertThat(five.id()).isNotEqualTo(one.id());
        assertThat(emulator.together().jobIds()).hasSize(2);
    }
}
