package io.github.finetune4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AzureModelsTest {

    private final EmulatorClock clock = EmulatorClock.manual();
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(clock).start();
    private final AzureHttp dated = AzureHttp.dated(emulator);
    private final AzureHttp v1 = AzureHttp.v1(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void fineTunableBaseModelHasCapabilityAndFutureRetirementDates() {
        long now = clock.now().getEpochSecond();

        JsonNode model = model(dated.get("/models").json(), "gpt-4o-mini-2024-07-18");

        assertThat(model.get("object").asText()).isEqualTo("model");
        assertThat(model.get("capabilities").get("fine_tune").asBoolean()).isTrue();
        assertThat(model.get("capabilities").get("chat_completion").asBoolean()).isTrue();
        assertThat(model.get("lifecycle_status").asText()).isEqualTo("generally-available");
        assertThat(model.get("deprecation").get("fine_tune").asLong()).isGreaterThan(now);
        assertThat(model.get("deprecation").get("inference").asLong()).isGreaterThan(now);
    }

    @Test
    void catalogListsAModelThatCannotBeFineTunedAnyMore() {
        JsonNode model = dated.get("/models/gpt-35-turbo-0301").json();

        assertThat(model.get("capabilities").get("fine_tune").asBoolean()).isFalse();
        assertThat(model.get("deprecation").get("fine_tune").asLong()).isLessThan(clock.now().getEpochSecond());
    }

    @Test
    void fineTunedModelAppearsWithItsBaseAndJob() {
        String file = dated.uploadDataset("t1000-train.jsonl");
        clock.advance(Duration.ofSeconds(2));
        String job = dated.createJob(AzureHttp.jobBody(file)).get("id").asText();
        clock.advance(Duration.ofMinutes(3));
        String name = dated.job(job).get("fine_tuned_model").asText();

        JsonNode model = dated.get("/models/" + name).json();

        assertThat(model.get("id").asText()).isEqualTo(name);
        assertThat(model.get("model").asText()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(model.get("fine_tune").asText()).isEqualTo(job);
        assertThat(model.get("status").asText()).isEqualTo("succeeded");
        assertThat(model.get("deprecation").has("fine_tune")).isFalse();
        assertThat(model.get("deprecation").get("inference").asLong()).isGreaterThan(clock.now().getEpochSecond());
    }

    @Test
    void v1ModelsAddOpenAiFieldsToTheAzureOnes() {
        JsonNode model = model(v1.get("/models").json(), "gpt-4o-mini-2024-07-18");

        assertThat(model.get("created").isNumber()).isTrue();
        assertThat(model.get("owned_by").asText()).isEqualTo("finetune4j-emulator");
        assertThat(model.get("capabilities").get("fine_tune").asBoolean()).isTrue();
        assertThat(model.get("deprecation").get("fine_tune").isNumber()).isTrue();
    }

    @Test
    void unknownModelAnswers404() {
        EmulatorHttp.Reply reply = dated.get("/models/gpt-99");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error().get("code").asText()).isEqualTo("notFound");
    }

    private static JsonNode model(JsonNode list, String id) {
        for (JsonNode model : list.get("data")) {
            if (model.get("id").asText().equals(id)) {
                return model;
            }
        }
        throw new AssertionError("no model " + id + " in " + list);
    }
}
