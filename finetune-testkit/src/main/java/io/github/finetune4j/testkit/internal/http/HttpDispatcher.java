package io.github.finetune4j.testkit.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import io.github.finetune4j.testkit.internal.blob.BlobStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The single {@link HttpHandler} of the server: reads the exchange, logs it, applies an injected fault if one
 * matches, otherwise lets the {@link Router} answer, and writes the response.
 */
public final class HttpDispatcher implements HttpHandler {

    /** The {@code Server} header of every response: the emulator says what it is. */
    public static final String SERVER = "finetune4j-FineTuningEmulator";

    /** The body sent by the malformed-JSON fault. */
    static final String MALFORMED_BODY = "{\"object\": \"fine_tuning.job\", \"id\": \"ftjob-";

    /** How much of a body the server-restart fault reads when the length is unknown: 64 KiB. */
    static final long RESTART_READ_UNKNOWN_LENGTH = 64 * 1024;

    private final Router router;
    private final FaultEngine faults;
    private final RequestLog log;
    private final CountDownLatch closed;
    private final BlobStore blobs;
    private final Runnable restart;
    private final AtomicLong requestCounter = new AtomicLong();

    /**
     * Creates the dispatcher.
     *
     * @param router the router
     * @param faults the injected faults
     * @param log the request log
     * @param closed counted down when the emulator closes; ends hanging requests early
     * @param blobs where the bodies of requests held by a fault are kept
     * @param restart drops every connection and listens again on the same port, keeping the state
     */
    public HttpDispatcher(Router router, FaultEngine faults, RequestLog log, CountDownLatch closed, BlobStore blobs,
                          Runnable restart) {
        this.router = router;
        this.faults = faults;
        this.log = log;
        this.closed = closed;
        this.blobs = blobs;
        this.restart = restart;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            serve(exchange);
        } catch (IOException | UncheckedIOException e) {
            // the client went away, or the server was restarted under it; nothing to answer
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
        RequestBody body = RequestBody.of(exchange.getRequestBody(), contentLength(headers));
        String requestId = String.format(Locale.ROOT, "req_%032x", requestCounter.incrementAndGet());
        String fullPath = Paths.join(Paths.segments(rawPath));
        log.add(new RequestLog.Entry(method, fullPath, rawQuery));
        try {
            Optional<FaultRule> fault = faults.take(method, fullPath, router.relativePath(rawPath));
            if (fault.isEmpty()) {
                Response response = router.dispatch(method, rawPath, rawQuery, headers, body, requestId);
                // A request refused before its body was read (a 401 on an upload part) still gets its answer.
                body.discard();
                write(exchange, response);
                return;
            }
            applyFault(exchange, fault.get(), new Call(method, rawPath, rawQuery, headers, body, requestId));
        } finally {
            body.release();
        }
    }

    private void applyFault(HttpExchange exchange, FaultRule rule, Call call) throws IOException {
        switch (rule.kind()) {
            case STATUS:
            case RATE_LIMIT:
            case INSUFFICIENT_QUOTA:
            case ECHO_HEADERS:
                call.body.discard();
                write(exchange, router.error(call.rawPath, FaultErrors.of(rule, call.headers), call.requestId));
                break;
            case MALFORMED_JSON:
                call.body.discard();
                write(exchange, Response.json(200, MALFORMED_BODY).withHeader("x-request-id", call.requestId));
                break;
            case HANG:
                // The body is kept first: the request takes effect after the delay even if the client has gone.
                call.body.spool(blobs);
                faults.held(1);
                boolean released;
                try {
                    released = hang(rule.hang());
                } finally {
                    faults.held(-1);
                }
                if (released) {
                    write(exchange, call.dispatch());
                }
                break;
            case LATE_RESPONSE:
                Response response = call.dispatch();
                call.body.discard();
                if (hang(rule.hang())) {
                    write(exchange, response);
                }
                break;
            case DROP_CONNECTION:
                Response dropped = call.dispatch();
                call.body.discard();
                writeTruncated(exchange, dropped);
                break;
            case RESTART_SERVER:
                long length = call.body.contentLength();
                call.body.readAndDrop(length > 0 ? length / 2 : RESTART_READ_UNKNOWN_LENGTH);
                restart.run();
                break;
            default:
                throw new IllegalStateException("unknown fault " + rule.kind());
        }
    }

    private static long contentLength(Map<String, List<String>> headers) {
        List<String> values = headers.get("content-length");
        if (values == null || values.isEmpty()) {
            return -1;
        }
        try {
            return Long.parseLong(values.get(0).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** One request, as the router needs it. */
    private final class Call {
        private final String method;
        private final String rawPath;
        private final String rawQuery;
        private final Map<String, List<String>> headers;
        private final RequestBody body;
        private final String requestId;

        private Call(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                     RequestBody body, String requestId) {
            this.method = method;
            this.rawPath = rawPath;
            this.rawQuery = rawQuery;
            this.headers = headers;
            this.body = body;
            this.requestId = requestId;
        }

        private Response dispatch() {
            return router.dispatch(method, rawPath, rawQuery, headers, body, requestId);
        }
    }

    /** Returns true when the full time passed, false when the emulator closed or the thread was interrupted. */
    private boolean hang(Duration duration) {
        try {
            return !closed.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void write(HttpExchange exchange, Response response) throws IOException {
        exchange.getResponseHeaders().set("Server", SERVER);
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        long length = response.length();
        boolean noBody = length == 0 || response.status() == 204 || response.status() == 304
                || "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody(); InputStream in = response.open()) {
                in.transferTo(out);
            }
        }
    }

    /** Announces the full length, sends half of the body, then closes: the client sees the connection drop. */
    private static void writeTruncated(HttpExchange exchange, Response response) throws IOException {
        exchange.getResponseHeaders().set("Server", SERVER);
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        Response sent = response.length() > 1 ? response
                : Response.json(response.status(), "{\"error\":null}");
        long length = sent.length();
        exchange.sendResponseHeaders(response.status(), length);
        OutputStream out = exchange.getResponseBody();
        try (InputStream in = sent.open()) {
            byte[] buffer = new byte[64 * 1024];
            long left = length / 2;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
        out.flush();
        // Closing with bytes missing makes the JDK server close the connection itself.
        exchange.close();
    }
}
