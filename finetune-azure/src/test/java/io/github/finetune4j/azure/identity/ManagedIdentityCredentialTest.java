package io.github.finetune4j.azure.identity;

import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.error.AuthenticationException;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.github.finetune4j.azure.support.TestProviders.FIXTURES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ManagedIdentityCredentialTest {
    private static final String IDENTITY_HEADER = "identity-header-secret-0001";

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private ManagedIdentityCredential.Builder imds() {
        return ManagedIdentityCredential.builder().environment(EnvironmentLookup.empty())
                .imdsEndpoint(server.url("/").uri());
    }

    @Test
    void asksImdsWithTheMetadataHeaderAndTheResourceOfTheScope() throws Exception {
        server.enqueue(FIXTURES.json("tokens/imds-token.json"));

        AccessToken token = imds().build().getToken(TokenRequest.of(TokenRequest.COGNITIVE_SERVICES_SCOPE));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/metadata/identity/oauth2/token");
        assertThat(request.getUrl().queryParameter("api-version")).isEqualTo("2018-02-01");
        assertThat(request.getUrl().queryParameter("resource")).isEqualTo("https://cognitiveservices.azure.com");
        assertThat(request.getUrl().queryParameter("client_id")).isNull();
        assertThat(request.getHeaders().get("Metadata")).isEqualTo("true");
        assertThat(token.token().reveal()).isEqualTo("test-imds-token-0001");
        assertThat(token.expiresAt()).isEqualTo(Instant.ofEpochSecond(4102444800L));
    }

    @Test
    void aUserAssignedIdentityIsSelectedByClientId() throws Exception {
        server.enqueue(FIXTURES.json("tokens/imds-token.json"));

        imds().clientId("user-assigned-client").build().getToken(TokenRequest.of(TokenRequest.MANAGEMENT_SCOPE));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getUrl().queryParameter("client_id")).isEqualTo("user-assigned-client");
        assertThat(request.getUrl().queryParameter("resource")).isEqualTo("https://management.azure.com");
    }

    @Test
    void appServiceUsesTheIdentityEndpointAndHeader() throws Exception {
        server.enqueue(FIXTURES.json("tokens/imds-token.json"));
        ManagedIdentityCredential credential = ManagedIdentityCredential.builder()
                .environment(EnvironmentLookup.of(Map.of("IDENTITY_ENDPOINT", server.url("/msi/token").toString(),
                        "IDENTITY_HEADER", IDENTITY_HEADER))).resourceId("/subscriptions/s/identities/mi").build();

        credential.getToken(TokenRequest.of(TokenRequest.COGNITIVE_SERVICES_SCOPE));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/msi/token");
        assertThat(request.getUrl().queryParameter("api-version")).isEqualTo("2019-08-01");
        assertThat(request.getUrl().queryParameter("mi_res_id")).isEqualTo("/subscriptions/s/identities/mi");
        assertThat(request.getHeaders().get("X-IDENTITY-HEADER")).isEqualTo(IDENTITY_HEADER);
        assertThat(request.getHeaders().get("Metadata")).isNull();
        assertThat(credential.toString()).doesNotContain(IDENTITY_HEADER);
    }

    @Test
    void aMissingIdentityIsAnAuthenticationExceptionWithoutTheIdentityHeader() {
        server.enqueue(FIXTURES.jsonBody(400, "{\"error\":\"invalid_request\",\"error_description\":\"Identity not "
                + "found for header " + IDENTITY_HEADER + "\"}"));
        ManagedIdentityCredential credential = ManagedIdentityCredential.builder()
                .environment(EnvironmentLookup.of(Map.of("IDENTITY_ENDPOINT", server.url("/msi/token").toString(),
                        "IDENTITY_HEADER", IDENTITY_HEADER))).build();

        assertThatThrownBy(() -> credential.getToken(TokenRequest.of(TokenRequest.MANAGEMENT_SCOPE)))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.errorCode()).contains("invalid_request");
                    assertThat(e.getMessage()).contains("Identity not found").doesNotContain(IDENTITY_HEADER);
                    assertThat(e.provider()).contains("azure-managed-identity");
                });
    }

    @Test
    void imdsIsRetriedWhileItUpdates() {
        server.enqueue(FIXTURES.jsonBody(410, "{}"));
        server.enqueue(FIXTURES.json("tokens/imds-token.json"));

        AccessToken token = assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                imds().build().getToken(TokenRequest.of(TokenRequest.COGNITIVE_SERVICES_SCOPE)));

        assertThat(token.token().reveal()).isEqualTo("test-imds-token-0001");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void plainHttpIsAllowedOnlyForLoopbackAndLinkLocalHosts() {
        assertThat(ManagedIdentityCredential.builder().imdsEndpoint(URI.create("http://169.254.169.254"))).isNotNull();
        assertThatThrownBy(() -> ManagedIdentityCredential.builder()
                .imdsEndpoint(URI.create("http://imds.example.com")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clientIdAndResourceIdExcludeEachOther() {
        ManagedIdentityCredential.Builder builder = imds().clientId("a").resourceId("b");

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
    }
}
