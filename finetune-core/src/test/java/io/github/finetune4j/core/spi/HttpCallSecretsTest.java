package io.github.finetune4j.core.spi;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HttpCallSecretsTest {
    private static final URI URL = URI.create("https://example.openai.azure.com/openai/v1/files?sig=sas-signature-123");

    @Test
    void theValuesOfSecretHeadersAreSecretsWhateverTheCaseOfTheirNames() {
        HttpCall call = HttpCall.builder("GET", URL).header("API-KEY", "9f8e7d6c5b4a39281706f5e4d3c2b1a0")
                .header("X-Api-Key", "c0ffee00deadbeef").header("Ocp-Apim-Subscription-Key", "apim-0123456789")
                .header("Proxy-Authorization", "Basic dXNlcjpwYXNz").header("Cookie", "session=abcdef123")
                .header("authorization", "Bearer tok_5mQ.x~Zp+w/Lm9Rk==")
                .header("OpenAI-Organization", "org-123").build();

        assertThat(call.secrets()).containsExactlyInAnyOrder("9f8e7d6c5b4a39281706f5e4d3c2b1a0", "c0ffee00deadbeef",
                "apim-0123456789", "Basic dXNlcjpwYXNz", "session=abcdef123", "Bearer tok_5mQ.x~Zp+w/Lm9Rk==");
    }

    @Test
    void aDeclaredBodySecretIsKeptNextToTheHeaderSecrets() {
        HttpCall call = HttpCall.builder("POST", URL).header("api-key", "9f8e7d6c5b4a39281706f5e4d3c2b1a0")
                .body(HttpBody.form(Map.of("client_secret", "Xy7~Q8+r/Zk.9Wp=Lm_2-Vn")))
                .secret("Xy7~Q8+r/Zk.9Wp=Lm_2-Vn").build();

        assertThat(call.secrets()).containsExactlyInAnyOrder("9f8e7d6c5b4a39281706f5e4d3c2b1a0",
                "Xy7~Q8+r/Zk.9Wp=Lm_2-Vn");
    }

    @Test
    void toStringShowsMethodAndPathOnlyNeverHeadersQueryOrBody() {
        HttpCall call = HttpCall.builder("POST", URL).header("api-key", "9f8e7d6c5b4a39281706f5e4d3c2b1a0")
                .body(HttpBody.form(Map.of("client_secret", "Xy7~Q8+r/Zk.9Wp=Lm_2-Vn")))
                .secret("Xy7~Q8+r/Zk.9Wp=Lm_2-Vn").build();

        assertThat(call.toString()).isEqualTo("POST /openai/v1/files");
        assertThat(call.body().toString()).isEqualTo("HttpBody[application/x-www-form-urlencoded]");
    }
}
