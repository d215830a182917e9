package io.github.finetune4j.eval.emulator;

import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.openai.OpenAiFineTuning;
import io.github.finetune4j.testkit.FineTuningEmulator;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Clients for the emulator that poll every few milliseconds, and a trained T-1000 job. */
final class EmulatorJobs {
    static final Duration FAST = Duration.ofMillis(5);

    private EmulatorJobs() {
    }

    static FineTuneClient client(FineTuningEmulator emulator) {
        return FineTuneClient.builder()
                .provider(OpenAiFineTuning.builder().apiKey(emulator.apiKey()).baseUrl(emulator.baseUrl()).build())
                .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)))
                .defaultWaitOptions(WaitOptions.builder().fixedInterval(FAST).timeout(Duration.ofSeconds(20)).build())
                .build();
    }

    static FineTuneRequest request() {
        return FineTuneRequest.builder().baseModel("gpt-4o-mini-2024-07-18").trainingData(T1000.training())
                .suffix("t1000").hyperparameters(Hyperparameters.builder().epochs(3).build()).build();
    }

    /** Starts the T-1000 job and waits (at most 20 s) until it succeeded. */
    static Trained train(FineTuneClient client) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            FineTuneJob job = FineTuneJob.start(client, request());
            JobSnapshot done = job.awaitCompletion(WaitOptions.builder().fixedInterval(FAST)
                    .timeout(Duration.ofSeconds(15)).build());
            return new Trained(job, done);
        });
    }

    record Trained(FineTuneJob job, JobSnapshot done) {
    }
}
