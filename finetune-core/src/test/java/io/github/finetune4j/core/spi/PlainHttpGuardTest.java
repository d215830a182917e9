package io.github.finetune4j.core.spi;

import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.internal.ScriptedProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * "A plain http:// base URL is refused unless it points to loopback or allowInsecureHttp() was called", tried with
 * names that only look like loopback. No name is ever resolved: these hosts do not exist.
 */
class PlainHttpGuardTest {
    private static ProviderContext context(boolean allowInsecureHttp) {
        HttpTransport unused = call -> {
            throw new AssertionError("nothing is sent in this test");
        };
        return new ProviderContext(EnvironmentLookup.empty(), unused, new com.fasterxml.jackson.databind.ObjectMapper(),
                Clock.systemUTC(), "finetune-java/test", allowInsecureHttp);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://127.0.0.1/v1", "http://127.8.9.10:8080/v1", "http://127.255.255.254/v1",
        "http://127.000.000.001/v1", "http://localhost/v1", "http://LOCALHOST:1234/v1", "http://[::1]:8080/v1",
        "http://[0:0:0:0:0:0:0:1]/v1"})
    void loopbackIsAllowedOverPlainHttp(String url) {
        URI uri = URI.create(url);

        assertThat(context(false).requireAllowed(uri)).isSameAs(uri);
        assertThat(ProviderContext.isLoopback(uri.getHost())).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://127.attacker.example/v1", "http://127.0.0.1.nip.io/v1",
        "http://localhost.evil.example/v1", "http://127.0.0.1.attacker.example/v1", "http://localhost.localdomain/v1",
        "http://evil-localhost/v1", "http://localhost-evil.example/v1", "http://128.0.0.1/v1", "http://126.0.0.1/v1",
        "http://0.0.0.0/v1", "http://10.0.0.1/v1", "http://[::2]/v1",
        "http://[::ffff:128.0.0.1]/v1", "http://127.0.0.1@evil.example/v1", "http://gateway.internal:8080/v1"})
    void aNameThatOnlyLooksLikeLoopbackIsRefused(String url) {
        URI uri = URI.create(url);

        assertThatThrownBy(() -> context(false).requireAllowed(uri)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refusing plain http:// to " + uri.getHost())
                .hasMessageContaining("allowInsecureHttp()");
        assertThat(ProviderContext.isLoopback(uri.getHost())).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://gateway.internal:8080/v1", "http://127.attacker.example/v1",
        "http://10.0.0.1/v1"})
    void allowInsecureHttpAllowsAnyHost(String url) {
        URI uri = URI.create(url);

        assertThat(context(true).requireAllowed(uri)).isSameAs(uri);
    }

    @Test
    void httpsIsAllowedToAnyHost() {
        URI uri = URI.create("https://127.attacker.example/v1");

        assertThat(context(false).requireAllowed(uri)).isSameAs(uri);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ftp://localhost/v1", "file:///etc/passwd", "localhost:8080/v1", "/v1/models",
        "http:///v1", "http://127.1/v1", "http://127.0.0.256/v1"})
    void anythingButAnAbsoluteHttpUrlIsRefusedEvenWithAllowInsecureHttp(String url) {
        assertThatThrownBy(() -> context(true).requireAllowed(URI.create(url)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute http(s) URL");
    }

    @Test
    void aRefusedUrlIsNamedWithoutItsUserInfoQueryOrFragment() {
        URI uri = URI.create("http://user:hunter2-secret@127.0.0.256/v1?api-key=abc123#frag");

        assertThatThrownBy(() -> context(true).requireAllowed(uri)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("http://127.0.0.256/v1").message().doesNotContain("hunter2")
                .doesNotContain("abc123");
    }

    @Test
    void theClientBuilderRefusesAPlainHttpGatewayUnlessAllowInsecureHttpWasCalled() {
        URI gateway = URI.create("http://gateway.internal:8080/v1");

        assertThatThrownBy(() -> FineTuneClient.builder().provider(factory(gateway)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gateway.internal");
        try (FineTuneClient client = FineTuneClient.builder().provider(factory(gateway)).allowInsecureHttp().build()) {
            assertThat(client).isNotNull();
        }
    }

    @Test
    void theClientBuilderRefusesANameThatStartsWith127() {
        assertThatThrownBy(() -> FineTuneClient.builder().provider(factory(URI.create("http://127.attacker.example/v1")))
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("127.attacker.example");
    }

    /** A provider factory that checks its base URL as the real providers do. */
    private static FineTuneProviderFactory factory(URI base) {
        return new FineTuneProviderFactory() {
            @Override
            public String id() {
                return "scripted";
            }

            @Override
            public boolean isConfigured(EnvironmentLookup environment) {
                return true;
            }

            @Override
            public FineTuneProvider create(ProviderContext context) {
                context.requireAllowed(base);
                return new ScriptedProvider();
            }
        };
    }
}
