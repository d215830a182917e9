package io.github.finetune4j.openai.internal;

import io.github.finetune4j.core.spi.HttpBody;
import io.github.finetune4j.core.spi.HttpCall;
import io.github.finetune4j.core.spi.MultipartForm;
import io.github.finetune4j.core.spi.RetryMode;

import java.net.URI;
import java.util.Objects;

/** Builds {@link HttpCall}s carrying OpenAI's headers. Immutable. */
final class OpenAiRequests {
    static final String AUTHORIZATION = "Authorization";
    static final String ORGANIZATION = "OpenAI-Organization";
    static final String PROJECT = "OpenAI-Project";
    static final String ACCEPT = "Accept";
    static final String JSON = "application/json";
    /** OpenAI's result files are raw bytes (CSV, sometimes base64 text). */
    static final String ANY = "*/*";

    private final OpenAiConfig config;

    OpenAiRequests(OpenAiConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    HttpCall get(URI uri) {
        return start("GET", uri, JSON).build();
    }

    HttpCall getBytes(URI uri) {
        return start("GET", uri, ANY).build();
    }

    HttpCall delete(URI uri) {
        return start("DELETE", uri, JSON).retryMode(RetryMode.IDEMPOTENT).build();
    }

    HttpCall postJson(URI uri, byte[] json, RetryMode retryMode) {
        return start("POST", uri, JSON).body(HttpBody.json(json)).retryMode(retryMode).build();
    }

    HttpCall postEmpty(URI uri, RetryMode retryMode) {
        return start("POST", uri, JSON).retryMode(retryMode).build();
    }

    HttpCall postMultipart(URI uri, MultipartForm form) {
        // No timeout here: the transport applies the client's upload timeout to multipart bodies.
        return start("POST", uri, JSON).body(HttpBody.multipart(form))
                .retryMode(RetryMode.NOT_IDEMPOTENT).build();
    }

    private HttpCall.Builder start(String method, URI uri, String accept) {
        HttpCall.Builder b = HttpCall.builder(method, uri)
                .header(AUTHORIZATION, "Bearer " + config.apiKey().reveal())
                .header(ACCEPT, accept);
        config.organization().ifPresent(org -> b.header(ORGANIZATION, org));
        config.project().ifPresent(project -> b.header(PROJECT, project));
        return b;
    }
}
