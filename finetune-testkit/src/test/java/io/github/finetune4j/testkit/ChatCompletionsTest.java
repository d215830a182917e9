package io.github.finetune4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ChatCompletionsTest {

    private static final String SYSTEM =
            "Du chattest jetzt mit dem Kundenservice für den Hochleistungs-Staubsauger T-1000.";
    private static final String CLEANING_ANSWER = "Wir empfehlen spezielle Reinigungsmittel, um die Lebensdauer zu "
            + "verlängern und Beschädigungen zu vermeiden.";

    private final EmulatorClock clock = EmulatorClock.manual();
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(clock).start();
    private final EmulatorHttp http = new EmulatorHttp(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void fineTunedModelAnswersAnUnseenQuestionFromItsTrainingData() {
        String model = fineTunedModel();

        JsonNode reply = chat(model, "Ich will meinen T-1000 mit Pril reinigen. Geht das?").json();

        assertThat(reply.get("choices").get(0).get("message").get("content").asText()).isEqualTo(CLEANING_ANSWER);
    }

    @Test
    void fineTunedModelPicksTheNearestTrainingQuestion() {
        String model = fineTunedModel();

        String answer = content(chat(model, "Der Sauger ist so laut!"));

        assertThat(answer).startsWith("Entschuldigung für die Unannehmlichkeiten.");
    }

    @Test
    void checkpointModelAnswersLikeTheFineTunedModel() {
        String model = fineTunedModel();

        String answer = content(chat(model + ":ckpt-step-96", "Ich will meinen T-1000 mit Pril reinigen."));

        assertThat(answer).isEqualTo(CLEANING_ANSWER);
    }

    @Test
    void baseModelAnswersGenericallyAndSaysItIsAnEmulation() {
        JsonNode reply = chat("gpt-4o-mini-2024-07-18", "Ich will meinen T-1000 mit Pril reinigen.").json();

        assertThat(reply.get("object").asText()).isEqualTo("chat.completion");
        assertThat(reply.get("id").asText()).startsWith("chatcmpl-");
        assertThat(reply.get("model").asText()).isEqualTo("gpt-4o-mini-2024-07-18");
        JsonNode choice = reply.get("choices").get(0);
        assertThat(choice.get("finish_reason").asText()).isEqualTo("stop");
        assertThat(choice.get("message").get("role").asText()).isEqualTo("assistant");
        assertThat(choice.get("message").get("content").asText())
                .contains("emulated gpt-4o-mini-2024-07-18").contains("not a language model");
        assertThat(reply.get("usage").get("total_tokens").asInt())
                .isEqualTo(reply.get("usage").get("prompt_tokens").asInt()
                        + reply.get("usage").get("completion_tokens").asInt());
    }

    @Test
    void unknownModelAnswers404ModelNotFound() {
        EmulatorHttp.Reply reply = chat("ft:gpt-4o-mini-2024-07-18:emulator::nope", "Hallo");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error().get("code").asText()).isEqualTo("model_not_found");
    }

    @Test
    void deletedFineTunedModelNoLongerAnswers() {
        String model = fineTunedModel();
        http.delete("/models/" + model);

        assertThat(chat(model, "Hallo").status()).isEqualTo(404);
    }

    @Test
    void maxTokensCutsTheAnswerWithFinishReasonLength() {
        ObjectNode body = request(fineTunedModel(), "Ich will meinen T-1000 mit Pril reinigen.");
        body.put("max_completion_tokens", 3);

        JsonNode choice = http.post("/chat/completions", body).json().get("choices").get(0);

        assertThat(choice.get("finish_reason").asText()).isEqualTo("length");
        assertThat(choice.get("message").get("content").asText()).hasSize(12);
    }

    @Test
    void emptyMessagesAndStreamingAreRejected() {
        EmulatorHttp.Reply empty = http.post("/chat/completions",
                "{\"model\":\"gpt-4o-mini-2024-07-18\",\"messages\":[]}");
        ObjectNode streaming = request("gpt-4o-mini-2024-07-18", "Hallo");
        streaming.put("stream", true);

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.error().get("param").asText()).isEqualTo("messages");
        assertThat(http.post("/chat/completions", streaming).error().get("param").asText()).isEqualTo("stream");
    }

    private String fineTunedModel() {
        String file = http.uploadDataset("t1000-train.jsonl");
        String id = http.createJob("{\"model\":\"gpt-4o-mini-2024-07-18\",\"training_file\":\"" + file
                + "\",\"suffix\":\"t1000\"}").get("id").asText();
        clock.advance(Duration.ofMinutes(3));
        return http.job(id).get("fine_tuned_model").asText();
    }

    private EmulatorHttp.Reply chat(String model, String question) {
        return http.post("/chat/completions", request(model, question));
    }

    private static ObjectNode request(String model, String question) {
        ObjectNode body = EmulatorHttp.MAPPER.createObjectNode();
        body.put("model", model);
        var messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM);
        messages.addObject().put("role", "user").put("content", question);
        return body;
    }

    private static String content(EmulatorHttp.Reply reply) {
        return reply.json().get("choices").get(0).get("message").get("content").asText();
    }
}
