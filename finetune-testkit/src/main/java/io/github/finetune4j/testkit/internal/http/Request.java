package io.github.finetune4j.testkit.internal.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request as the emulator sees it.
 *
 * @param method the method, upper case
 * @param path the decoded path relative to the dialect's prefix, e.g. {@code /fine_tuning/jobs}
 * @param segments the decoded path segments of {@code path}
 * @param query the decoded query parameters, in order of appearance
 * @param headers the request headers, keys in lower case
 * @param content the request body, read on demand
 * @param pathParams the values of the route's {@code {name}} segments
 */
public record Request(String method, String path, List<String> segments, Map<String, List<String>> query,
                      Map<String, List<String>> headers, RequestBody content, Map<String, String> pathParams) {
    public Request {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        segments = List.copyOf(segments);
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        Objects.requireNonNull(content, "content");
        pathParams = Map.copyOf(pathParams);
    }

    /**
     * Returns a copy with the given path parameters.
     *
     * @param params the parameters
     * @return the copy
     */
    public Request withPathParams(Map<String, String> params) {
        return new Request(method, path, segments, query, headers, content, params);
    }

    /**
     * Reads the whole body into memory, for JSON requests.
     *
     * @return the bytes, possibly empty
     * @throws ApiError 413 for a body too large to hold in memory
     */
    public byte[] body() {
        return content.bytes();
    }

    /**
     * Returns the first value of a header.
     *
     * @param name the header name, any case
     * @return the value, or null
     */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * Returns the first value of a query parameter.
     *
     * @param name the name
     * @return the value, or null
     */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * Returns a path parameter.
     *
     * @param name the name in the route template
     * @return the value
     * @throws IllegalStateException if the route has no such parameter
     */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException("no path parameter " + name);
        }
        return value;
    }
}
