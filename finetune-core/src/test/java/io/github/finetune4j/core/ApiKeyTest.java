package io.github.finetune4j.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyTest {
    @Test
    void toStringNeverShowsTheSecret() {
        ApiKey key = ApiKey.of("sk-proj-very-secret");

        assertThat(key.toString()).isEqualTo("ApiKey[REDACTED]").doesNotContain("sk-proj");
        assertThat(key.reveal()).isEqualTo("sk-proj-very-secret");
    }
}
