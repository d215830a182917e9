package io.github.finetune4j.core.internal.http;

import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.error.ApiException;
import io.github.finetune4j.core.internal.ScriptedProvider;
import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.core.spi.FineTuneProviderFactory;
import io.github.finetune4j.core.spi.HttpCall;
import io.github.finetune4j.core.spi.HttpStack;
import io.github.finetune4j.core.spi.HttpTransport;
import io.github.finetune4j.core.spi.ProviderContext;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * "The SDK does not follow redirects": a 3xx becomes a typed ApiException naming where it pointed, and the key never
 * travels to the redirect target. Two servers: the API and the place it redirects to, which must see nothing.
 */
class RedirectTest {
    @StartStop
    public final MockWebServer server = new MockWebServer();
    @StartStop
    public final MockWebServer elsewhere = new MockWebServer();

    private static final String KEY = "sk-proj-redirect0123456789abcdef";

    private JdkHttpTransport transport() {
        return new JdkHttpTransport("openai", HttpClient.newHttpClient(), RetryPolicy.defaults()
                .withBackoff(Duration.ofMillis(1), Duration.ofMillis(2)), Duration.ofSeconds(5), "finetune-java/test",
                false, Clock.systemUTC());
    }

    private HttpCall get() {
        return HttpCall.builder("GET", server.url("/v1/fine_tuning/jobs").uri())
                .header("Authorization", "Bearer " + KEY).build();
    }

    private String target() {
        return elsewhere.url("/v1/fine_tuning/jobs").toString();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectIsATypedErrorNamingTheTargetAndNothingReachesIt(int status) {
        server.enqueue(new MockResponse.Builder().code(status).addHeader("Location", target())
                .addHeader("x-request-id", "req_moved").build());

        ApiException e = catchThrowableOfType(() -> transport().send(get()), ApiException.class);

        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.errorCode()).contains("redirect");
        assertThat(e.requestId()).contains("req_moved");
        assertThat(e).hasMessageContaining("redirected to " + target())
                .hasMessageContaining("does not follow redirects")
                .hasMessageContaining("GET http://" + server.getHostName() + ":" + server.getPort()
                        + "/v1/fine_tuning/jobs")
                .message().doesNotContain(KEY);
        assertThat(server.getRequestCount()).as("a redirect is not retried").isEqualTo(1);
        assertThat(elsewhere.getRequestCount()).isZero();
    }

    @Test
    void aRedirectWithoutLocationSaysSo() {
        server.enqueue(new MockResponse.Builder().code(302).build());

        ApiException e = catchThrowableOfType(() -> transport().send(get()), ApiException.class);

        assertThat(e).hasMessageContaining("(no Location header)").hasMessageContaining("does not follow redirects");
    }

    @Test
    void theStackTheSdkBuildsDoesNotFollowRedirects() {
        server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", target()).build());
        try (HttpStack stack = HttpStack.open("test", RetryPolicy.none(), Clock.systemUTC())) {
            ApiException e = catchThrowableOfType(() -> stack.context().transport().send(get()), ApiException.class);

            assertThat(e).hasMessageContaining("does not follow redirects");
        }
        assertThat(elsewhere.getRequestCount()).isZero();
    }

    @Test
    void theClientTheBuilderCreatesDoesNotFollowRedirects() {
        server.enqueue(new MockResponse.Builder().code(308).addHeader("Location", target()).build());
        AtomicReference<HttpTransport> given = new AtomicReference<>();
        FineTuneProviderFactory capturing = new FineTuneProviderFactory() {
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
                given.set(context.transport());
                return new ScriptedProvider();
            }
        };

        try (FineTuneClient client = FineTuneClient.builder().provider(capturing).build()) {
            ApiException e = catchThrowableOfType(() -> given.get().send(get()), ApiException.class);

            assertThat(e.statusCode()).isEqualTo(308);
            assertThat(e).hasMessageContaining("redirected to " + target());
        }
        assertThat(elsewhere.getRequestCount()).isZero();
    }
}
