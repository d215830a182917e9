package io.github.finetune4j.core.internal.http;

import io.github.finetune4j.core.spi.Redaction;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.error.ApiErrorDetails;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.error.RateLimitException;
import io.github.finetune4j.core.error.TransportException;
import io.github.finetune4j.core.spi.HttpCall;
import io.github.finetune4j.core.spi.HttpResult;
import io.github.finetune4j.core.spi.HttpTransport;
import io.github.finetune4j.core.spi.ProviderContext;
import io.github.finetune4j.core.spi.RetryMode;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The transport over the JDK {@link HttpClient}: timeouts on every request, retries through resilience4j with
 * exponential backoff and jitter ({@code Retry-After} wins), DEBUG logging with allow-listed headers, and error
 * statuses mapped to the exception hierarchy. Thread-safe.
 */
public final class JdkHttpTransport implements HttpTransport {
    /** The longest server-requested delay the transport waits itself; longer ones surface at once. */
    public static final Duration MAX_RETRY_AFTER = RetryPolicy.MAX_SERVER_DELAY;
    /** Timeout of a multipart upload that sets none, unless configured: 30 minutes. */
    public static final Duration DEFAULT_UPLOAD_TIMEOUT = Duration.ofMinutes(30);

    private static final System.Logger LOG = System.getLogger(JdkHttpTransport.class.getName());
    /** Retried for idempotent calls besides every 5xx: the README promises "408, 409, 429 and 5xx". */
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(408, 409, 429);

    private final String provider;
    private final HttpClient client;
    private final Duration defaultTimeout;
    private final Duration uploadTimeout;
    private final String userAgent;
    private final boolean allowInsecureHttp;
    private final Clock clock;
    private final Retry idempotentRetry;
    private final Retry guardedRetry;
    private final boolean followRedirects;

    /**
     * Creates a transport.
     *
     * @param provider the provider id, for messages and retry names
     * @param client the HTTP client, shared by the whole SDK client
     * @param policy the retry policy
     * @param defaultTimeout the timeout of a request that sets none
     * @param userAgent the User-Agent header value
     * @param allowInsecureHttp whether http to non-loopback hosts is allowed
     * @param clock the clock, for HTTP-date Retry-After values
     */
    public JdkHttpTransport(String provider, HttpClient client, RetryPolicy policy, Duration defaultTimeout,
                            String userAgent, boolean allowInsecureHttp, Clock clock) {
        this(provider, client, policy, defaultTimeout, DEFAULT_UPLOAD_TIMEOUT, userAgent, allowInsecureHttp, clock);
    }

    /**
     * Creates a transport with its own timeout for multipart uploads.
     *
     * @param provider the provider id, for messages and retry names
     * @param client the HTTP client, shared by the whole SDK client
     * @param policy the retry policy
     * @param defaultTimeout the timeout of a request that sets none
     * @param uploadTimeout the timeout of a multipart request that sets none
     * @param userAgent the User-Agent header value
     * @param allowInsecureHttp whether http to non-loopback hosts is allowed
     * @param clock the clock, for HTTP-date Retry-After values
     */
    public JdkHttpTransport(String provider, HttpClient client, RetryPolicy policy, Duration defaultTimeout,
                            Duration uploadTimeout, String userAgent, boolean allowInsecureHttp, Clock clock) {
        this(provider, client, policy, defaultTimeout, uploadTimeout, userAgent, allowInsecureHttp, clock, false);
    }

