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
 * Together stores no metadata, so a start without its own idempotency key looks for an earlier job of the same
 * content to reuse. Another model, other epochs or another training type on the same data are other jobs: each start
 * here must create its own, while the very same request started twice is one job.
 */
class TogetherContentMatchingTest {
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(EmulatorClock.scaled(500)).start();
    private final FineTuneClient client = TogetherTestClients.client(emulator);

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void anotherBaseModelOnTheSameDataStartsASecondJob() {
        FineTuneJob llama = client.start(FineTuneRequest.builder().baseModel(LLAMA).trainingData(t1000())
                .suffix("t1000").build());
        FineTuneJob qwen = client.start(FineTuneRequest.builder().baseModel(QWEN).trainingData(t1000())
                .suffix("t1000").build());

        assertThat(qwen.id()).isNotEqualTo(llama.id());
        assertThat(qwen.latest().baseModel()).isEqualTo(QWEN);
    }

    @Test
    void otherEpochsOnTheSameDataStartASecondJob() {
        FineTuneJob one = client.start(FineTuneRequest.builder().baseModel(LLAMA).trainingData(t1000())
                .hyperparameters(Hyperparameters.builder().epochs(1).build()).build());
        FineTuneJob five = client.start(FineTuneRequest.builder().baseModel(LLAMA).trainingData(t1000())
                .hyperparameters(Hyperparameters.builder().epochs(5).build()).build());

        assertThat(five.id()).isNotEqualTo(one.id());
        assertThat(five.latest().hyperparameters().epochs()).hasValueSatisfying(
                e -> assertThat(e.number()).hasValue(5));
    }

    @Test
    void fullTrainingAfterLoraOnTheSameDataStartsASecondJob() {
        FineTuneJob lora = client.start(FineTuneRequest.builder().baseModel(LLAMA).trainingData(t1000())
                .providerOptions(TogetherTraining.builder().lora(8, 16).build()).build());
        FineTuneJob full = client.start(FineTuneRequest.builder().baseModel(LLAMA).trainingData(t1000())
                .providerOptions(TogetherTraining.builder().fullTraining().build()).build());

        assertThat(full.id()).isNotEqualTo(lora.id());
        assertThat(full.latest().settings()).containsEntry("training_type", "full");
        assertThat(lora.latest().settings()).containsEntry("training_type", "lora").containsEntry("lora_r", "8");
    }

    @Test
    void theSameRequestStartedTwiceIsOneJob() {
        FineTuneRequest request = FineTuneRequest.builder().baseModel(LLAMA).trainingData(t1000()).suffix("t1000")
                .hyperparameters(Hyperparameters.builder().epochs(2).build())
                .providerOptions(TogetherTraining.builder().lora(8, 16).build()).build();

        FineTuneJob first = client.start(request);
        FineTuneJob again = client.start(request);

        assertThat(again.id()).isEqualTo(first.id());
    }
}
