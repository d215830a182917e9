package io.github.finetune4j.core.spi;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request a provider asks the transport to perform.
 *
 * <p>Header values may hold secrets ({@code Authorization}, {@code api-key}); the transport never logs them and
 * {@link #toString()} leaves them out.
 *
 * @param method the HTTP method
 * @param uri the absolute URI including the query
 * @param headers request headers (name to value)
 * @param body the body
 * @param timeout the request timeout; empty for the transport's default (60 s)
 * @param retryMode whether the request may be repeated
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, HttpBody body,
                       Optional<Duration> timeout, RetryMode retryMode) {
    /**
     * Validates the components.
     *
     * @param method the HTTP method
     * @param uri the absolute URI including the query
     * @param headers request headers (name to value)
     * @param body the body
     * @param timeout the request timeout; empty for the transport's default (60 s)
     * @param retryMode whether the request may be repeated
     */
    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
        timeout = timeout == null ? Optional.empty() : timeout;
        Objects.requireNonNull(retryMode, "retryMode");
    }

    /**
     * Starts a request.
     *
     * @param method the method, for example {@code GET}
     * @param uri the absolute URI
     * @return a new builder
     */
    public static Builder builder(String method, URI uri) {
        return new Builder(method, uri);
    }

    @Override
    public String toString() {
        return method + " " + uri.getRawPath();
    }

    /** Builds an {@link HttpCall}. Not thread-safe. */
    public static final class Builder {
        private final String method;
        private final URI uri;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpBody body = HttpBody.empty();
        private Optional<Duration> timeout = Optional.empty();
        private RetryMode retryMode;

        private Builder(String method, URI uri) {
            this.method = Objects.requireNonNull(method, "method");
            this.uri = Objects.requireNonNull(uri, "uri");
            this.retryMode = "GET".equals(method) || "DELETE".equals(method)
                    ? RetryMode.IDEMPOTENT : RetryMode.NOT_IDEMPOTENT;
        }

        /**
         * Sets a header.
         *
         * @param name the name
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets several headers.
         *
         * @param values name to value
         * @return this builder
         */
        public Builder headers(Map<String, String> values) {
            values.forEach(this::header);
            return this;
        }

        /**
         * Sets the body.
         *
         * @param body the body
         * @return this builder
         */
        public Builder body(HttpBody body) {
            this.body = Objects.requireNonNull(body, "body");
            return this;
        }

        /**
         * Sets the request timeout.
         *
         * @param timeout the request timeout
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Optional.of(Objects.requireNonNull(timeout, "timeout"));
            return this;
        }

        /**
         * Sets whether the request may be repeated. Defaults to idempotent for GET and DELETE, not idempotent
         * otherwise.
         *
         * @param retryMode the mode
         * @return this builder
         */
        public Builder retryMode(RetryMode retryMode) {
            this.retryMode = Objects.requireNonNull(retryMode, "retryMode");
            return this;
        }

        /**
         * Builds the call.
         *
         * @return the call
         */
        public HttpCall build() {
            return new HttpCall(method, uri, headers, body, timeout, retryMode);
        }
    }

    /**
     * Convenience for list headers in tests and logs.
     *
     * @return header names in order
     */
    public List<String> headerNames() {
        return List.copyOf(headers.keySet());
    }
}
