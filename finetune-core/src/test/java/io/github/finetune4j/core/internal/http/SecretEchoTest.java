package io.github.finetune4j.core.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.error.ApiException;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.spi.HttpBody;
import io.github.finetune4j.core.spi.HttpCall;
import io.github.finetune4j.core.spi.RetryMode;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A gateway that echoes every request header (and the form body) back in its error answer, in every field of the
 * OpenAI, Azure and OAuth error shapes, in a raw text body and in a cut JSON body, in several URL encodings and JSON
 * escapes. No secret value may appear in the exception (message, toString, getters, causes, suppressed) nor in any
 * log record at any level.
 */
class SecretEchoTest {
    @StartStop
    public final MockWebServer server = new MockWebServer();

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The credentials a request may carry, each with the values that must never come back. */
    enum Credential {
        OPENAI_KEY("Authorization", "Bearer sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zT1000skynet"),
        AZURE_API_KEY("api-key", "9f8e7d6c5b4a39281706f5e4d3c2b1a0"),
        X_API_KEY("x-api-key", "c0ffee00deadbeef4242424242424242"),
        JWT_BEARER("Authorization", "Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9"
                + ".eyJhdWQiOiJodHRwczovL2NvZ25pdGl2ZXNlcnZpY2VzLmF6dXJlLmNvbSIsIm9pZCI6IjEyMyJ9"
                + ".c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU"),
        OPAQUE_BEARER("Authorization", "Bearer tok_5mQ.x~Zp+w/Lm9Rk=="),
        CLIENT_SECRET(null, "Xy7~Q8+r/Zk.9Wp=Lm_2-Vn");

        final String header;
        final String value;

        Credential(String header, String value) {
            this.header = header;
            this.value = value;
        }

        /** The secret itself: the header value without its {@code Bearer } prefix. */
        String secret() {
            return value.startsWith("Bearer ") ? value.substring(7) : value;
        }
    }

