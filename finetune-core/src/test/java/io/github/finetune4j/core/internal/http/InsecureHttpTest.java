package io.github.finetune4j.core.internal.http;

import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.internal.ClientConfig;
import io.github.finetune4j.core.internal.DefaultFineTuneClient;
import io.github.finetune4j.core.spi.HttpCall;
import io.github.finetune4j.core.spi.HttpTransport;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Shows that allowInsecureHttp() really sends plain http to a name that is not loopback, and that without it
 * nothing leaves. The HTTP client goes through the loopback server as its proxy, so a request to
 * {@code http://gateway.internal:8080} reaches the test server without any name being resolved.
 */
class InsecureHttpTest {
    @StartStop
    public final MockWebServer server = new MockWebServer();

    private static final URI GATEWAY = URI.create("http://gateway.internal:8080/v1/models");

    private HttpClient viaTestServer() {
        return HttpClient.newBuilder().proxy(ProxySelector.of(server.getSocketAddress()))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private JdkHttpTransport transport(boolean allowInsecureHttp) {
        return new JdkHttpTransport("openai", viaTestServer(), RetryPolicy.none(), Duration.ofSeconds(5),
                "finetune-java/test", allowInsecureHttp, Clock.systemUTC());
    }

    private static HttpCall get(URI uri) {
        return HttpCall.builder("GET", uri).header("Authorization", "Bearer sk-test-0123456789").build();
    }

    @Test
    void allowInsecureHttpSendsPlainHttpToANonLoopbackName() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"data\":[]}").build());

        assertThat(transport(true).send(get(GATEWAY)).bodyText()).isEqualTo("{\"data\":[]}");

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getTarget()).isEqualTo("http://gateway.internal:8080/v1/models");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test-0123456789");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://gateway.internal:8080/v1/models", "http://127.attacker.example/v1/models",
        "http://127.0.0.1.nip.io/v1/models", "http://localhost.evil.example/v1/models"})
    void withoutAllowInsecureHttpNothingLeaves(String url) {
        server.enqueue(new MockResponse.Builder().body("{}").build());

        assertThatThrownBy(() -> transport(false).send(get(URI.create(url))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refusing plain http:// to " + URI.create(url).getHost())
                .hasMessageContaining("allowInsecureHttp()");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theBuilderFlagReachesTheTransportTheProviderGets() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{}").build());
        HttpTransport allowed = DefaultFineTuneClient.context("openai", viaTestServer(), config(true)).transport();
        HttpTransport refused = DefaultFineTuneClient.context("openai", viaTestServer(), config(false)).transport();

        assertThatThrownBy(() -> refused.send(get(GATEWAY))).isInstanceOf(IllegalStateException.class);
        assertThat(server.getRequestCount()).isZero();
        allowed.send(get(GATEWAY));
        assertThat(server.takeRequest(1, SECONDS).getTarget()).isEqualTo("http://gateway.internal:8080/v1/models");
    }

    private static ClientConfig config(boolean allowInsecureHttp) {
        return new ClientConfig(EnvironmentLookup.empty(), RetryPolicy.none(), Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5), WaitOptions.defaults(),
                Clock.systemUTC(), allowInsecureHttp, Duration.ofDays(90));
    }
}
