package io.github.finetune4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Azure round trip of the T-1000 story: upload and train on the data plane, deploy through ARM, chat through
 * the deployment on both routes.
 */
class AzureChatTest {

    private static final String PRIL = "Ich will meinen T-1000 mit Pril reinigen. Geht das?";
    private static final String CLEANING_ANSWER = "Wir empfehlen spezielle Reinigungsmittel, um die Lebensdauer zu "
            + "verlängern und Beschädigungen zu vermeiden.";

    private final EmulatorClock clock = EmulatorClock.manual();
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(clock).start();
    private final AzureHttp dated = AzureHttp.dated(emulator);
    private final AzureHttp v1 = AzureHttp.v1(emulator);
    private final AzureHttp arm = AzureHttp.arm(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void deployedFineTunedModelAnswersThePrilQuestionOnTheDatedRoute() {
        deploy("t1000-support", fineTunedModel());

        EmulatorHttp.Reply reply = dated.post("/deployments/t1000-support/chat/completions", chat(null, PRIL));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(content(reply)).isEqualTo(CLEANING_ANSWER);
    }

    @Test
    void deployedFineTunedModelAnswersThePrilQuestionOnV1WithTheDeploymentAsModel() {
        String model = fineTunedModel();
        deploy("t1000-support", model);

        EmulatorHttp.Reply reply = v1.post("/chat/completions", chat("t1000-support", PRIL));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(content(reply)).isEqualTo(CLEANING_ANSWER);
        JsonNode json = reply.json();
        assertThat(json.get("model").asText()).isEqualTo(model);
        assertThat(json.get("prompt_filter_results").get(0).get("content_filter_results").get("hate")
                .get("filtered").asBoolean()).isFalse();
        assertThat(json.get("choices").get(0).get("content_filter_results").has("violence")).isTrue();
    }

    @Test
    void checkpointCanBeDeployedAndAnswersLikeTheModel() {
        String model = fineTunedModel();
        deploy("checkpoint", model + ":ckpt-step-96");

        assertThat(content(v1.post("/chat/completions", chat("checkpoint", PRIL)))).isEqualTo(CLEANING_ANSWER);
    }

    @Test
    void deploymentThatDoesNotExistAnswers404DeploymentNotFound() {
        EmulatorHttp.Reply dated404 = dated.post("/deployments/nope/chat/completions", chat(null, PRIL));
        EmulatorHttp.Reply v1404 = v1.post("/chat/completions", chat("nope", PRIL));

        assertThat(dated404.status()).isEqualTo(404);
        assertThat(dated404.error().get("code").asText()).isEqualTo("DeploymentNotFound");
        assertThat(v1404.status()).isEqualTo(404);
        assertThat(v1404.error().get("code").asText()).isEqualTo("DeploymentNotFound");
    }

    @Test
    void deploymentStillCreatingAnswers404DeploymentNotFound() {
        String model = fineTunedModel();
        arm.put(AzureHttp.DEPLOYMENTS + "/t1000-support", AzureHttp.deploymentBody(model));

        EmulatorHttp.Reply reply = v1.post("/chat/completions", chat("t1000-support", PRIL));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error().get("code").asText()).isEqualTo("DeploymentNotFound");
    }

    @Test
    void modelIdIsNotADeploymentOnV1() {
        String model = fineTunedModel();

        EmulatorHttp.Reply reply = v1.post("/chat/completions", chat(model, PRIL));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error().get("code").asText()).isEqualTo("DeploymentNotFound");
    }

    @Test
    void deployedBaseModelAnswersGenerically() {
        deploy("mini", "gpt-4o-mini-2024-07-18");

        assertThat(content(v1.post("/chat/completions", chat("mini", PRIL))))
                .contains("emulated gpt-4o-mini-2024-07-18");
    }

    private String fineTunedModel() {
        String file = dated.uploadDataset("t1000-train.jsonl");
        clock.advance(Duration.ofSeconds(2));
        String job = dated.createJob("{\"model\":\"gpt-4o-mini-2024-07-18\",\"training_file\":\"" + file
                + "\",\"suffix\":\"t1000\",\"trainingType\":\"Developer\"}").get("id").asText();
        clock.advance(Duration.ofMinutes(3));
        return dated.job(job).get("fine_tuned_model").asText();
    }

    private void deploy(String name, String model) {
        EmulatorHttp.Reply put = arm.put(AzureHttp.DEPLOYMENTS + "/" + name, AzureHttp.deploymentBody(model));
        assertThat(put.status()).as(put.body()).isEqualTo(201);
        clock.advance(FineTuningEmulator.DEFAULT_DEPLOYMENT_DURATION);
        assertThat(arm.get(AzureHttp.DEPLOYMENTS + "/" + name).json().get("properties").get("provisioningState")
                .asText()).isEqualTo("Succeeded");
    }

    private static String chat(String model, String question) {
        ObjectNode body = EmulatorHttp.MAPPER.createObjectNode();
        if (model != null) {
            body.put("model", model);
        }
        body.putArray("messages").addObject().put("role", "user").put("content", question);
        return body.toString();
    }

    private static String content(EmulatorHttp.Reply reply) {
        return reply.json().get("choices").get(0).get("message").get("content").asText();
    }
}
