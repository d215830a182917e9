package io.github.finetune4j.examples.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A company gateway on loopback, as some teams put in front of OpenAI: it serves the API under {@code /acme/openai/v1},
 * accepts only its own {@code x-acme-key} header and forwards to the upstream (here the emulator) with the upstream's
 * key. It refuses requests that carry an {@code Authorization} header, so a provider that sends OpenAI's header fails.
 */
final class LoopbackGateway implements AutoCloseable {
    static final String PREFIX = "/acme/openai/v1";
    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "x-acme-key",
            "authorization", "upgrade", "expect", "transfer-encoding");

    private final HttpServer server;
    private final HttpClient upstream = HttpClient.newHttpClient();
    private final String upstreamBase;
    private final String upstreamKey;
    private final String gatewayKey;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    LoopbackGateway(String upstreamBase, String upstreamKey, String gatewayKey) throws IOException {
        this.upstreamBase = upstreamBase;
        this.upstreamKey = upstreamKey;
        this.gatewayKey = gatewayKey;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PREFIX, this::forward);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX;
    }

    /** Method and path of every request the gateway accepted. */
    List<String> seen() {
        return List.copyOf(seen);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!gatewayKey.equals(exchange.getRequestHeaders().getFirst("x-acme-key"))
                    || exchange.getRequestHeaders().containsKey("Authorization")) {
                respond(exchange, 401, "{\"error\":{\"code\":\"gateway_auth\",\"message\":\"x-acme-key required\"}}"
                        .getBytes());
                return;
            }
            URI uri = exchange.getRequestURI();
            seen.add(exchange.getRequestMethod() + " " + uri.getRawPath());
            String rest = uri.getRawPath().substring(PREFIX.length())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstreamBase + rest))
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Authorization", "Bearer " + upstreamKey);
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase())) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> response = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().firstValue("content-type")
                    .ifPresent(ct -> exchange.getResponseHeaders().add("Content-Type", ct));
            response.headers().firstValue("x-request-id")
                    .ifPresent(id -> exchange.getResponseHeaders().add("x-request-id", id));
            respond(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
