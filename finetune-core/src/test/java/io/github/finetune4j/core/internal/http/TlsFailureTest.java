package io.github.finetune4j.core.internal.http;

import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.error.TransportException;
import io.github.finetune4j.core.spi.HttpBody;
import io.github.finetune4j.core.spi.HttpCall;
import io.github.finetune4j.core.spi.RetryMode;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * "TLS failures say the request was not sent": a certificate the client does not trust, a certificate for another
 * name, a server that aborts the handshake and a plain-http server behind an https:// URL. Each is a
 * TransportException with isRequestPossiblySent() false, and no request reaches the server.
 */
class TlsFailureTest {
    /** Started by each test after it chose how the server speaks TLS (useHttps must come before start). */
    public final MockWebServer server = new MockWebServer();

    private static final Duration BOUND = Duration.ofSeconds(10);
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    private static HeldCertificate certificateFor(String host) {
        return new HeldCertificate.Builder().commonName(host).addSubjectAlternativeName(host).build();
    }

    private void serveTls(HeldCertificate certificate) throws Exception {
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslSocketFactory());
        server.start();
    }

    private JdkHttpTransport transport(HttpClient client) {
        JdkHttpTransport t = new JdkHttpTransport("openai", client,
                RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(2)), Duration.ofSeconds(5),
                "finetune-java/test", false, Clock.systemUTC());
        t.onRetry(waits::add);
        return t;
    }

    private static HttpClient trusting(HeldCertificate certificate) {
        return HttpClient.newBuilder().sslContext(new HandshakeCertificates.Builder()
                .addTrustedCertificate(certificate.certificate()).build().sslContext()).build();
    }

    private URI url() {
        return URI.create("https://localhost:" + server.getPort() + "/v1/fine_tuning/jobs");
    }

    private HttpCall create() {
        return HttpCall.builder("POST", url()).header("Authorization", "Bearer sk-test-0123456789")
                .body(HttpBody.json("{}")).retryMode(RetryMode.NOT_IDEMPOTENT).build();
    }

    private TransportException failure(JdkHttpTransport transport) {
        return assertTimeoutPreemptively(BOUND,
                () -> catchThrowableOfType(() -> transport.send(create()), TransportException.class));
    }

    private void assertNotSent(TransportException e) throws InterruptedException {
        assertThat(e).isNotNull();
        assertThat(e.isRequestPossiblySent()).isFalse();
        assertThat(e).hasMessageContaining("POST https://localhost:" + server.getPort() + "/v1/fine_tuning/jobs")
                .hasMessageContaining("the request was not sent")
                .message().doesNotContain("may have reached");
        assertNoRequestArrived();
    }

    /**
     * The server saw no request for the path. (A plain server counts the bytes of a TLS ClientHello as a malformed
     * request of its own, so the count alone does not tell.)
     */
    private void assertNoRequestArrived() throws InterruptedException {
        int seen = server.getRequestCount();
        for (int i = 0; i < seen; i++) {
            RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
            assertThat(request).isNotNull();
            assertThat(request.getTarget()).doesNotContain("fine_tuning");
            assertThat(request.getHeaders().get("Authorization")).isNull();
        }
    }

    @Test
    void aTrustedCertificateWorksSoTheFailuresBelowAreAboutTrust() throws Exception {
        HeldCertificate certificate = certificateFor("localhost");
        serveTls(certificate);
        server.enqueue(new MockResponse.Builder().body("{\"id\":\"ftjob-1\"}").build());

        assertThat(transport(trusting(certificate)).send(create()).bodyText()).contains("ftjob-1");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aSelfSignedCertificateTheClientDoesNotTrustIsReportedAsNotSent() throws Exception {
        serveTls(certificateFor("localhost"));
        server.enqueue(new MockResponse.Builder().body("{}").build());

        assertNotSent(failure(transport(HttpClient.newHttpClient())));
    }

    @Test
    void aCertificateForAnotherNameIsReportedAsNotSent() throws Exception {
        HeldCertificate elsewhere = certificateFor("api.example.org");
        serveTls(elsewhere);
        server.enqueue(new MockResponse.Builder().body("{}").build());

        assertNotSent(failure(transport(trusting(elsewhere))));
    }

    @Test
    void anUnexpectedMessageDuringTheHandshakeIsReportedConservativelyAsPossiblySent() throws Exception {
        // The JDK reports this as SSLProtocolException ("Unexpected handshake message"), a type it also uses after
        // the handshake (a TLS 1.2 renegotiation may follow a request already sent). Only SSLHandshakeException
        // proves nothing was sent; anything else stays "may have reached the server", which costs a lookup, never a
        // second job.
        HeldCertificate certificate = certificateFor("localhost");
        serveTls(certificate);
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().failHandshake().build());
        }

        TransportException e = failure(transport(trusting(certificate)));

        assertThat(e.isRequestPossiblySent()).isTrue();
        assertThat(e).hasMessageContaining("may have reached the server");
        assertThat(waits).as("a create that may have been sent is not repeated").isEmpty();
        assertNoRequestArrived();
    }

    @Test
    void aServerThatNeverAnswersTheHandshakeIsATimeoutReportedAsNotSent() throws Exception {
        // a bound socket with a backlog: the connection is made, the ClientHello is never answered
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            JdkHttpTransport transport = new JdkHttpTransport("openai", HttpClient.newHttpClient(), RetryPolicy.none(),
                    Duration.ofSeconds(1), "finetune-java/test", false, Clock.systemUTC());
            URI url = URI.create("https://localhost:" + silent.getLocalPort() + "/v1/fine_tuning/jobs");
            HttpCall post = HttpCall.builder("POST", url).body(HttpBody.json("{}")).build();

            TransportException e = assertTimeoutPreemptively(BOUND,
                    () -> catchThrowableOfType(() -> transport.send(post), TransportException.class));

            assertThat(e.isRequestPossiblySent()).isFalse();
            assertThat(e).hasMessageContaining("timed out").hasMessageContaining("the request was not sent");
        }
    }

    @Test
    void httpsToAPlainHttpServerThatAnswersIsReportedConservativelyAsPossiblySent() throws Exception {
        // The JDK says "Unrecognized SSL message, plaintext connection?" as a plain SSLException, with no handshake
        // frame in its stack: by type it cannot be told from a garbled record after a request was sent, so it
        // stays "may have reached the server" (the message still names the plaintext connection).
        try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Thread answering = new Thread(() -> {
                try (Socket s = plain.accept()) {
                    s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    s.getInputStream().read();
                } catch (java.io.IOException e) {
                    // closed by the test
                }
            });
            answering.start();
            JdkHttpTransport transport = new JdkHttpTransport("openai", HttpClient.newHttpClient(), RetryPolicy.none(),
                    Duration.ofSeconds(5), "finetune-java/test", false, Clock.systemUTC());
            URI url = URI.create("https://localhost:" + plain.getLocalPort() + "/v1/fine_tuning/jobs");
            HttpCall post = HttpCall.builder("POST", url).body(HttpBody.json("{}")).build();

            TransportException e = assertTimeoutPreemptively(BOUND,
                    () -> catchThrowableOfType(() -> transport.send(post), TransportException.class));

            assertThat(e).hasMessageContaining("plaintext connection");
            assertThat(e.isRequestPossiblySent()).isTrue();
            plain.close();
            answering.join(BOUND.toMillis());
        }
    }

    @Test
    void aHandshakeFailureIsRetriedLikeAnyFailureThatNeverLeft() throws Exception {
        serveTls(certificateFor("localhost"));

        failure(transport(HttpClient.newHttpClient()));

        assertThat(waits).hasSize(2);
    }

    @Test
    void aTlsFailureWrappedByTheHttpLayerIsReportedByItsTlsCause() {
        // the JDK's other order of events for https:// to a plain server: the HTTP parser fails first
        java.io.IOException wrapped = new java.io.IOException("HTTP/1.1 header parser received no bytes",
                new javax.net.ssl.SSLException("Unrecognized SSL message, plaintext connection?"));

        assertThat(JdkHttpTransport.reason(wrapped))
                .isEqualTo("HTTP/1.1 header parser received no bytes; TLS: Unrecognized SSL message, plaintext connection?");
        assertThat(JdkHttpTransport.reason(new java.io.IOException("Connection reset"))).isEqualTo("Connection reset");
    }
}
