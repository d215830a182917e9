package io.github.finetune4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ArmDeploymentsTest {

    private final EmulatorClock clock = EmulatorClock.manual();
    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(clock).start();
    private final AzureHttp dated = AzureHttp.dated(emulator);
    private final AzureHttp arm = AzureHttp.arm(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void putAnswers201CreatingWithAsyncOperationHeaders() {
        String model = fineTunedModel();

        EmulatorHttp.Reply reply = arm.put(AzureHttp.DEPLOYMENTS + "/t1000", AzureHttp.deploymentBody(model));

        assertThat(reply.status()).isEqualTo(201);
        JsonNode deployment = reply.json();
        assertThat(deployment.get("id").asText()).isEqualTo(AzureHttp.DEPLOYMENTS + "/t1000");
        assertThat(deployment.get("name").asText()).isEqualTo("t1000");
        assertThat(deployment.get("type").asText()).isEqualTo("Microsoft.CognitiveServices/accounts/deployments");
        assertThat(deployment.get("sku").get("name").asText()).isEqualTo("Standard");
        assertThat(deployment.get("properties").get("model").get("name").asText()).isEqualTo(model);
        assertThat(deployment.get("properties").get("provisioningState").asText()).isEqualTo("Creating");
        assertThat(reply.headers().firstValue("Azure-AsyncOperation").orElseThrow())
                .startsWith(emulator.armEndpoint() + "/subscriptions/sub-1/providers/Microsoft.CognitiveServices/"
                        + "locations/swedencentral/operationStatuses/").endsWith("?api-version=2024-10-01");
        assertThat(reply.headers().firstValue("Location").orElseThrow()).contains("/operationResults/");
    }

    @Test
    void provisioningMovesFromCreatingToSucceededAndTheOperationWithIt() {
        String model = fineTunedModel();
        EmulatorHttp.Reply put = arm.put(AzureHttp.DEPLOYMENTS + "/t1000", AzureHttp.deploymentBody(model));
        String operation = path(put.headers().firstValue("Azure-AsyncOperation").orElseThrow());
        String result = path(put.headers().firstValue("Location").orElseThrow());

        String statusBefore = arm.apiVersion(null).get(operation).json().get("status").asText();
        int resultBefore = arm.apiVersion(null).get(result).status();
        clock.advance(FineTuningEmulator.DEFAULT_DEPLOYMENT_DURATION);
        JsonNode deployment = arm.get(AzureHttp.DEPLOYMENTS + "/t1000").json();
        JsonNode operationAfter = arm.apiVersion(null).get(operation).json();
        EmulatorHttp.Reply resultAfter = arm.apiVersion(null).get(result);

        assertThat(statusBefore).isEqualTo("InProgress");
        assertThat(resultBefore).isEqualTo(202);
        assertThat(deployment.get("properties").get("provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(operationAfter.get("status").asText()).isEqualTo("Succeeded");
        assertThat(operationAfter.has("endTime")).isTrue();
        assertThat(resultAfter.status()).isEqualTo(200);
        assertThat(resultAfter.json().get("name").asText()).isEqualTo("t1000");
    }

    @Test
    void deploymentOfAModelThatDoesNotExistFails() {
        EmulatorHttp.Reply put = arm.put(AzureHttp.DEPLOYMENTS + "/ghost",
                AzureHttp.deploymentBody("gpt-4o-mini-2024-07-18.ft-0000000000000000000000000000dead"));
        String operation = path(put.headers().firstValue("Azure-AsyncOperation").orElseThrow());
        clock.advance(FineTuningEmulator.DEFAULT_DEPLOYMENT_DURATION);

        JsonNode deployment = arm.get(AzureHttp.DEPLOYMENTS + "/ghost").json();
        JsonNode status = arm.apiVersion(null).get(operation).json();

        assertThat(put.status()).isEqualTo(201);
        assertThat(deployment.get("properties").get("provisioningState").asText()).isEqualTo("Failed");
        assertThat(status.get("status").asText()).isEqualTo("Failed");
        assertThat(status.get("error").get("code").asText()).isEqualTo("DeploymentModelNotSupported");
    }

    @Test
    void putOnAnExistingDeploymentAnswers200AndListShowsIt() {
        String model = fineTunedModel();
        arm.put(AzureHttp.DEPLOYMENTS + "/t1000", AzureHttp.deploymentBody(model));

        EmulatorHttp.Reply update = arm.put(AzureHttp.DEPLOYMENTS + "/t1000", "{\"sku\":{\"name\":\"standard\","
                + "\"capacity\":5},\"properties\":{\"model\":{\"format\":\"OpenAI\",\"name\":\"" + model + "\"}}}");
        JsonNode list = arm.get(AzureHttp.DEPLOYMENTS).json();

        assertThat(update.status()).isEqualTo(200);
        assertThat(update.json().get("sku").get("capacity").asInt()).isEqualTo(5);
        assertThat(update.json().get("properties").get("model").get("version").asText()).isEqualTo("1");
        assertThat(list.get("value")).hasSize(1);
        assertThat(list.get("value").get(0).get("sku").get("name").asText()).isEqualTo("Standard");
    }

    @Test
    void deleteAnswers202ThenTheDeploymentIsDeletingThenGone() {
        arm.put(AzureHttp.DEPLOYMENTS + "/base", AzureHttp.deploymentBody("gpt-4o-mini-2024-07-18"));
        clock.advance(FineTuningEmulator.DEFAULT_DEPLOYMENT_DURATION);

        EmulatorHttp.Reply deleted = arm.delete(AzureHttp.DEPLOYMENTS + "/base");
        String during = arm.get(AzureHttp.DEPLOYMENTS + "/base").json().get("properties").get("provisioningState")
                .asText();
        clock.advance(Duration.ofSeconds(5));
        EmulatorHttp.Reply after = arm.get(AzureHttp.DEPLOYMENTS + "/base");

        assertThat(deleted.status()).isEqualTo(202);
        assertThat(deleted.headers().firstValue("Location")).isPresent();
        assertThat(during).isEqualTo("Deleting");
        assertThat(after.status()).isEqualTo(404);
        assertThat(after.error().get("code").asText()).isEqualTo("ResourceNotFound");
        assertThat(arm.delete(AzureHttp.DEPLOYMENTS + "/base").status()).isEqualTo(204);
    }

    @Test
    void baseModelCanBeDeployedByNameAndVersion() {
        arm.put(AzureHttp.DEPLOYMENTS + "/mini", "{\"sku\":{\"name\":\"GlobalStandard\",\"capacity\":1},"
                + "\"properties\":{\"model\":{\"format\":\"OpenAI\",\"name\":\"gpt-4o-mini\",\"version\":"
                + "\"2024-07-18\"}}}");
        clock.advance(FineTuningEmulator.DEFAULT_DEPLOYMENT_DURATION);

        JsonNode deployment = arm.get(AzureHttp.DEPLOYMENTS + "/mini").json();

        assertThat(deployment.get("properties").get("provisioningState").asText()).isEqualTo("Succeeded");
    }

    @Test
    void putRejectsABodyWithoutSkuOrModel() {
        EmulatorHttp.Reply noSku = arm.put(AzureHttp.DEPLOYMENTS + "/dep-x", "{\"properties\":{\"model\":{\"name\":"
                + "\"gpt-4o-mini-2024-07-18\"}}}");
        EmulatorHttp.Reply noModel = arm.put(AzureHttp.DEPLOYMENTS + "/dep-x", "{\"sku\":{\"name\":\"Standard\"}}");
        EmulatorHttp.Reply badName = arm.put(AzureHttp.DEPLOYMENTS + "/bad%21", AzureHttp.deploymentBody("m"));

        assertThat(noSku.status()).isEqualTo(400);
        assertThat(noSku.error().get("code").asText()).isEqualTo("InvalidResourceProperties");
        assertThat(noModel.status()).isEqualTo(400);
        assertThat(noModel.error().get("target").asText()).isEqualTo("properties.model.name");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.error().get("code").asText()).isEqualTo("InvalidResourceName");
    }

    @Test
    void jobWithADeployedModelCannotBeDeleted() {
        String model = fineTunedModel();
        String job = dated.get("/models/" + model).json().get("fine_tune").asText();
        arm.put(AzureHttp.DEPLOYMENTS + "/t1000", AzureHttp.deploymentBody(model));

        EmulatorHttp.Reply reply = dated.delete("/fine_tuning/jobs/" + job);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.error().get("code").asText()).isEqualTo("conflict");
    }

    private String fineTunedModel() {
        String file = dated.uploadDataset("t1000-train.jsonl");
        clock.advance(Duration.ofSeconds(2));
        String job = dated.createJob(AzureHttp.jobBody(file)).get("id").asText();
        clock.advance(Duration.ofMinutes(3));
        return dated.job(job).get("fine_tuned_model").asText();
    }

    /** The path and query of a URL the emulator handed out, relative to the ARM endpoint. */
    private String path(String url) {
        URI uri = URI.create(url);
        assertThat(url).startsWith(emulator.armEndpoint());
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