    /**
     * Creates a transport that may follow redirects of GET requests itself ({@link Redirects}): at most
     * {@value Redirects#MAX_HOPS} hops, never to plain http of another host, and without the secret headers
     * ({@code Authorization}, {@code api-key}) once the target is another origin.
     *
     * @param provider the provider id, for messages and retry names
     * @param client the HTTP client, shared by the whole SDK client; it must not follow redirects itself
     * @param policy the retry policy
     * @param defaultTimeout the timeout of a request that sets none
     * @param uploadTimeout the timeout of a multipart request that sets none
     * @param userAgent the User-Agent header value
     * @param allowInsecureHttp whether http to non-loopback hosts is allowed
     * @param clock the clock, for HTTP-date Retry-After values
     * @param followRedirects whether GET requests follow 301, 302, 303, 307 and 308 answers
     */
    public JdkHttpTransport(String provider, HttpClient client, RetryPolicy policy, Duration defaultTimeout,
                            Duration uploadTimeout, String userAgent, boolean allowInsecureHttp, Clock clock,
                            boolean followRedirects) {
        this.followRedirects = followRedirects;
        this.uploadTimeout = Objects.requireNonNull(uploadTimeout, "uploadTimeout");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.client = Objects.requireNonNull(client, "client");
        this.defaultTimeout = Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
        this.allowInsecureHttp = allowInsecureHttp;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idempotentRetry = Retry.of(provider + "-idempotent", config(policy, RetryMode.IDEMPOTENT));
        this.guardedRetry = Retry.of(provider + "-guarded", config(policy, RetryMode.NOT_IDEMPOTENT));
        idempotentRetry.getEventPublisher().onRetry(e -> LOG.log(System.Logger.Level.DEBUG,
                "retrying ({0}) in {1} ms", e.getNumberOfRetryAttempts(), e.getWaitInterval().toMillis()));
        guardedRetry.getEventPublisher().onRetry(e -> LOG.log(System.Logger.Level.DEBUG,
                "retrying ({0}) in {1} ms", e.getNumberOfRetryAttempts(), e.getWaitInterval().toMillis()));
    }

    /**
     * Subscribes to retry events, for tests that check the backoff without sleeping through it.
     *
     * @param onRetry receives the wait before each retry
     */
    public void onRetry(Consumer<Duration> onRetry) {
        idempotentRetry.getEventPublisher().onRetry(e -> onRetry.accept(e.getWaitInterval()));
        guardedRetry.getEventPublisher().onRetry(e -> onRetry.accept(e.getWaitInterval()));
    }

    @Override
    public HttpResult send(HttpCall call) {
        return exchange(call, null, 0);
    }

    /**
     * Streams a 2xx body into the file; error bodies are read into memory for the exception.
     *
     * @param call the request
     * @param target the file, truncated by each attempt
     * @return the 2xx response, with an empty body
     */
    @Override
    public HttpResult download(HttpCall call, Path target) {
        return exchange(call, Objects.requireNonNull(target, "target"), 0);
    }