    /** How the gateway answers. */
    enum Shape { OPENAI, AZURE, OAUTH, RAW_TEXT, CUT_JSON }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Credential c : Credential.values()) {
            for (Shape s : Shape.values()) {
                for (int status : new int[] {400, 401, 429, 503}) {
                    all.add(Arguments.of(c, s, status));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} echoed as {1} with {2}")
    @MethodSource("cases")
    void echoedCredentialAppearsInNoExceptionTextGetterCauseOrLogRecord(Credential credential, Shape shape, int status) {
        server.setDispatcher(new EchoingGateway(shape, status));
        JdkHttpTransport transport = transport();
        Throwable thrown;
        List<LogRecord> records;
        try (LogCapture logs = LogCapture.all()) {
            thrown = catchThrowable(() -> transport.send(call(credential)));
            records = logs.records();
        }

        assertThat(thrown).isInstanceOf(ApiException.class);
        assertThat(((ApiException) thrown).statusCode()).isEqualTo(status);
        String everything = exceptionText(thrown);
        assertThat(server.getRequestCount()).isPositive();
        for (String form : leakedForms(credential.secret())) {
            assertThat(everything).as("exception text").doesNotContain(form);
            for (LogRecord record : records) {
                assertThat(LogCapture.text(record)).as("log record %s at %s", record.getMessage(), record.getLevel())
                        .doesNotContain(form);
            }
        }
        // the capture really saw the transport's DEBUG lines, so an empty log is not what made this pass
        assertThat(records).anySatisfy(r -> {
            assertThat(r.getLoggerName()).isEqualTo(JdkHttpTransport.class.getName());
            assertThat(r.getLevel().intValue()).isLessThan(Level.INFO.intValue());
        });
    }

    @Test
    void theGatewayReallyEchoesEveryFormOfEverySecretSoTheseTestsCanFail() {
        for (Credential credential : Credential.values()) {
            Map<String, String> headers = credential.header == null ? Map.of()
                    : Map.of(credential.header, credential.value);
            String body = credential.header == null
                    ? "client_secret=" + URLEncoder.encode(credential.value, StandardCharsets.UTF_8) : "";

            String echoed = EchoingGateway.echo(headers, body);

            assertThat(leakedForms(credential.secret())).isNotEmpty()
                    .allSatisfy(form -> assertThat(echoed).contains(form));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentials")
    void allowListedResponseHeadersThatEchoTheKeyAreScrubbedInTheExceptionAndInTheDebugLog(Credential credential) {
        String echo = credential.secret();
        for (int status : new int[] {503, 400}) {
            server.enqueue(new MockResponse.Builder().code(status).addHeader("x-request-id", echo)
                    .addHeader("apim-request-id", echo).addHeader("openai-version", echo)
                    .addHeader("x-ratelimit-limit-requests", echo).addHeader("retry-after-ms", "1")
                    .addHeader("Content-Type", "application/json")
                    .body("{\"error\":{\"code\":\"bad\",\"message\":\"no\"}}").build());
        }
        JdkHttpTransport transport = transport();
        Throwable thrown;
        List<LogRecord> records;
        try (LogCapture logs = LogCapture.all()) {
            thrown = catchThrowable(() -> transport.send(call(credential)));
            records = logs.sdkRecords();
        }

        assertThat(thrown).isInstanceOf(ApiException.class);
        assertThat(records).anySatisfy(r -> assertThat(LogCapture.text(r)).contains("x-ratelimit-limit-requests"));
        for (String form : leakedForms(echo)) {
            assertThat(exceptionText(thrown)).doesNotContain(form);
            assertThat(records).allSatisfy(r -> assertThat(LogCapture.text(r)).doesNotContain(form));
        }
    }

    @Test
    void aRedirectLocationThatCarriesTheKeyIsNamedWithoutIt() {
        Credential key = Credential.OPENAI_KEY;
        server.enqueue(new MockResponse.Builder().code(302)
                .addHeader("Location", "https://elsewhere.example/v1/models?key=" + key.secret()).build());

        Throwable thrown = catchThrowable(() -> transport().send(call(key)));

        assertThat(thrown).isInstanceOf(ApiException.class).hasMessageContaining("https://elsewhere.example/v1/models");
        assertThat(exceptionText(thrown)).doesNotContain(key.secret());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentials")
    void aBrokenStatusLineThatEchoesTheKeyLeavesItInNoCause(Credential credential) {
        // the JDK quotes a status line it cannot parse in its ProtocolException message
        String echo = credential.secret();
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().status("HTTP/1.1 4x0 " + echo).build());
        }
        JdkHttpTransport transport = transport();
        Throwable thrown;
        List<LogRecord> records;
        try (LogCapture logs = LogCapture.all()) {
            thrown = catchThrowable(() -> transport.send(call(credential)));
            records = logs.sdkRecords();
        }

        assertThat(thrown).isInstanceOf(FineTuneException.class);
        String everything = exceptionText(thrown);
        assertThat(everything).contains("4x0");
        for (String form : leakedForms(credential.secret())) {
            assertThat(everything).doesNotContain(form);
            for (LogRecord record : records) {
                assertThat(LogCapture.text(record)).doesNotContain(form);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentials")
    void aKeyWithAStrayNewlineIsRefusedWithoutItsValueInAnyText(Credential credential) {
        // a key read from a file often ends with a newline; the JDK quotes the bad header value in its exception
        HttpCall.Builder builder = HttpCall.builder("GET", server.url("/v1/models").uri());
        String header = credential.header == null ? "Authorization" : credential.header;
        String value = (credential.header == null ? "Bearer " + credential.value : credential.value) + "\n";
        HttpCall call = builder.header(header, value).build();
        String secret = credential.secret();

        Throwable thrown;
        List<LogRecord> records;
        try (LogCapture logs = LogCapture.all()) {
            thrown = catchThrowable(() -> transport().send(call));
            records = logs.sdkRecords();
        }

        assertThat(thrown).isNotNull().hasMessageContaining(header);
        assertThat(exceptionText(thrown)).doesNotContain(secret);
        assertThat(records).allSatisfy(r -> assertThat(LogCapture.text(r)).doesNotContain(secret));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theSecretShapesStillCatchAKeyTheCallDidNotDeclare() {
        String foreign = "sk-proj-SomebodyElsesKey0123456789abcdef";
        server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"key " + foreign + " is invalid\",\"code\":\"" + foreign + "\"}}")
                .build());

        assertThatThrownBy(() -> transport().send(call(Credential.AZURE_API_KEY)))
                .satisfies(e -> assertThat(exceptionText(e)).doesNotContain(foreign).contains("REDACTED"));
    }

    static Stream<Credential> credentials() {
        return Stream.of(Credential.values());
    }

    private JdkHttpTransport transport() {
        return new JdkHttpTransport("openai", HttpClient.newHttpClient(),
                RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(2)), Duration.ofSeconds(10),
                "finetune-java/test", false, Clock.systemUTC());
    }

    private HttpCall call(Credential credential) {
        if (credential.header != null) {
            return HttpCall.builder("GET", server.url("/v1/fine_tuning/jobs").uri())
                    .header(credential.header, credential.value).header("OpenAI-Organization", "org-123").build();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "client_credentials");
        fields.put("client_id", "00000000-1111-2222-3333-444444444444");
        fields.put("client_secret", credential.value);
        fields.put("scope", "https://cognitiveservices.azure.com/.default");
        return HttpCall.builder("POST", server.url("/tenant/oauth2/v2.0/token").uri()).body(HttpBody.form(fields))
                .retryMode(RetryMode.IDEMPOTENT).secret(credential.value).build();
    }

    /** Every way a secret may be written back: as is, in several URL encodings and with JSON escapes. */
    static Set<String> leakedForms(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        forms.add(percentEncode(secret, "-_.!~*'()"));
        forms.add(percentEncode(secret, "-_.~/"));
        forms.add(lowerHex(URLEncoder.encode(secret, StandardCharsets.UTF_8)));
        forms.add(secret.replace("/", "\\/"));
        return forms;
    }

    /** Percent-encodes all but ASCII letters, digits and the given characters (upper-case hex). */
    static String percentEncode(String value, String safe) {
        StringBuilder sb = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || safe.indexOf(c) >= 0)) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    static String lowerHex(String encoded) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length()) {
                sb.append('%').append(encoded.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Every text an exception shows: the full stack trace print and, for API errors, every getter. */
    static String exceptionText(Throwable thrown) {
        StringBuilder sb = new StringBuilder(LogCapture.Throwables.everyText(thrown));
        if (thrown instanceof FineTuneException) {
            FineTuneException f = (FineTuneException) thrown;
            sb.append('\n').append(f.provider()).append('\n').append(f.requestId());
        }
        if (thrown instanceof ApiException) {
            ApiException e = (ApiException) thrown;
            sb.append('\n').append(e.errorCode()).append('\n').append(e.errorParam()).append('\n')
                    .append(e.errorMessage()).append('\n').append(e.errorType()).append('\n').append(e.details())
                    .append('\n').append(e.details().formatMessage());
        }
        return sb.toString();
    }

    /** Answers every request with an error that repeats what it received. */
    static final class EchoingGateway extends Dispatcher {
        private final Shape shape;
        private final int status;

        EchoingGateway(Shape shape, int status) {
            this.shape = shape;
            this.status = status;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            Map<String, String> headers = new LinkedHashMap<>();
            Headers h = request.getHeaders();
            for (int i = 0; i < h.size(); i++) {
                headers.put(h.name(i), h.value(i));
            }
            String body = request.getBody() == null ? "" : request.getBody().utf8();
            String echo = echo(headers, body);
            MockResponse.Builder response = new MockResponse.Builder().code(status).addHeader("x-request-id", "req_echo");
            if (status == 429 || status == 503) {
                response.addHeader("retry-after-ms", "1");
            }
            return response.addHeader("Content-Type", shape == Shape.RAW_TEXT ? "text/plain" : "application/json")
                    .body(body(echo)).build();
        }

        /** The echo: each header and form value as is, decoded and in every encoding the test checks. */
        static String echo(Map<String, String> headers, String body) {
            StringBuilder sb = new StringBuilder();
            List<String> values = new ArrayList<>();
            headers.forEach((name, value) -> {
                sb.append(name).append(": ").append(value).append("; ");
                values.add(value.startsWith("Bearer ") ? value.substring(7) : value);
            });
            sb.append("body: ").append(body).append("; ");
            if (!body.isEmpty() && !body.startsWith("{")) {
                for (String pair : body.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        values.add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
            }
            for (String v : values) {
                for (String form : leakedForms(v)) {
                    sb.append(form).append(' ');
                }
            }
            return sb.toString();
        }

        private String body(String echo) {
            try {
                ObjectNode root = JSON.createObjectNode();
                switch (shape) {
                    case OPENAI: {
                        ObjectNode error = root.putObject("error");
                        error.put("message", "Incorrect API key provided: " + echo);
                        error.put("type", echo);
                        error.put("param", echo);
                        error.put("code", echo);
                        return JSON.writeValueAsString(root);
                    }
                    case AZURE: {
                        ObjectNode error = root.putObject("error");
                        error.put("code", echo);
                        error.put("message", "Access denied: " + echo);
                        error.put("target", echo);
                        ObjectNode inner = error.putObject("innererror");
                        inner.put("code", echo);
                        inner.put("message", echo);
                        return JSON.writeValueAsString(root);
                    }
                    case OAUTH:
                        root.put("error", echo);
                        root.put("error_description", "AADSTS7000215: Invalid client secret provided. " + echo);
                        return JSON.writeValueAsString(root);
                    case RAW_TEXT:
                        return "<html><body>Bad gateway. You sent: " + echo + "</body></html>";
                    case CUT_JSON: {
                        ObjectNode error = root.putObject("error");
                        error.put("message", echo);
                        error.put("code", echo);
                        String json = JSON.writeValueAsString(root).replace("/", "\\/");
                        return json.substring(0, json.length() - 3);
                    }
                    default:
                        throw new IllegalStateException(shape.name());
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
