package io.github.finetune4j.testkit.internal.http;

/**
 * Answers one matched route.
 */
@FunctionalInterface
public interface Handler {

    /**
     * Handles a request.
     *
     * @param request the request, with path parameters filled in
     * @return the response
     * @throws ApiError for an error the service would answer with
     */
    Response handle(Request request);
}
