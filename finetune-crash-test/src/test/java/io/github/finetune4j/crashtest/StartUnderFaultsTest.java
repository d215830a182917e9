package io.github.finetune4j.crashtest;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.RateLimitException;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.openai.OpenAiFineTuning;
import io.github.finetune4j.testkit.Fault;
import io.github.finetune4j.testkit.FineTuningEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** {@code start()} in one process against the emulator's faults: a late create, an empty quota, an echoing gateway. */
class StartUnderFaultsTest {
    private static final Duration BOUND = Duration.ofSeconds(60);

    private final FineTuningEmulator emulator = Emulators.start();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        emulator.close();
    }

    private FineTuneClient client() {
        return FineTuneClient.builder()
                .provider(OpenAiFineTuning.builder().apiKey(emulator.apiKey()).baseUrl(emulator.baseUrl()).build())
                .requestTimeout(Duration.ofSeconds(2))
                .uploadStateDirectory(dir.resolve("state"))
                .build();
    }

    private FineTuneRequest request(String tag) {
        return FineTuneRequest.builder().baseModel("gpt-4o-mini-2024-07-18")
                .trainingData(Dataset.fromJsonl(TrainingData.write(dir.resolve("t1000.jsonl"), 0, tag))).build();
    }

    private long creates() {
        return emulator.recordedRequests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/v1/fine_tuning/jobs")).count();
    }

    @Test
    void aCreateThatArrivesAfterTheClientsTimeoutIsFoundNotRepeated() {
        emulator.faults().inject(Fault.lateArrival(Duration.ofSeconds(4)).onMethod("POST")
                .onPath("/v1/fine_tuning/jobs"));

        try (FineTuneClient client = client()) {
            FineTuneJob job = assertTimeoutPreemptively(BOUND, () -> FineTuneJob.start(client, request("late")));

            assertThat(emulator.openAi().jobIds()).containsExactly(job.id().value());
            assertThat(creates()).as("create requests: the late one only").isEqualTo(1);
        }
    }

    @Test
    void anEmptyQuotaEndsTheStartAtOnceTypedAndLeavesNoFile() {
        emulator.faults().inject(Fault.insufficientQuota().onMethod("POST").onPath("/v1/fine_tuning/jobs"));

        try (FineTuneClient client = client()) {
            RateLimitException e = assertTimeoutPreemptively(BOUND, () -> catchThrowableOfType(
                    () -> FineTuneJob.start(client, request("quota")), RateLimitException.class));

            assertThat(e.isQuotaExhausted()).isTrue();
            assertThat(creates()).as("not retried").isEqualTo(1);
            assertThat(emulator.openAi().jobIds()).isEmpty();
            assertThat(emulator.openAi().fileIds()).as("the uploaded file is deleted").isEmpty();
        }
    }

    @Test
    void aGatewayThatEchoesTheRequestHeadersNeverPutsTheKeyIntoTheException() {
        emulator.faults().inject(Fault.echoRequestHeaders().onMethod("POST").onPath("/v1/files"));

        try (FineTuneClient client = client()) {
            FineTuneException e = assertTimeoutPreemptively(BOUND, () -> catchThrowableOfType(
                    () -> FineTuneJob.start(client, request("echo")), FineTuneException.class));

            StringWriter everything = new StringWriter();
            e.printStackTrace(new PrintWriter(everything));
            assertThat(everything.toString()).contains("POST").doesNotContain(emulator.apiKey());
            assertThat(emulator.openAi().jobIds()).isEmpty();
        }
    }
}
