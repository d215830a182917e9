package io.github.finetune4j.testkit.internal.http;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Picks the dialect that owns a path, authenticates, finds the route and turns thrown {@link ApiError}s into the
 * dialect's error body. The first dialect answers paths no dialect owns.
 */
public final class Router {

    private static final System.Logger LOG = System.getLogger(Router.class.getName());

    private final List<Dialect> dialects;

    /**
     * Creates a router.
     *
     * @param dialects the dialects, at least one
     */
    public Router(List<Dialect> dialects) {
        if (dialects.isEmpty()) {
            throw new IllegalArgumentException("at least one dialect is needed");
        }
        this.dialects = List.copyOf(dialects);
    }

    /**
     * Answers one request.
     *
     * @param method the method
     * @param rawPath the raw path
     * @param rawQuery the raw query, or null
     * @param headers the headers, keys in lower case
     * @param body the body, read on demand
     * @param requestId the id to put in the response headers
     * @return the response, never null
     */
    public Response dispatch(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                             RequestBody body, String requestId) {
        List<String> segments = Paths.segments(rawPath);
        Dialect dialect = dialectFor(segments);
        if (dialect == null) {
            Dialect fallback = dialects.get(0);
            return fallback.decorate(fallback.error(fallback.unknownRoute(method, rawPath)), requestId);
        }
        List<String> relative = segments.subList(dialect.prefix().size(), segments.size());
        Request request = new Request(method, Paths.join(relative), relative, Paths.query(rawQuery), headers, body,
                Map.of());
        Response response;
        try {
            dialect.authenticate(request);
            response = route(dialect, request, rawPath);
        } catch (ApiError e) {
            response = dialect.error(e);
        } catch (UncheckedIOException e) {
            throw e;  // the client went away while sending its body: nobody to answer
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "emulator failed on " + method + " " + rawPath, e);
            response = dialect.error(new ApiError(500, "server_error",
                    "The server had an error while processing your request. Sorry about that!", null, null,
                    Map.of()));
        }
        return dialect.decorate(response, requestId);
    }

    /**
     * Renders an error for a path in the dialect that owns it.
     *
     * @param rawPath the raw path
     * @param error the error
     * @param requestId the request id
     * @return the response
     */
    public Response error(String rawPath, ApiError error, String requestId) {
        Dialect dialect = Objects.requireNonNullElse(dialectFor(Paths.segments(rawPath)), dialects.get(0));
        return dialect.decorate(dialect.error(error), requestId);
    }

    /**
     * Returns the decoded path relative to the owning dialect's prefix.
     *
     * @param rawPath the raw path
     * @return the relative path, or the decoded full path when no dialect owns it
     */
    public String relativePath(String rawPath) {
        List<String> segments = Paths.segments(rawPath);
        Dialect dialect = dialectFor(segments);
        return dialect == null ? Paths.join(segments)
                : Paths.join(segments.subList(dialect.prefix().size(), segments.size()));
    }

    private Dialect dialectFor(List<String> segments) {
        for (Dialect dialect : dialects) {
            List<String> prefix = dialect.prefix();
            if (segments.size() >= prefix.size() && segments.subList(0, prefix.size()).equals(prefix)) {
                return dialect;
            }
        }
        return null;
    }

    private static Response route(Dialect dialect, Request request, String rawPath) {
        for (Route route : dialect.routes()) {
            if (!route.method().equals(request.method())) {
                continue;
            }
            Map<String, String> params = route.template().match(request.segments());
            if (params != null) {
                return route.handler().handle(request.withPathParams(params));
            }
        }
        throw dialect.unknownRoute(request.method(), rawPath);
    }
}
