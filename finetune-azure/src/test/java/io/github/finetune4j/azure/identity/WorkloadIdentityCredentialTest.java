package io.github.finetune4j.azure.identity;

import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.error.AuthenticationException;
import io.github.finetune4j.core.error.FineTuneException;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.github.finetune4j.azure.support.TestProviders.FIXTURES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkloadIdentityCredentialTest {
    private static final String ASSERTION = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2EifQ.c2lnbmF0dXJl";

    @StartStop
    public final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private WorkloadIdentityCredential fromEnv(Path tokenFile) {
        return WorkloadIdentityCredential.builder().environment(EnvironmentLookup.of(Map.of(
                "AZURE_TENANT_ID", "11111111-2222-3333-4444-555555555555", "AZURE_CLIENT_ID", "workload-client",
                "AZURE_FEDERATED_TOKEN_FILE", tokenFile.toString(), "AZURE_AUTHORITY_HOST",
                server.url("/").toString()))).build();
    }

    @Test
    void exchangesTheFederatedTokenAsAClientAssertion() throws Exception {
        server.enqueue(FIXTURES.json("tokens/entra-token.json"));
        Path file = Files.writeString(dir.resolve("token"), ASSERTION + "\n");

        AccessToken token = fromEnv(file).getToken(TokenRequest.of(TokenRequest.COGNITIVE_SERVICES_SCOPE));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/11111111-2222-3333-4444-555555555555/oauth2/v2.0/token");
        assertThat(ClientSecretCredentialTest.form(request))
                .containsEntry("grant_type", "client_credentials")
                .containsEntry("client_id", "workload-client")
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .containsEntry("client_assertion", ASSERTION)
                .containsEntry("scope", TokenRequest.COGNITIVE_SERVICES_SCOPE)
                .doesNotContainKey("client_secret");
        assertThat(token.token().reveal()).isEqualTo("test-entra-token-0001");
    }

    @Test
    void theTokenFileIsReadAgainForEveryNewToken() throws Exception {
        server.enqueue(FIXTURES.jsonBody(200, "{\"access_token\":\"a\",\"expires_in\":0}"));
        server.enqueue(FIXTURES.jsonBody(200, "{\"access_token\":\"b\",\"expires_in\":3600}"));
        Path file = Files.writeString(dir.resolve("token"), "first-assertion");
        WorkloadIdentityCredential credential = fromEnv(file);

        credential.getToken(TokenRequest.of(TokenRequest.MANAGEMENT_SCOPE));
        Files.writeString(file, "rotated-assertion");
        AccessToken second = credential.getToken(TokenRequest.of(TokenRequest.MANAGEMENT_SCOPE));

        assertThat(ClientSecretCredentialTest.form(server.takeRequest(1, SECONDS)))
                .containsEntry("client_assertion", "first-assertion");
        assertThat(ClientSecretCredentialTest.form(server.takeRequest(1, SECONDS)))
                .containsEntry("client_assertion", "rotated-assertion");
        assertThat(second.token().reveal()).isEqualTo("b");
    }

    @Test
    void aMissingTokenFileFailsBeforeAnyRequestAndNamesTheFile() {
        WorkloadIdentityCredential credential = fromEnv(dir.resolve("missing"));

        assertThatThrownBy(() -> credential.getToken(TokenRequest.of(TokenRequest.MANAGEMENT_SCOPE)))
                .isInstanceOf(FineTuneException.class).hasMessageContaining("missing")
                .hasMessageContaining("AZURE_FEDERATED_TOKEN_FILE");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aRefusedAssertionIsAnAuthenticationExceptionWithoutTheAssertion() throws Exception {
        server.enqueue(FIXTURES.jsonBody(400, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS700213: "
                + "No matching federated identity record found for presented assertion " + ASSERTION + "\"}"));
        Path file = Files.writeString(dir.resolve("token"), ASSERTION);
        WorkloadIdentityCredential credential = fromEnv(file);

        assertThatThrownBy(() -> credential.getToken(TokenRequest.of(TokenRequest.MANAGEMENT_SCOPE)))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.getMessage())
                        .contains("AADSTS700213").doesNotContain(ASSERTION));
    }

    @Test
    void aMissingVariableIsNamed() {
        WorkloadIdentityCredential.Builder builder = WorkloadIdentityCredential.builder()
                .environment(EnvironmentLookup.of(Map.of("AZURE_TENANT_ID", "t", "AZURE_CLIENT_ID", "c")));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AZURE_FEDERATED_TOKEN_FILE");
    }
}
