package io.github.finetune4j.openai.protocol;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProtocolUrisTest {
    private static final String BASE = "https://api.openai.com/v1";

    @Test
    void modelPathKeepsColonsAndEncodesOnlyUnsafeCharacters() {
        assertThat(ProtocolUris.append(BASE, ProtocolUris.path("models", "ft:gpt-4o-mini:acemeco:suffix:abc123"),
                Map.of()).toString()).isEqualTo("https://api.openai.com/v1/models/ft:gpt-4o-mini:acemeco:suffix:abc123");
        assertThat(ProtocolUris.append(BASE, ProtocolUris.path("models", "a b/c%d"), Map.of()).getRawPath())
                .isEqualTo("/v1/models/a%20b%2Fc%25d");
    }

    @Test
    void pathSegmentsAreEncodedExactlyOnce() {
        assertThat(ProtocolUris.path("files", "file-%41")).isEqualTo("files/file-%2541");
    }

    @Test
    void dotAndBlankSegmentsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> ProtocolUris.path("fine_tuning", "jobs", ".."));
        assertThatIllegalArgumentException().isThrownBy(() -> ProtocolUris.path("files", " "));
    }

    @Test
    void queryNamesAndValuesAreEncodedInOrder() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("metadata[a]", "ä");
        query.put("metadata[b]", "2");

        URI uri = ProtocolUris.append(BASE, "fine_tuning/jobs", query);

        assertThat(uri.getRawQuery()).isEqualTo("metadata%5Ba%5D=%C3%A4&metadata%5Bb%5D=2");
    }

    @Test
    void noQueryWhenThereAreNoParameters() {
        assertThat(ProtocolUris.append(BASE, "fine_tuning/jobs", Map.of()).getRawQuery()).isNull();
    }
}
