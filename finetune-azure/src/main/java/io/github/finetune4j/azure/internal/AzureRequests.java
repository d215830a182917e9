package io.github.finetune4j.azure.internal;

import io.github.finetune4j.core.spi.HttpBody;
import io.github.finetune4j.core.spi.HttpCall;
import io.github.finetune4j.core.spi.MultipartForm;
import io.github.finetune4j.core.spi.RetryMode;

import java.net.URI;
import java.time.Duration;

/** Builds data-plane requests with the authentication header (an {@code api-key} or a fresh bearer token). */
final class AzureRequests {
    private final AzureAuth auth;

    AzureRequests(AzureAuth auth) {
        this.auth = auth;
    }

    HttpCall get(URI uri) {
        return auth.apply(HttpCall.builder("GET", uri).header("Accept", "application/json")).build();
    }

    HttpCall getBytes(URI uri) {
        return auth.apply(HttpCall.builder("GET", uri)).build();
    }

    HttpCall delete(URI uri) {
        return auth.apply(HttpCall.builder("DELETE", uri).header("Accept", "application/json")).build();
    }

    HttpCall postJson(URI uri, byte[] json, RetryMode mode) {
        return auth.apply(HttpCall.builder("POST", uri).header("Accept", "application/json")
                .body(HttpBody.json(json)).retryMode(mode)).build();
    }

    HttpCall postEmpty(URI uri, RetryMode mode) {
        return auth.apply(HttpCall.builder("POST", uri).header("Accept", "application/json").retryMode(mode)).build();
    }

    HttpCall postMultipart(URI uri, MultipartForm form, Duration timeout) {
        return auth.apply(HttpCall.builder("POST", uri).header("Accept", "application/json")
                .body(HttpBody.multipart(form)).timeout(timeout).retryMode(RetryMode.NOT_IDEMPOTENT)).build();
    }
}
