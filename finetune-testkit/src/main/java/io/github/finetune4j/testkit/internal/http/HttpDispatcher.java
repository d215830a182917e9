package io.github.finetune4j.testkit.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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

    private final Router router;
    private final FaultEngine faults;
    private final RequestLog log;
    private final CountDownLatch closed;
    private final AtomicLong requestCounter = new AtomicLong();

    /**
     * Creates the dispatcher.
     *
     * @param router the router
     * @param faults the injected faults
     * @param log the request log
     * @param closed counted down when the emulator closes; ends hanging requests early
     */
    public HttpDispatcher(Router router, FaultEngine faults, RequestLog log, CountDownLatch closed) {
        this.router = router;
        this.faults = faults;
        this.log = log;
        this.closed = closed;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            serve(exchange);
        } catch (IOException e) {
            // the client went away; nothing to answer
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
        byte[] body = exchange.getRequestBody().readAllBytes();
        String requestId = String.format(Locale.ROOT, "req_%032x", requestCounter.incrementAndGet());
        String fullPath = Paths.join(Paths.segments(rawPath));
        log.add(new RequestLog.Entry(method, fullPath, rawQuery));

        Optional<FaultRule> fault = faults.take(method, fullPath, router.relativePath(rawPath));
        if (fault.isEmpty()) {
            write(exchange, router.dispatch(method, rawPath, rawQuery, headers, body, requestId));
            return;
        }
        FaultRule rule = fault.get();
        switch (rule.kind()) {
            case STATUS:
            case RATE_LIMIT:
                write(exchange, router.error(rawPath, FaultErrors.of(rule), requestId));
                break;
            case MALFORMED_JSON:
                write(exchange, Response.json(200, MALFORMED_BODY).withHeader("x-request-id", requestId));
                break;
            case HANG:
                if (hang(rule.hang())) {
                    write(exchange, router.dispatch(method, rawPath, rawQuery, headers, body, requestId));
                }
                break;
            case DROP_CONNECTION:
                writeTruncated(exchange, router.dispatch(method, rawPath, rawQuery, headers, body, requestId));
                break;
            default:
                throw new IllegalStateException("unknown fault " + rule.kind());
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
        byte[] body = response.body();
        boolean noBody = body.length == 0 || response.status() == 204 || response.status() == 304
                || "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Announces the full length, sends half of the body, then closes: the client sees the connection drop. */
    private static void writeTruncated(HttpExchange exchange, Response response) throws IOException {
        exchange.getResponseHeaders().set("Server", SERVER);
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] body = response.body().length > 1 ? response.body()
                : "{\"error\":null}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.status(), body.length);
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        // Closing with bytes missing makes the JDK server close the connection itself.
        exchange.close();
    }
}
