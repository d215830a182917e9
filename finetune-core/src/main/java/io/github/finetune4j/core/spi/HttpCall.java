package io.github.finetune4j.core.spi;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
 * @param secrets values sent in this request that must never appear in a message or log (the values of
 *     secret headers are added automatically; body secrets such as a client secret are declared by the provider)
 * @param extraRetryableStatuses statuses retried for this request beyond the transport's own (408, 409, 429,
 *     5xx), for services that answer a passing condition with another status (for example IMDS's 404 and 410)
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, HttpBody body,
                       Optional<Duration> timeout, RetryMode retryMode, Set<String> secrets,
                       Set<Integer> extraRetryableStatuses) {
    /**
     * Validates the components.
     *
     * @param method the HTTP method
     * @param uri the absolute URI including the query
     * @param headers request headers (name to value)
     * @param body the body
     * @param timeout the request timeout; empty for the transport's default (60 s)
     * @param retryMode whether the request may be repeated
     * @param secrets values sent in this request that must never appear in a message or log
     * @param extraRetryableStatuses statuses retried for this request beyond the transport's own
     */
    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
        timeout = timeout == null ? Optional.empty() : timeout;
        Objects.requireNonNull(retryMode, "retryMode");
        Set<String> all = new LinkedHashSet<>(secrets == null ? Set.of() : secrets);
        headers.forEach((name, value) -> {
            if (Redaction.isSecretHeader(name)) {
                all.add(value);
            }
        });
        secrets = Set.copyOf(all);
        extraRetryableStatuses = extraRetryableStatuses == null ? Set.of() : Set.copyOf(extraRetryableStatuses);
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
        private final Set<String> secrets = new LinkedHashSet<>();
        private final Set<Integer> extraRetryableStatuses = new LinkedHashSet<>();

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
         * Declares a value sent in the body (or the URL) that must never appear in a message or log, such as a
         * client secret in a form. Header secrets ({@code Authorization}, {@code api-key}) need no declaration.
         *
         * @param value the secret value
         * @return this builder
         */
        public Builder secret(String value) {
            secrets.add(Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Retries this request on a status the transport does not retry by default, within the same retry
         * policy; only for idempotent requests.
         *
         * @param status the HTTP status, for example 404 for a service that answers it while it starts
         * @return this builder
         */
        public Builder retryOnStatus(int status) {
            extraRetryableStatuses.add(status);
            return this;
        }

        /**
         * Builds the call.
         *
         * @return the call
         */
        public HttpCall build() {
            return new HttpCall(method, uri, headers, body, timeout, retryMode, secrets, extraRetryableStatuses);
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
