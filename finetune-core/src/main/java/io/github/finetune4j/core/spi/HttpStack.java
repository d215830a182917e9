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
 * The core's HTTP stack (JDK client, timeouts, retries honouring {@code Retry-After}, allow-listed logging,
 * redaction, error mapping) for provider modules that call a service outside a fine-tuning client, such as Azure
 * Resource Manager or a token service. Thread-safe; close it when done.
 *
 * <pre>{@code
 * try (HttpStack arm = HttpStack.builder("azure-arm").retryPolicy(RetryPolicy.defaults()).build()) {
 *     HttpResult result = arm.context().transport().send(call);
 * }
 * }</pre>
 */
public final class HttpStack implements AutoCloseable {
    /** Connect timeout: 10 seconds. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default request timeout: 60 seconds. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

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
        return builder(serviceId).retryPolicy(retryPolicy).clock(clock).build();
    }

    /**
     * Starts configuring a stack.
     *
     * @param serviceId names the service in messages and logs, for example {@code azure-entra}
     * @return a builder with the defaults: {@link RetryPolicy#defaults()}, the UTC system clock, 60 s requests, the
     *     JDK's default proxy selection, plain http to loopback only
     */
    public static Builder builder(String serviceId) {
        return new Builder(serviceId);
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

    /** Configures an {@link HttpStack}. Not thread-safe. */
    public static final class Builder {
        private final String serviceId;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Clock clock = Clock.systemUTC();
        private Duration requestTimeout = REQUEST_TIMEOUT;
        private boolean allowInsecureHttp;
        private boolean direct;
        private boolean followRedirects;

        private Builder(String serviceId) {
            this.serviceId = Objects.requireNonNull(serviceId, "serviceId");
        }

        /**
         * Sets the retry policy. Default: {@link RetryPolicy#defaults()}.
         *
         * @param retryPolicy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Sets the clock (for HTTP-date {@code Retry-After} values). Default: the UTC system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the timeout of a request that sets none. Default: 60 seconds.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            if (Objects.requireNonNull(timeout, "timeout").isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            this.requestTimeout = timeout;
            return this;
        }

        /**
         * Allows plain {@code http://} to hosts other than loopback, for a service that only speaks it on a local
         * network address (the Azure instance metadata service on {@code 169.254.169.254}). The caller checks the
         * host.
         *
         * @return this builder
         */
        public Builder allowInsecureHttp() {
            this.allowInsecureHttp = true;
            return this;
        }

        /**
         * Connects directly, never through a proxy (link-local metadata services must not be proxied).
         *
         * @return this builder
         */
        public Builder directConnection() {
            this.direct = true;
            return this;
        }

        /**
         * Follows redirects of GET and HEAD requests (301, 302, 303, 307, 308; at most five), as file stores that
         * serve large files from another host need (the Hugging Face Hub). On a redirect to another origin the
         * secret headers ({@code Authorization}, {@code api-key} and the others {@link Redaction} names) are not
         * sent, so a token never travels to a host it was not meant for; https is never followed to plain http.
         * Other methods are never redirected. Default: redirects are not followed but reported as an
         * {@link io.github.finetune4j.core.error.ApiException} naming the target.
         *
         * @return this builder
         */
        public Builder followRedirects() {
            this.followRedirects = true;
            return this;
        }

        /**
         * Opens the stack.
         *
         * @return the stack; close it when done
         */
        public HttpStack build() {
            HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER);
            if (direct) {
                client.proxy(HttpClient.Builder.NO_PROXY);
            }
            HttpClient http = client.build();
            ClientConfig config = new ClientConfig(EnvironmentLookup.empty(), retryPolicy, CONNECT_TIMEOUT,
                    requestTimeout, requestTimeout, requestTimeout, WaitOptions.defaults(), clock, allowInsecureHttp,
                    Duration.ZERO);
            return new HttpStack(http, DefaultFineTuneClient.context(serviceId, http, config, followRedirects));
        }
    }
}
