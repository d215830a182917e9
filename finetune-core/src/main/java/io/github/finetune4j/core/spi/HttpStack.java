package io.github.finetune4j.core.spi;

import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.internal.ClientConfig;
import io.github.finetune4j.core.internal.DefaultFineTuneClient;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The core's HTTP stack (JDK client, timeouts, retries honouring {@code Retry-After}, allow-listed logging, error
 * mapping) for provider modules that call a service outside a fine-tuning client, such as Azure Resource Manager.
 * Thread-safe; close it when done.
 *
 * <pre>{@code
 * try (HttpStack arm = HttpStack.open("azure-arm", RetryPolicy.defaults(), Clock.systemUTC())) {
 *     HttpResult result = arm.context().transport().send(call);
 * }
 * }</pre>
 */
public final class HttpStack implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final ProviderContext context;

    private HttpStack(HttpClient http, ProviderContext context) {
        this.http = http;
        this.context = context;
    }

    /**
     * Opens a stack with a 10 s connect and 60 s request timeout. Plain {@code http://} is allowed to loopback hosts
     * only.
     *
     * @param serviceId names the service in messages and logs, for example {@code azure-arm}
     * @param retryPolicy the retry policy
     * @param clock the clock
     * @return the stack
     */
    public static HttpStack open(String serviceId, RetryPolicy retryPolicy, Clock clock) {
        Objects.requireNonNull(serviceId, "serviceId");
        HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        ClientConfig config = new ClientConfig(EnvironmentLookup.empty(), Objects.requireNonNull(retryPolicy, "retryPolicy"),
                CONNECT_TIMEOUT, REQUEST_TIMEOUT, REQUEST_TIMEOUT, REQUEST_TIMEOUT, WaitOptions.defaults(),
                Objects.requireNonNull(clock, "clock"), false, Duration.ZERO);
        return new HttpStack(http, DefaultFineTuneClient.context(serviceId, http, config));
    }

    /**
     * The context: transport, JSON mapper, clock.
     *
     * @return the context
     */
    public ProviderContext context() {
        return context;
    }

    /** Releases the HTTP client (on Java 21 and later; on 17 its threads end when it is unreachable). */
    @Override
    public void close() {
        if (http instanceof AutoCloseable) {
            try {
                ((AutoCloseable) http).close();
            } catch (Exception e) {
                // nothing useful to do while closing
            }
        }
    }
}
