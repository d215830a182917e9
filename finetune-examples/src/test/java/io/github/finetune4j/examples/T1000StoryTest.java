package io.github.finetune4j.examples;

import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.openai.OpenAiFineTuning;
import io.github.finetune4j.testkit.EmulatorClock;
import io.github.finetune4j.testkit.FineTuningEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class T1000StoryTest {
    private static final String SPECIAL_AGENTS_ANSWER =
            "Wir empfehlen spezielle Reinigungsmittel, um die Lebensdauer zu verlängern und Beschädigungen zu vermeiden.";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(EmulatorClock.scaled(200)).build().start();
    private final FineTuneClient client = FineTuneClient.builder()
            .provider(OpenAiFineTuning.builder().apiKey(emulator.apiKey()).baseUrl(emulator.baseUrl()).build())
            .defaultWaitOptions(WaitOptions.builder().fixedInterval(Duration.ofMillis(20)).build()).build();

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void storyTrainsTheBotAndAnswersThePrilQuestionWithTheSpecialCleaningAgentsAnswer() {
        T1000Story story = new T1000Story(out);

        String answer = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> story.run(client));

        assertThat(answer).isEqualTo(SPECIAL_AGENTS_ANSWER);
        assertThat(printed())
                .contains("Training data: 12 examples")
                .contains("uploaded t1000-kundenservice-")
                .contains("created on openai (validating_files)").contains("-> running").contains("running -> succeeded")
                .contains("Step 36/36: training loss=").contains("checkpoint at step 36")
                .contains("Fine-tuned model: ft:gpt-4o-mini-2024-07-18:")
                .contains("Antwort: " + SPECIAL_AGENTS_ANSWER);
    }

    @Test
    void withAListenerAttachedTheLibraryLogsNothingAtInfoOrAbove() {
        Logger library = Logger.getLogger("io.github.finetune4j");
        List<String> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                    records.add(record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level configured = library.getLevel();
        library.setLevel(Level.ALL);
        library.setUseParentHandlers(false);
        library.addHandler(capture);
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> new T1000Story(out).run(client));
        } finally {
            library.removeHandler(capture);
            library.setUseParentHandlers(true);
            library.setLevel(configured);
        }

        assertThat(records).isEmpty();
        assertThat(printed()).contains("running -> succeeded");               // the listener said it instead
    }

    @Test
    void restartedStoryFindsTheJobOfTheFirstRunInsteadOfStartingAnother() throws Exception {
        // The first run started the job and was stopped while it ran.
        FineTuneJob running = client.start(FineTuneRequest.builder().baseModel("gpt-4o-mini-2024-07-18")
                .trainingData(T1000Data.dataset()).suffix("t1000")
                .hyperparameters(io.github.finetune4j.core.model.Hyperparameters.builder().epochs(3).build()).build());
        T1000Story restarted = new T1000Story(out);

        String answer = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> restarted.run(client));

        assertThat(printed()).contains("job " + running.id() + " of an earlier run found again")
                .doesNotContain("uploaded t1000");
        assertThat(answer).isEqualTo(SPECIAL_AGENTS_ANSWER);
        assertThat(client.listJobs(io.github.finetune4j.core.model.PageRequest.first()).stream().count()).isEqualTo(1);
    }

    @Test
    void failingJobSurfacesTheProvidersErrorCode() {
        emulator.faults().failNextJob(3, "server_error", "The job failed due to an internal error.");
        FineTuneJob job = client.start(FineTuneRequest.builder().baseModel("gpt-4o-mini-2024-07-18")
                .trainingData(T1000Data.dataset()).build());

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> assertTimeoutPreemptively(
                Duration.ofSeconds(60), () -> job.awaitCompletion(WaitOptions.builder().fixedInterval(Duration.ofMillis(20)).build())));

        assertThat(thrown).isInstanceOfSatisfying(io.github.finetune4j.core.error.JobFailedException.class, e -> {
            assertThat(e.error()).hasValueSatisfying(err -> assertThat(err.code()).contains("server_error"));
            assertThat(e.snapshot().status()).isEqualTo(JobStatus.FAILED);
        });
    }

    @Test
    void injectedRateLimitsAndOutagesNeitherFailNorDuplicateTheJob() {
        emulator.faults().inject(io.github.finetune4j.testkit.Fault.rateLimit(Duration.ofMillis(10)).times(2));
        emulator.faults().inject(io.github.finetune4j.testkit.Fault.serviceUnavailable().onPath("/fine_tuning/jobs").times(1));
        FineTuneClient patient = FineTuneClient.builder()
                .provider(OpenAiFineTuning.builder().apiKey(emulator.apiKey()).baseUrl(emulator.baseUrl()).build())
                .retryPolicy(io.github.finetune4j.core.RetryPolicy.defaults().withBackoff(Duration.ofMillis(5), Duration.ofMillis(20)))
                .defaultWaitOptions(WaitOptions.builder().fixedInterval(Duration.ofMillis(20)).build())
                .build();

        JobSnapshot done = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> patient.start(FineTuneRequest.builder()
                .baseModel("gpt-4o-mini-2024-07-18").trainingData(T1000Data.dataset()).build()).awaitCompletion());

        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(patient.listJobs(io.github.finetune4j.core.model.PageRequest.first()).stream().count()).isEqualTo(1);
        patient.close();
    }
}
