package io.github.finetune4j.testkit.internal.http;

import java.util.List;

/**
 * One wire dialect the emulator speaks: where its paths live, how callers authenticate, which routes exist and
 * how errors look. The OpenAI dialect lives under {@code /v1}; the Azure data plane under {@code /openai/v1} and
 * {@code /openai} (with {@code api-version} and the {@code api-key} header), ARM under {@code /subscriptions}, all
 * over the same state.
 */
public interface Dialect {

    /**
     * Returns the path prefix this dialect owns, e.g. {@code ["v1"]}.
     *
     * @return the decoded prefix segments, never empty
     */
    List<String> prefix();

    /**
     * Checks the caller's credentials.
     *
     * @param request the request
     * @throws ApiError if the credentials are missing or wrong
     */
    void authenticate(Request request);

    /**
     * Returns the routes, with templates relative to {@link #prefix()}.
     *
     * @return the routes
     */
    List<Route> routes();

    /**
     * Renders an error in this dialect's error body.
     *
     * @param error the error
     * @return the response
     */
    Response error(ApiError error);

    /**
     * The error for a path or method this dialect does not know.
     *
     * @param method the request method
     * @param rawPath the raw request path
     * @return the error
     */
    ApiError unknownRoute(String method, String rawPath);

    /**
     * Adds the headers this dialect puts on every response, such as a request id.
     *
     * @param response the response
     * @param requestId the id of this request
     * @return the response with the headers
     */
    Response decorate(Response response, String requestId);
}