    private HttpResult exchange(HttpCall call, Path target, int hops) {
        checkScheme(call);
        checkHeaders(call);
        Retry retry = call.retryMode() == RetryMode.IDEMPOTENT ? idempotentRetry : guardedRetry;
        AtomicInteger attempts = new AtomicInteger();
        Outcome outcome;
        try {
            outcome = Retry.decorateCheckedSupplier(retry, () -> {
                attempts.incrementAndGet();
                return attempt(call, target);
            }).get();
        } catch (RetryableResponse last) {
            if (Thread.currentThread().isInterrupted()) {
                throw interruptedWhileWaiting(call, null);
            }
            outcome = last.outcome;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FineTuneInterruptedException("interrupted during " + call, e);
        } catch (FineTuneException e) {
            throw e;
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw interruptedWhileWaiting(call, e);
            }
            TransportException failure = transportFailure(call, e, attempts.get());
            // The exception is the report: logging it above DEBUG as well would print every failure twice in the
            // caller's application (once where it is handled, once here).
            LOG.log(System.Logger.Level.DEBUG, "{0} (attempts: {1})", failure.getMessage(), attempts.get());
            throw failure;
        } catch (Throwable e) {
            if (e instanceof Error) {
                throw (Error) e;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw interruptedWhileWaiting(call, e);
            }
            throw new FineTuneException(provider + ": " + operation(call)
                    + " failed: " + Redaction.scrub(String.valueOf(e), call.secrets()),
                    ScrubbedException.of(e, call.secrets()), provider, null);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new FineTuneInterruptedException("interrupted during " + call, new InterruptedException());
        }
        if (outcome.status >= 200 && outcome.status < 300) {
            return new HttpResult(outcome.status, outcome.response.headers().map(), outcome.body());
        }
        Optional<HttpCall> next = followRedirects ? Redirects.next(call, outcome.status,
                outcome.response.headers().firstValue("location"), hops) : Optional.empty();
        if (next.isPresent()) {
            LOG.log(System.Logger.Level.DEBUG, "{0} redirected ({1}) to {2}", call, outcome.status,
                    Endpoints.describe(next.get().uri()));
            return exchange(next.get(), target, hops + 1);
        }
        ApiErrorDetails details = (outcome.status >= 300 && outcome.status < 400 ? redirected(call, outcome)
                : outcome.details(provider, clock, call.secrets()))
                .withOperation(operation(call));
        LOG.log(System.Logger.Level.DEBUG, "{0} {1} failed with {2} (attempts: {3}, request-id: {4})", provider, call,
                outcome.status, attempts.get(), details.requestId());
        throw ApiErrors.toException(details);
    }

    /**
     * resilience4j restores the interrupt flag when its wait after an exception is interrupted and rethrows the last
     * exception; the caller gets what the README promises, a FineTuneInterruptedException with the flag set. (After
     * a retried result, resilience4j 2.2 would swallow the interrupt and throw a NullPointerException: that is why
     * retryable responses travel as {@link RetryableResponse} exceptions, never as results.)
     */
    private FineTuneInterruptedException interruptedWhileWaiting(HttpCall call, Throwable last) {
        InterruptedException interrupted = new InterruptedException("interrupted while waiting to retry");
        if (last instanceof IOException) {
            interrupted.addSuppressed(ScrubbedException.of(last, call.secrets()));
        }
        return new FineTuneInterruptedException(provider + ": interrupted while waiting to retry " + operation(call), interrupted);
    }

    private Outcome attempt(HttpCall call, Path target) throws IOException, InterruptedException, RetryableResponse {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        Duration timeout = call.timeout().orElse(call.body().form().isPresent() ? uploadTimeout : defaultTimeout);
        Optional<Duration> budget = Deadline.remaining();
        if (budget.isPresent()) {
            if (budget.get().toMillis() < 1) {
                throw new TransportException(provider + ": " + operation(call)
                        + " not sent: the wait budget is spent", null, provider, false);
            }
            timeout = budget.get().compareTo(timeout) < 0 ? budget.get() : timeout;
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(call.uri())
                .timeout(timeout)
                .header("User-Agent", userAgent);
        call.headers().forEach(builder::header);
        call.body().contentType().ifPresent(ct -> builder.header("Content-Type", ct));
        try {
            builder.method(call.method(), BodyPublishers.of(call.body()));
        } catch (FileNotFoundException e) {
            throw new FineTuneException("cannot read upload file: " + e.getMessage(), e, provider, null);
        }
        long started = System.nanoTime();
        // The request timeout ends the wait for the response's headers only; a body that stalls after them is
        // bounded here: by the timeout for an ordinary call, by the wait budget (if any) for a download.
        HttpResponse<byte[]> response = sendWithin(builder.build(), target == null
                ? HttpResponse.BodyHandlers.ofByteArray() : toFileWhenOk(target),
                target == null ? Optional.of(timeout) : budget);
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, "{0} -> {1} in {2} ms, headers {3}", call, response.statusCode(),
                    (System.nanoTime() - started) / 1_000_000,
                    Redaction.scrub(String.valueOf(Redaction.loggableHeaders(response.headers().map())),
                            call.secrets()));
        }
        Outcome outcome = new Outcome(response, call.extraRetryableStatuses());
        if (outcome.isRetryable(call.retryMode(), provider, clock)) {
            throw new RetryableResponse(outcome);
        }
        return outcome;
    }

    /**
     * Sends and reads the whole response within a time limit: the JDK's request timeout covers only the wait for
     * the headers, so a server that sends headers and then stalls mid-body would otherwise hold the caller (and a
     * wait budget) for as long as the connection lives. Past the limit the exchange is cancelled and the attempt
     * fails as a timeout, like a late header.
     */
    private static final long BODY_GRACE_MILLIS = 500;

    private HttpResponse<byte[]> sendWithin(HttpRequest request, HttpResponse.BodyHandler<byte[]> handler,
                                            Optional<Duration> limit) throws IOException, InterruptedException {
        if (limit.isEmpty()) {
            return client.send(request, handler);
        }
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, handler);
        try {
            // A little later than the request timeout, so that the JDK's own timeouts (connect, handshake,
            // headers) keep reporting what they know, such as "the request was not sent".
            return exchange.get(Math.max(1, limit.get().toMillis()) + BODY_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException("the response did not arrive in full within " + limit.get().toMillis()
                    + " ms");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IOException(cause);
        }
    }

    /** A 2xx body goes to the file (nothing in memory), any other body into memory for the error. */
    private static HttpResponse.BodyHandler<byte[]> toFileWhenOk(Path target) {
        return info -> info.statusCode() / 100 == 2
                ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofFile(target,
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING),
                        written -> new byte[0])
                : HttpResponse.BodySubscribers.ofByteArray();
    }

    /**
     * Unless this transport follows redirects (and then only of GET requests), the SDK never follows them (a key
     * must not travel to another host): say where it was sent instead.
     */
    private ApiErrorDetails redirected(HttpCall call, Outcome outcome) {
        String location = outcome.response.headers().firstValue("location").orElse("(no Location header)");
        String message = Redaction.scrub(operation(call) + " was redirected to "
                + location + "; the SDK does not follow redirects: check the base URL", call.secrets());
        return new ApiErrorDetails(provider, outcome.status, "redirect", null, null, message,
                Redaction.scrub(outcome.requestId().orElse(null), call.secrets()), null);
    }

    /** What a message names: the method and the endpoint, {@code GET https://host:443/v1/files}. */
    private static String operation(HttpCall call) {
        return call.method() + " " + Endpoints.describe(call.uri());
    }

    private RetryConfig config(RetryPolicy policy, RetryMode mode) {
        return RetryConfig.<Outcome>custom()
                .maxAttempts(policy.maxAttempts())
                .failAfterMaxAttempts(false)
                .retryOnException(e -> e instanceof RetryableResponse || isRetryable(e, mode))
                .intervalBiFunction((Integer attempt, Either<Throwable, Outcome> last) -> {
                    Optional<Outcome> answer = last.isRight() ? Optional.of(last.get())
                            : last.getLeft() instanceof RetryableResponse
                            ? Optional.of(((RetryableResponse) last.getLeft()).outcome) : Optional.empty();
                    Optional<Duration> hint = answer.flatMap(o -> o.retryAfter(clock));
                    if (hint.isPresent()) {
                        long wait = Math.max(hint.get().toMillis(), 0L);
                        return Deadline.remaining().map(r -> Math.min(wait, r.toMillis())).orElse(wait);
                    }
                    long base = policy.backoff(attempt).toMillis();
                    long delay = (long) (base * (1 - policy.jitter() * ThreadLocalRandom.current().nextDouble()));
                    // Never sleep past the wait budget: the next attempt then ends the request at once.
                    return Deadline.remaining().map(r -> Math.min(delay, r.toMillis())).orElse(delay);
                })
                .build();
    }

    private static boolean isRetryable(Throwable e, RetryMode mode) {
        if (!(e instanceof IOException)) {
            return false;
        }
        return mode == RetryMode.IDEMPOTENT || neverSent((IOException) e);
    }

    /** Connect failures and TLS handshake failures happen before a byte of the request is sent. */
    private static boolean neverSent(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException
                    || t instanceof javax.net.ssl.SSLHandshakeException) {
                return true;
            }
        }
        return false;
    }

    private TransportException transportFailure(HttpCall call, IOException e, int attempts) {
        boolean sent = !neverSent(e);
        String what = e instanceof HttpTimeoutException ? "timed out"
                : e instanceof ConnectException ? "could not connect" : "failed: " + e.getClass().getSimpleName();
        String reason = Redaction.scrub(reason(e), call.secrets());
        if ((reason == null || reason.isBlank()) && e instanceof ConnectException) {
            reason = "nothing listens there, or a firewall refused the connection";
        }
        return new TransportException(provider + ": " + operation(call) + " "
                + what + (reason == null || reason.isBlank() ? "" : " (" + reason + ")")
                + (attempts > 1 ? " after " + attempts + " attempts" : "")
                + (sent ? "; the request may have reached the server" : "; the request was not sent"),
                ScrubbedException.of(e, call.secrets()), provider, sent);
    }

    /**
     * The most telling message in a failure's chain: a TLS failure wrapped by the HTTP layer ("header parser received
     * no bytes" caused by "Unrecognized SSL message, plaintext connection?") is reported by its TLS cause, which says
     * what is wrong; otherwise the failure's own message.
     */
    static String reason(IOException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException && t.getMessage() != null && !t.getMessage().isBlank()) {
                return e.getMessage() + "; TLS: " + t.getMessage();
            }
        }
        return e.getMessage();
    }

    /**
     * Refuses a header the JDK would refuse, before anything is sent, without quoting its value: the JDK's own message
     * quotes it, and the value of {@code Authorization} or {@code api-key} is a secret (a key read from a file often
     * ends with a line break).
     */
    private static void checkHeaders(HttpCall call) {
        call.headers().forEach((name, value) -> {
            try {
                HttpRequest.newBuilder().header(name, "x");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("request header " + name + " cannot be sent: "
                        + Redaction.scrub(e.getMessage(), call.secrets()));
            }
            try {
                HttpRequest.newBuilder().header(name, value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the value of request header " + name + " holds characters HTTP "
                        + "does not allow (a line break, another control character or non-ASCII text); it is not "
                        + "shown because it may be a secret: check the configured key or token for stray whitespace");
            }
        });
    }

    private void checkScheme(HttpCall call) {
        String scheme = call.uri().getScheme() == null ? "" : call.uri().getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !allowInsecureHttp && !ProviderContext.isLoopback(call.uri().getHost())) {
            throw new IllegalStateException("refusing plain http:// to " + call.uri().getHost()
                    + ": use https:// or allowInsecureHttp() on the client builder");
        }
    }

    /** A response the transport retries, carried as an exception so that resilience4j waits on its exception path. */
    private static final class RetryableResponse extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Outcome outcome;

        RetryableResponse(Outcome outcome) {
            super("retryable status " + outcome.status, null, false, false);
            this.outcome = outcome;
        }
    }

    /** One attempt's response. */
    private static final class Outcome {
        private final HttpResponse<byte[]> response;
        private final int status;
        private final Set<Integer> extraRetryable;

        Outcome(HttpResponse<byte[]> response, Set<Integer> extraRetryable) {
            this.response = response;
            this.status = response.statusCode();
            this.extraRetryable = extraRetryable;
        }

        byte[] body() {
            byte[] b = response.body();
            return b == null ? new byte[0] : b;
        }

        Optional<Duration> retryAfter(Clock clock) {
            return RetryAfter.parse(name -> response.headers().firstValue(name), clock);
        }

        Optional<String> requestId() {
            return HttpResult.requestId(name -> response.headers().firstValue(name));
        }

        ApiErrorDetails details(String provider, Clock clock, java.util.Collection<String> secrets) {
            return ApiErrors.details(provider, status, body(), Redaction.scrub(requestId().orElse(null), secrets),
                    retryAfter(clock).orElse(null), secrets);
        }

        boolean isRetryable(RetryMode mode, String provider, Clock clock) {
            if (status < 400) {
                return false;
            }
            Optional<String> shouldRetry = response.headers().firstValue("x-should-retry");
            if (shouldRetry.filter("false"::equalsIgnoreCase).isPresent()) {
                return false;
            }
            if (retryAfter(clock).filter(d -> d.compareTo(MAX_RETRY_AFTER) > 0).isPresent()) {
                return false;
            }
            if (status == 429) {
                return !((RateLimitException) ApiErrors.toException(details(provider, clock, java.util.List.of())))
                        .isQuotaExhausted();
            }
            if (mode == RetryMode.NOT_IDEMPOTENT) {
                return false;
            }
            return shouldRetry.filter("true"::equalsIgnoreCase).isPresent() || RETRYABLE_STATUS.contains(status)
                    || status >= 500 && status <= 599 || extraRetryable.contains(status);
        }
    }
}
