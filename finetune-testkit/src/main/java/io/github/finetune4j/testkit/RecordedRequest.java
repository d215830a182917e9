package io.github.finetune4j.testkit;

import java.util.Objects;

/**
 * A request the emulator received, as listed by {@link FineTuningEmulator#recordedRequests()}. Holds neither
 * headers nor bodies, so no key or training data is kept.
 *
 * @param method the HTTP method, upper case, e.g. {@code POST}
 * @param path the decoded full path, e.g. {@code /v1/fine_tuning/jobs}
 * @param query the raw query string without {@code ?}, empty when there is none; never null
 */
public record RecordedRequest(String method, String path, String query) {
    /**
     * Validates the components.
     *
     * @param method the HTTP method, upper case, e.g. {@code POST}
     * @param path the decoded full path, e.g. {@code /v1/fine_tuning/jobs}
     * @param query the raw query string without {@code ?}, empty when there is none; never null
     */
    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = query == null ? "" : query;
    }
}
