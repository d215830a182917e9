package io.github.finetune4j.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AzureAuthAndVersionTest {

    private final FineTuningEmulator emulator = FineTuningEmulator.builder().clock(EmulatorClock.manual()).start();
    private final AzureHttp dated = AzureHttp.dated(emulator);
    private final AzureHttp v1 = AzureHttp.v1(emulator);
    private final AzureHttp arm = AzureHttp.arm(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void endpointsAreTheEmulatorOrigin() {
        assertThat(emulator.azureEndpoint()).isEqualTo("http://127.0.0.1:" + emulator.port());
        assertThat(emulator.armEndpoint()).isEqualTo(emulator.azureEndpoint());
    }

    @Test
    void apiKeyHeaderAndBearerTokenAreBothAccepted() {
        assertThat(dated.get("/models").status()).isEqualTo(200);
        assertThat(v1.get("/models").status()).isEqualTo(200);
        assertThat(dated.auth("Authorization", "Bearer " + emulator.apiKey()).get("/models").status())
                .isEqualTo(200);
    }

    @Test
    void missingOrWrongKeyAnswers401WithTheGatewayBody() {
        EmulatorHttp.Reply missing = dated.auth(null, null).get("/models");
        EmulatorHttp.Reply wrongKey = v1.auth("api-key", "wrong").get("/models");
        EmulatorHttp.Reply wrongToken = dated.auth("Authorization", "Bearer wrong").get("/models");

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.error().get("code").asText()).isEqualTo("401");
        assertThat(missing.error().get("message").asText()).startsWith("Access denied due to invalid subscription key");
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(wrongToken.error().get("message").asText()).contains("Access token is missing, invalid");
    }

    @Test
    void armTakesOnlyABearerToken() {
        EmulatorHttp.Reply withKey = arm.auth("api-key", emulator.apiKey()).get(AzureHttp.DEPLOYMENTS);
        EmulatorHttp.Reply wrongToken = arm.auth("Authorization", "Bearer wrong").get(AzureHttp.DEPLOYMENTS);

        assertThat(arm.get(AzureHttp.DEPLOYMENTS).status()).isEqualTo(200);
        assertThat(withKey.status()).isEqualTo(401);
        assertThat(withKey.error().get("code").asText()).isEqualTo("AuthenticationFailed");
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(wrongToken.error().get("code").asText()).isEqualTo("InvalidAuthenticationToken");
    }

    @Test
    void datedRouteWithoutApiVersionAnswers404ResourceNotFoundAsTheServiceDoes() {
        EmulatorHttp.Reply reply = dated.apiVersion(null).get("/models");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error().get("code").asText()).isEqualTo("404");
        assertThat(reply.error().get("message").asText()).isEqualTo("Resource not found");
    }

    @Test
    void datedRouteAcceptsGaAndPreviewVersionsButNotOldOnes() {
        assertThat(dated.apiVersion("2024-06-01").get("/fine_tuning/jobs").status()).isEqualTo(200);
        assertThat(dated.apiVersion("2025-04-01-preview").get("/fine_tuning/jobs").status()).isEqualTo(200);
        assertThat(dated.apiVersion("2023-05-15").get("/fine_tuning/jobs").status()).isEqualTo(404);
        assertThat(dated.apiVersion("latest").get("/fine_tuning/jobs").status()).isEqualTo(404);
    }

    @Test
    void v1TakesNoVersionOrV1OrPreview() {
        assertThat(v1.apiVersion("v1").get("/models").status()).isEqualTo(200);
        assertThat(v1.apiVersion("preview").get("/models").status()).isEqualTo(200);
        EmulatorHttp.Reply dated2024 = v1.apiVersion("2024-10-21").get("/models");

        assertThat(dated2024.status()).isEqualTo(400);
        assertThat(dated2024.error().get("type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void armWithoutApiVersionAnswers400MissingApiVersionParameter() {
        EmulatorHttp.Reply missing = arm.apiVersion(null).get(AzureHttp.DEPLOYMENTS);
        EmulatorHttp.Reply invalid = arm.apiVersion("2024-10-21x").get(AzureHttp.DEPLOYMENTS);

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error().get("code").asText()).isEqualTo("MissingApiVersionParameter");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.error().get("code").asText()).isEqualTo("InvalidApiVersionParameter");
    }

    @Test
    void responsesCarryAzureRequestIdAndRegionHeaders() {
        EmulatorHttp.Reply data = v1.get("/models");
        EmulatorHttp.Reply management = arm.get(AzureHttp.DEPLOYMENTS);

        assertThat(data.headers().firstValue("apim-request-id").orElseThrow())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(data.headers().firstValue("x-ms-region")).isPresent();
        assertThat(management.headers().firstValue("x-ms-request-id")).isPresent();
    }

    @Test
    void unknownAzurePathAnswers404ResourceNotFound() {
        EmulatorHttp.Reply reply = dated.get("/nothing/here");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error().get("message").asText()).isEqualTo("Resource not found");
    }
}
