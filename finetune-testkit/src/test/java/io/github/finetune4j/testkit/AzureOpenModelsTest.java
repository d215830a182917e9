package io.github.finetune4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Azure AI Foundry's open models on the emulated Azure resource: in the catalog, and refusing tiers they lack. */
class AzureOpenModelsTest {

    private final EmulatorClock clock = EmulatorClock.manual();
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(clock).start();
    private final AzureHttp dated = AzureHttp.dated(emulator);
    private final AzureHttp v1 = AzureHttp.v1(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void catalogListsTheOpenModelsAsFineTunablePreviewsWithoutATrainingTypeField() {
        List<String> ids = new ArrayList<>();
        JsonNode list = v1.get("/models").json();
        list.get("data").forEach(m -> ids.add(m.get("id").asText()));

        assertThat(ids).contains("gpt-4o-mini-2024-07-18", "Ministral-3B", "Qwen-32B", "Llama-3.3-70B-Instruct",
                "gpt-oss-20b");
        JsonNode qwen = dated.get("/models/Qwen-32B").json();
        assertThat(qwen.get("capabilities").get("fine_tune").asBoolean()).isTrue();
        assertThat(qwen.get("lifecycle_status").asText()).isEqualTo("preview");
        assertThat(qwen.get("deprecation").get("fine_tune").asLong()).isGreaterThan(clock.now().getEpochSecond());
        assertThat(qwen.has("trainingType")).isFalse();
    }

    @Test
    void theResourceSaysWhichTiersEachOpenModelAllows() {
        assertThat(emulator.azure().openModels()).containsExactly(
                Map.entry("Ministral-3B", List.of("GlobalStandard")),
                Map.entry("Qwen-32B", List.of("GlobalStandard")),
                Map.entry("Llama-3.3-70B-Instruct", List.of("GlobalStandard", "DataZoneStandard")),
                Map.entry("gpt-oss-20b", List.of("GlobalStandard", "DataZoneStandard")));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"Ministral-3B, GlobalStandard", "Qwen-32B, globalstandard", "Llama-3.3-70B-Instruct, DataZoneStandard",
        "gpt-oss-20b, GlobalStandard"})
    void anOpenModelTrainsWithATierItAllows(String model, String tier) {
        EmulatorHttp.Reply reply = dated.post("/fine_tuning/jobs", body(model, tier, processedFile()));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().get("model").asText()).isEqualTo(model);
    }

    @Test
    void anOpenModelWithStandardIsRefusedAsTheServiceRefusesIt() {
        EmulatorHttp.Reply reply = v1.post("/fine_tuning/jobs", body("Ministral-3B", "Standard", processedFile()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("code").asText()).isEqualTo("invalidPayload");
        assertThat(reply.error().get("message").asText()).startsWith("Standard TrainingType is not supported.")
                .contains("GlobalStandard");
        assertThat(emulator.azure().jobIds()).isEmpty();
    }

    @Test
    void aGptModelTakesEveryTier() {
        String file = processedFile();

        for (String tier : List.of("Standard", "GlobalStandard", "DataZoneStandard", "Developer")) {
            EmulatorHttp.Reply reply = v1.post("/fine_tuning/jobs", body("gpt-4o-mini-2024-07-18", tier, file));
            assertThat(reply.status()).as(tier + ": " + reply.body()).isEqualTo(200);
        }
    }

    @Test
    void aFineTuneOfAnOpenModelKeepsItsTiersWhenTrainedFurther() {
        String file = processedFile();
        String job = dated.createJob(body("Qwen-32B", "GlobalStandard", file)).get("id").asText();
        clock.advance(Duration.ofMinutes(3));
        String tuned = dated.job(job).get("fine_tuned_model").asText();

        EmulatorHttp.Reply standard = dated.post("/fine_tuning/jobs", body(tuned, "Standard", file));
        EmulatorHttp.Reply global = dated.post("/fine_tuning/jobs", body(tuned, "GlobalStandard", file));

        assertThat(tuned).startsWith("Qwen-32B.ft-");
        assertThat(standard.status()).isEqualTo(400);
        assertThat(global.status()).as(global.body()).isEqualTo(201);
    }

    @Test
    void dpoOnAnOpenModelIsRefused() {
        EmulatorHttp.Reply reply = v1.post("/fine_tuning/jobs", "{\"model\":\"Llama-3.3-70B-Instruct\","
                + "\"training_file\":\"" + processedFile() + "\",\"trainingType\":\"GlobalStandard\","
                + "\"method\":{\"type\":\"dpo\"}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("message").asText()).contains("'dpo'", "'supervised' only");
    }

    private static String body(String model, String tier, String file) {
        return "{\"model\":\"" + model + "\",\"training_file\":\"" + file + "\",\"trainingType\":\"" + tier + "\"}";
    }

    private String processedFile() {
        String file = dated.uploadDataset("t1000-train.jsonl");
        clock.advance(Duration.ofSeconds(2));
        return file;
    }
}
