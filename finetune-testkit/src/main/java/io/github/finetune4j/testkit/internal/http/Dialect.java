package io.github.finetune4j.testkit.internal.http;

import java.util.List;

/**
 * One wire dialect the emulator speaks: where its paths live, how callers authenticate, which routes exist and
 * how errors look. The OpenAI dialect lives under {@code /v1}; the Azure data plane under {@code /openai/v1} and
 * {@code /openai} (with {@code api-version} and the {@code api-key} header), ARM under {@code /subscriptions},
 * Together under {@code /together/v1}. A subclass sets its routes once, in its constructor.
 */
public abstract class Dialect {

    private final List<String> prefix;
    private List<Route> routes = List.of();

    /**
     * Creates a dialect.
     *
     * @param prefix the decoded path segments it owns, e.g. {@code ["v1"]}
     */
    protected Dialect(List<String> prefix) {
        this.prefix = List.copyOf(prefix);
    }

    /**
     * Returns the path prefix this dialect owns, e.g. {@code ["v1"]}.
     *
     * @return the decoded prefix segments, never empty
     */
    public final List<String> prefix() {
        return prefix;
    }

    /**
     * Sets the routes, once, from the subclass's constructor.
     *
     * @param all the routes, with templates relative to {@link #prefix()}
     */
    protected final void routes(List<Route> all) {
        this.routes = List.copyOf(all);
    }

    /**
     * Checks the caller's credentials.
     *
     * @param request the request
     * @throws ApiError if the credentials are missing or wrong
     */
    public abstract void authenticate(Request request);

    /**
     * Returns the routes, with templates relative to {@link #prefix()}.
     *
     * @return the routes
     */
    public final List<Route> routes() {
        return routes;
    }

    /**
     * Renders an error in this dialect's error body.
     *
     * @param error the error
     * @return the response
     */
    public abstract Response error(ApiError error);

    /**
     * The error for a path or method this dialect does not know.
     *
     * @param method the request method
     * @param rawPath the raw request path
     * @return the error
     */
    public abstract ApiError unknownRoute(String method, String rawPath);

    /**
     * Adds the headers this dialect puts on every response, such as a request id.
     *
     * @param response the response
     * @param requestId the id of this request
     * @return the response with the headers
     */
    public abstract Response decorate(Response response, String requestId);
}
