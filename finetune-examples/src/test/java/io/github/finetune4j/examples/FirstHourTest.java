package io.github.finetune4j.examples;

import io.github.finetune4j.core.ConsoleProgress;
import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.error.NotFoundException;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.openai.OpenAiFineTuning;
import io.github.finetune4j.testkit.EmulatorClock;
import io.github.finetune4j.testkit.FineTuningEmulator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What a new user meets in the first hour, tried on the emulator as a program would. */
class FirstHourTest {
    private static final String MODEL = "gpt-4o-mini-2024-07-18";

    private static Dataset examples(int n) {
        Dataset.Builder data = Dataset.builder().name("first-hour");
        for (int i = 0; i < n; i++) {
            data.example("Frage " + i + "?", "Antwort " + i + ".");
        }
        return data.build();
    }

    private static FineTuneClient client(FineTuningEmulator emulator, Duration cadence) {
        return FineTuneClient.builder()
                .provider(OpenAiFineTuning.builder().apiKey(emulator.apiKey()).baseUrl(emulator.baseUrl()).build())
                .defaultWaitOptions(WaitOptions.builder().fixedInterval(cadence).build())
                .build();
    }

    @Test
    void waitOptionsWithOnlyATimeoutKeepTheClientsPollingCadence() {
        try (FineTuningEmulator emulator = FineTuningEmulator.builder().clock(EmulatorClock.scaled(20)).build()
                .start();
             FineTuneClient client = client(emulator, Duration.ofMillis(20))) {
            FineTuneJob job = FineTuneJob.start(client, FineTuneRequest.builder().baseModel(MODEL)
                    .trainingData(examples(10)).build());
            int before = emulator.recordedRequests().size();

            JobSnapshot done = job.awaitCompletion(WaitOptions.builder().timeout(Duration.ofMinutes(5)).build());

            long polls = emulator.recordedRequests().subList(before, emulator.recordedRequests().size()).stream()
                    .filter(r -> r.method().equals("GET") && r.path().endsWith("/fine_tuning/jobs/" + job.id().value()))
                    .count();
            assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
            // at the default 5 s cadence a job of a few seconds is polled once or twice
            assertThat(polls).as("polls at the client's 20 ms cadence").isGreaterThan(20);
        }
    }

    @Test
    void reattachingToAJobTheProviderDoesNotKnowSaysWhyAndWhatToDo() {
        try (FineTuningEmulator emulator = FineTuningEmulator.builder().build().start();
             FineTuneClient client = client(emulator, Duration.ofMillis(20))) {
            Throwable thrown = catchThrowable(() -> FineTuneJob.attach(client, JobId.of("ftjob-from-an-old-run")));

            assertThat(thrown).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("ftjob-from-an-old-run")
                    .hasMessageContaining("emulator that has stopped")
                    .hasMessageContaining("Start the job again");
        }
    }

    @Test
    void aThreeThousandStepJobPrintsAFewLinesWhenNotOnATerminal() {
        try (FineTuningEmulator emulator = FineTuningEmulator.builder().clock(EmulatorClock.scaled(2000)).build()
                .start();
             FineTuneClient client = client(emulator, Duration.ofMillis(20))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));

            JobSnapshot done = FineTuneJob.start(client, FineTuneRequest.builder().baseModel(MODEL)
                    .trainingData(examples(1000))
                    .hyperparameters(Hyperparameters.builder().epochs(3).batchSize(1).build()).build(), progress)
                    .awaitCompletion();

            String printed = bytes.toString(StandardCharsets.UTF_8);
            long linesWhileTraining = printed.lines().dropWhile(l -> !l.contains("created on")).count();
            assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(printed).contains("Step 3000/3000");
            assertThat(linesWhileTraining).as(printed).isLessThanOrEqualTo(35);
        }
    }
}
