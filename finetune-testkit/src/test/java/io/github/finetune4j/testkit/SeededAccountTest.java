package io.github.finetune4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An OpenAI account seeded with fine-tunes that existed before the test, next to an Azure resource in the same
 * emulator: what a migration starts from.
 */
class SeededAccountTest {

    private static final String PRIL = "Ich will meinen T-1000 mit Pril reinigen. Geht das?";
    private static final String CLEANING = "Wir empfehlen spezielle Reinigungsmittel, um die Lebensdauer zu "
            + "verlängern und Beschädigungen zu vermeiden.";

    private final EmulatorClock clock = EmulatorClock.manual();
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(clock).start();
    private final EmulatorHttp openAi = new EmulatorHttp(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void seededJobsAndModelsAreThereAsTheServiceWouldListThem() {
        SeededJob withValidation = emulator.openAi().seedSucceededJob(JobSeed.builder()
                .baseModel("gpt-4o-mini-2024-07-18").suffix("support")
                .trainingData(EmulatorHttp.dataset("t1000-train.jsonl"))
                .validationData(EmulatorHttp.dataset("t1000-validation.jsonl")).epochs(3)
                .putMetadata("team", "support").build());
        SeededJob plain = emulator.openAi().seedSucceededJob(JobSeed.builder()
                .baseModel("gpt-4.1-mini-2025-04-14").suffix("faq").trainingFilename("faq.jsonl")
                .trainingData(EmulatorHttp.dataset("t1000-train.jsonl"))
                .createdAt(clock.now().minus(Duration.ofDays(90))).build());

        JsonNode jobs = openAi.get("/fine_tuning/jobs").json().get("data");
        JsonNode first = openAi.job(withValidation.jobId());
        JsonNode model = openAi.get("/models/" + withValidation.fineTunedModel()).json();

        assertThat(jobs.findValuesAsText("id")).containsExactly(withValidation.jobId(), plain.jobId());
        assertThat(first.get("status").asText()).isEqualTo("succeeded");
        assertThat(first.get("created_at").asLong())
                .isEqualTo(clock.now().minus(JobSeed.DEFAULT_AGE).getEpochSecond());
        assertThat(first.get("fine_tuned_model").asText()).isEqualTo(withValidation.fineTunedModel())
                .matches("ft:gpt-4o-mini-2024-07-18:emulator:support:[A-Za-z0-9]{8}");
        assertThat(first.get("validation_file").asText()).isEqualTo(withValidation.validationFileId().orElseThrow());
        assertThat(first.get("hyperparameters").get("n_epochs").asInt()).isEqualTo(3);
        assertThat(first.get("metadata").get("team").asText()).isEqualTo("support");
        assertThat(first.get("result_files").get(0).asText()).isEqualTo(withValidation.resultFileId());
        assertThat(plain.validationFileId()).isEmpty();
        assertThat(model.get("shutdown_date").asText()).isEqualTo("2027-01-14");
        assertThat(openAi.get("/models/gpt-4o-mini-2024-07-18").json().get("shutdown_date").asText())
                .isEqualTo("2027-01-14");
        assertThat(openAi.get("/files/" + plain.trainingFileId()).json().get("filename").asText())
                .isEqualTo("faq.jsonl");
        assertThat(openAi.get("/files/" + withValidation.trainingFileId() + "/content").bytes())
                .isEqualTo(EmulatorHttp.dataset("t1000-train.jsonl"));
        assertThat(chat(withValidation.fineTunedModel())).isEqualTo(CLEANING);
    }

    @Test
    void deletedTrainingFileIsNamedByTheJobButAnswersAsADeletedFile() {
        SeededJob job = emulator.openAi().seedSucceededJob(JobSeed.builder().baseModel("gpt-4o-2024-08-06")
                .trainingData(EmulatorHttp.dataset("t1000-train.jsonl")).deleteTrainingFile().build());

        EmulatorHttp.Reply content = openAi.get("/files/" + job.trainingFileId() + "/content");

        assertThat(openAi.job(job.jobId()).get("training_file").asText()).isEqualTo(job.trainingFileId());
        assertThat(content.status()).isEqualTo(404);
        assertThat(content.error().get("message").asText()).isEqualTo("No such File object: " + job.trainingFileId());
        assertThat(openAi.get("/files/" + job.trainingFileId()).status()).isEqualTo(404);
        assertThat(emulator.openAi().fileIds()).doesNotContain(job.trainingFileId());
        assertThat(chat(job.fineTunedModel())).isEqualTo(CLEANING);
    }

    @Test
    void fineTuneOfARetiredBaseCarriesItsShutdownDateAndStopsAnsweringThen() {
        SeededJob job = emulator.openAi().seedSucceededJob(JobSeed.builder().baseModel("gpt-3.5-turbo-0125")
                .trainingData(EmulatorHttp.dataset("t1000-train.jsonl")).build());

        String shutdown = openAi.get("/models/" + job.fineTunedModel()).json().get("shutdown_date").asText();
        String before = chat(job.fineTunedModel());
        clock.advance(Duration.between(clock.now(), Instant.parse("2026-10-23T00:00:00Z")));
        EmulatorHttp.Reply after = openAi.post("/chat/completions", chatBody(job.fineTunedModel()));

        assertThat(shutdown).isEqualTo("2026-10-23");
        assertThat(before).isEqualTo(CLEANING);
        assertThat(after.status()).isEqualTo(404);
        assertThat(after.error().get("message").asText()).contains("has been deprecated");
        assertThat(openAi.get("/models/gpt-3.5-turbo-0125").status()).isEqualTo(404);
    }

    @Test
    void azureResourceInTheSameEmulatorIsAnotherProvider() {
        SeededJob seeded = emulator.openAi().seedSucceededJob(JobSeed.builder().baseModel("gpt-4o-mini-2024-07-18")
                .trainingData(EmulatorHttp.dataset("t1000-train.jsonl")).build());
        AzureHttp azure = AzureHttp.v1(emulator);
        String file = azure.uploadDataset("t1000-train.jsonl");
        clock.advance(Duration.ofSeconds(2));
        String azureJob = azure.createJob(AzureHttp.jobBody(file)).get("id").asText();

        assertThat(azure.get("/fine_tuning/jobs").json().get("data").findValuesAsText("id")).containsExactly(azureJob);
        assertThat(azure.get("/fine_tuning/jobs/" + seeded.jobId()).status()).isEqualTo(404);
        assertThat(emulator.azure().jobIds()).containsExactly(azureJob);
        assertThat(emulator.openAi().jobIds()).containsExactly(seeded.jobId());
        assertThat(emulator.azure().fileIds()).containsExactly(file);
    }

    @Test
    void aJobCreatedNowListsBeforeSeededOnesAndSeedingLeavesAPendingFailureForIt() {
        emulator.faults().failNextJob(1, "server_error", "boom");
        SeededJob seeded = emulator.openAi().seedSucceededJob(JobSeed.builder().baseModel("gpt-4o-mini-2024-07-18")
                .trainingData(EmulatorHttp.dataset("t1000-train.jsonl")).build());
        String file = openAi.uploadDataset("t1000-train.jsonl");
        String live = openAi.createJob("{\"model\":\"gpt-4o-mini-2024-07-18\",\"training_file\":\"" + file + "\"}")
                .get("id").asText();
        clock.advance(Duration.ofMinutes(3));

        assertThat(openAi.get("/fine_tuning/jobs").json().get("data").findValuesAsText("id"))
                .containsExactly(live, seeded.jobId());
        assertThat(openAi.job(seeded.jobId()).get("status").asText()).isEqualTo("succeeded");
        assertThat(openAi.job(live).get("status").asText()).isEqualTo("failed");
    }

    @Test
    void seedsThatCouldNotHaveTrainedAreRefusedWithTheReason() {
        byte[] data = EmulatorHttp.dataset("t1000-train.jsonl");

        assertThatThrownBy(() -> emulator.openAi().seedSucceededJob(JobSeed.builder().baseModel("gpt-5")
                .trainingData(data).build())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gpt-5");
        assertThatThrownBy(() -> emulator.openAi().seedSucceededJob(JobSeed.builder()
                .baseModel("gpt-4o-mini-2024-07-18").trainingData(EmulatorHttp.dataset("t1000-four-examples.jsonl"))
                .build())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 10");
        assertThatThrownBy(() -> emulator.openAi().seedSucceededJob(JobSeed.builder()
                .baseModel("gpt-4o-mini-2024-07-18").trainingData(data).createdAt(clock.now().minusSeconds(30))
                .build())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too recent");
        assertThatThrownBy(() -> JobSeed.builder().trainingData(data).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("baseModel");
        assertThatThrownBy(() -> JobSeed.builder().suffix("no spaces")).isInstanceOf(IllegalArgumentException.class);
        assertThat(emulator.openAi().jobIds()).isEmpty();
        assertThat(emulator.openAi().fileIds()).isEmpty();
    }

    private String chat(String model) {
        return openAi.post("/chat/completions", chatBody(model)).json().get("choices").get(0).get("message")
                .get("content").asText();
    }

    private static String chatBody(String model) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + PRIL + "\"}]}";
    }
}
