package io.github.finetune4j.azure.identity;

import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.error.AuthenticationException;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.github.finetune4j.azure.support.TestProviders.FIXTURES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientSecretCredentialTest {
    private static final String TENANT = "11111111-2222-3333-4444-555555555555";
    private static final String SECRET = "s3cr3t~value.that-must-not-leak";

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private ClientSecretCredential credential() {
        return ClientSecretCredential.builder().tenantId(TENANT).clientId("app-client-id").clientSecret(SECRET)
                .authorityHost(server.url("/").uri()).build();
    }

    static Map<String, String> form(RecordedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBody().utf8().split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    @Test
    void postsTheClientCredentialsGrantForTheRequestedScope() throws Exception {
        server.enqueue(FIXTURES.json("tokens/entra-token.json"));
        Instant before = Instant.now();

        AccessToken token = credential().getToken(TokenRequest.of(TokenRequest.MANAGEMENT_SCOPE));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/" + TENANT + "/oauth2/v2.0/token");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(form(request)).containsExactly(Map.entry("grant_type", "client_credentials"),
                Map.entry("client_id", "app-client-id"), Map.entry("client_secret", SECRET),
                Map.entry("scope", "https://management.azure.com/.default"));
        assertThat(token.token().reveal()).isEqualTo("test-entra-token-0001");
        assertThat(token.expiresAt()).isBetween(before.plusSeconds(3598), Instant.now().plusSeconds(3600));
    }

    @Test
    void tokensAreCachedPerScope() throws Exception {
        server.enqueue(FIXTURES.json("tokens/entra-token.json"));
        server.enqueue(FIXTURES.json("tokens/entra-token.json"));
        ClientSecretCredential credential = credential();

        credential.getToken(TokenRequest.of(TokenRequest.COGNITIVE_SERVICES_SCOPE));
        credential.getToken(TokenRequest.of(TokenRequest.COGNITIVE_SERVICES_SCOPE));
        credential.getToken(TokenRequest.of(TokenRequest.MANAGEMENT_SCOPE));

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(form(server.takeRequest(1, SECONDS))).containsEntry("scope", TokenRequest.COGNITIVE_SERVICES_SCOPE);
        assertThat(form(server.takeRequest(1, SECONDS))).containsEntry("scope", TokenRequest.MANAGEMENT_SCOPE);
    }

    @Test
    void aRefusalIsAnAuthenticationExceptionWithEntrasReasonButNotTheSecret() {
        server.enqueue(FIXTURES.json(401, "tokens/entra-invalid-client.json"));
        ClientSecretCredential credential = credential();

        assertThatThrownBy(() -> credential.getToken(TokenRequest.of(TokenRequest.MANAGEMENT_SCOPE)))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.errorCode()).contains("invalid_client");
                    assertThat(e.getMessage()).contains("AADSTS7000215").doesNotContain(SECRET);
                    assertThat(e.provider()).contains("azure-entra");
                });
    }

    @Test
    void aBadRequestFromEntraIsAlsoAnAuthenticationException() {
        server.enqueue(FIXTURES.jsonBody(400, "{\"error\":\"unauthorized_client\",\"error_description\":"
                + "\"AADSTS700016: Application not found. Secret sent: " + SECRET + "\"}"));
        ClientSecretCredential credential = credential();

        assertThatThrownBy(() -> credential.getToken(TokenRequest.of(TokenRequest.MANAGEMENT_SCOPE)))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("AADSTS700016").contains("REDACTED").doesNotContain(SECRET);
                });
    }

    @Test
    void aGatewayThatEchoesTheFormLeaksTheSecretInNoFormAnywhereInTheException() {
        String secret = "Ab+c/d=e&f%g~h.SECRET-9";
        String encoded = java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8);
        // some gateways answer with the request they could not handle, form body and all
        server.enqueue(FIXTURES.jsonBody(400, "{\"error\":\"invalid_request\",\"error_description\":\"bad form: "
                + "client_secret=" + encoded + "\",\"error_codes\":[\"" + secret + "\"],\"trace_id\":\"" + encoded
                + "\",\"correlation_id\":\"" + secret + "\"}"));
        ClientSecretCredential credential = ClientSecretCredential.builder().tenantId(TENANT).clientId("app-client-id")
                .clientSecret(secret).authorityHost(server.url("/").uri()).build();

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> credential.getToken(TokenRequest.of(TokenRequest.MANAGEMENT_SCOPE)));

        java.io.StringWriter everything = new java.io.StringWriter();
        thrown.printStackTrace(new java.io.PrintWriter(everything));   // message, causes, suppressed
        assertThat(thrown).isInstanceOf(AuthenticationException.class);
        assertThat(everything.toString()).contains("bad form").doesNotContain(secret).doesNotContain(encoded)
                .doesNotContain("SECRET-9");
        assertThat(thrown.toString()).doesNotContain("SECRET-9");
        assertThat(credential.toString()).doesNotContain("SECRET-9");
    }

    @Test
    void theEnvironmentSuppliesUnsetValues() throws Exception {
        server.enqueue(FIXTURES.json("tokens/entra-token.json"));
        ClientSecretCredential credential = ClientSecretCredential.builder().environment(EnvironmentLookup.of(Map.of(
                "AZURE_TENANT_ID", "contoso.onmicrosoft.com", "AZURE_CLIENT_ID", "env-client",
                "AZURE_CLIENT_SECRET", SECRET, "AZURE_AUTHORITY_HOST", server.url("/").toString()))).build();

        credential.getToken(TokenRequest.of(TokenRequest.COGNITIVE_SERVICES_SCOPE));

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/contoso.onmicrosoft.com/oauth2/v2.0/token");
        assertThat(form(request)).containsEntry("client_id", "env-client");
    }

    @Test
    void aMissingSecretNamesItsVariable() {
        ClientSecretCredential.Builder builder = ClientSecretCredential.builder().tenantId(TENANT).clientId("c")
                .environment(EnvironmentLookup.empty());

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AZURE_CLIENT_SECRET");
    }

    @Test
    void plainHttpAuthorityHostsAreRefusedExceptLoopback() {
        assertThatThrownBy(() -> ClientSecretCredential.builder().authorityHost(URI.create("http://login.example.com")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTenantIdCannotInjectAPath() {
        assertThatThrownBy(() -> ClientSecretCredential.builder().tenantId("../evil"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNeverShowsTheSecret() {
        assertThat(credential().toString()).doesNotContain(SECRET).contains("REDACTED");
    }
}
