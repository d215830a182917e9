package io.github.finetune4j.azure.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.azure.AccessToken;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.error.ResponseFormatException;
import io.github.finetune4j.core.error.TransportException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Talks to a token service (Entra ID, IMDS, the App Service identity endpoint) over its own JDK {@link HttpClient}.
 *
 * <p>Why not the core transport: the OAuth token endpoint needs an {@code application/x-www-form-urlencoded} body,
 * which the core's {@code HttpBody} cannot express; IMDS is plain {@code http://} on a link-local address, which
 * the core transport refuses unless insecure HTTP is allowed for the whole client; and every refusal must become an
 * {@link io.github.finetune4j.core.error.AuthenticationException} (Entra answers a bad secret with 400), which the
 * core's status mapping does not do. Requests go direct (no proxy), with a 10 s connect and 30 s request timeout,
 * no redirects, and up to {@link RetryPolicy#maxAttempts()} attempts on connection failures, 429 and 5xx (plus
 * 404 and 410 for managed identity, which IMDS answers while it updates). Nothing secret is logged. Thread-safe.
 */
public final class TokenEndpoint {
    /** Connect timeout: 10 seconds. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Request timeout: 30 seconds. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(TokenEndpoint.class.getName());
    private static final String USER_AGENT = "finetune-java/" + Optional.ofNullable(
            TokenEndpoint.class.getPackage().getImplementationVersion()).orElse("dev")
            + " (azure-openai) Java/" + System.getProperty("java.version");

    private final String plane;
    private final HttpClient http;
    private final RetryPolicy retry;
    private final Set<Integer> retryableStatus;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * Creates a client for one credential.
     *
     * @param plane names the token service in messages, for example {@code azure-entra}
     * @param retry attempts and backoff
     * @param retryableStatus statuses worth retrying
     * @param clock the clock, for {@code expires_in}
     */
    public TokenEndpoint(String plane, RetryPolicy retry, Set<Integer> retryableStatus, Clock clock) {
        this.plane = Objects.requireNonNull(plane, "plane");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.retryableStatus = Set.copyOf(retryableStatus);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).proxy(HttpClient.Builder.NO_PROXY).build();
    }

    /**
     * Posts a form (Entra ID token endpoint).
     *
     * @param uri the token endpoint
     * @param form the fields, in order
     * @param secrets values that must never appear in messages
     * @return the token
     */
    public AccessToken postForm(URI uri, Map<String, String> form, List<String> secrets) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = base(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return exchange(request, secrets);
    }

    /**
     * Sends a GET (managed identity endpoints).
     *
     * @param uri the endpoint with its query
     * @param headers extra headers
     * @param secrets values that must never appear in messages
     * @return the token
     */
    public AccessToken get(URI uri, Map<String, String> headers, List<String> secrets) {
        HttpRequest.Builder builder = base(uri).GET();
        headers.forEach(builder::header);
        return exchange(builder.build(), secrets);
    }

    private HttpRequest.Builder base(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
    }

    private AccessToken exchange(HttpRequest request, List<String> secrets) {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> response;
            try {
                response = send(request);
            } catch (IOException e) {
                if (attempt < retry.maxAttempts()) {
                    pause(retry.backoff(attempt), request);
                    continue;
                }
                boolean connect = e instanceof ConnectException;
                throw new TransportException(plane + ": token request to " + request.uri().getHost() + " failed: "
                        + e.getClass().getSimpleName(), e, plane, !connect);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return read(response);
            }
            if (retryableStatus.contains(status) && attempt < retry.maxAttempts()) {
                pause(retry.backoff(attempt), request);
                continue;
            }
            throw refused(response, secrets);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw interrupted(request, new InterruptedException());
        }
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            LOG.log(System.Logger.Level.DEBUG, "{0} token request to {1}{2} -> {3} in {4} ms", plane,
                    request.uri().getHost(), request.uri().getRawPath(), response.statusCode(),
                    (System.nanoTime() - started) / 1_000_000);
            return response;
        } catch (InterruptedException e) {
            throw interrupted(request, e);
        }
    }

    private void pause(Duration delay, HttpRequest request) {
        try {
            Thread.sleep(Math.max(1, delay.toMillis()));
        } catch (InterruptedException e) {
            throw interrupted(request, e);
        }
    }

    private FineTuneInterruptedException interrupted(HttpRequest request, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new FineTuneInterruptedException(plane + ": interrupted during a token request to "
                + request.uri().getHost(), e);
    }

    private AccessToken read(HttpResponse<byte[]> response) {
        JsonNode body = parse(response.body());
        return TokenResponses.token(body, clock.instant()).orElseThrow(() -> new ResponseFormatException(
                plane + " returned no usable token (access_token and expires_in or expires_on expected)", null,
                plane, requestId(response)));
    }

    private RuntimeException refused(HttpResponse<byte[]> response, List<String> secrets) {
        byte[] raw = response.body() == null ? new byte[0] : response.body();
        JsonNode body = parse(raw);
        String text = body == null ? new String(raw, StandardCharsets.UTF_8) : null;
        return TokenResponses.refused(plane, response.statusCode(), body, text, requestId(response), secrets);
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String requestId(HttpResponse<?> response) {
        return response.headers().firstValue("x-ms-request-id")
                .or(() -> response.headers().firstValue("client-request-id")).orElse(null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
