package io.github.finetune4j.testkit.internal.http;

import java.util.Objects;

/**
 * A method, a path template relative to the dialect's prefix, and the handler that answers.
 *
 * @param method the HTTP method, upper case
 * @param template the path template
 * @param handler the handler
 */
public record Route(String method, PathTemplate template, Handler handler) {
    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(handler, "handler");
    }

    /**
     * Creates a route.
     *
     * @param method the HTTP method
     * @param template the template, e.g. {@code /files/{file_id}}
     * @param handler the handler
     * @return the route
     */
    public static Route of(String method, String template, Handler handler) {
        return new Route(method, PathTemplate.of(template), handler);
    }
}
