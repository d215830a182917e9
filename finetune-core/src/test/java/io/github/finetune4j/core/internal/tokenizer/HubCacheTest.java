package io.github.finetune4j.core.internal.tokenizer;

import io.github.finetune4j.core.error.AuthenticationException;
import io.github.finetune4j.core.error.ResponseFormatException;
import io.github.finetune4j.core.preflight.HubDownload;
import io.github.finetune4j.core.preflight.HuggingFaceTokenizer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.github.finetune4j.core.internal.tokenizer.HubFixture.TOKEN;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Hub download against a local server only: listing, download, checksum, cache, offline reuse, secrets. */
class HubCacheTest {
    private static String json;

    @StartStop
    public final MockWebServer server = new MockWebServer();

    @TempDir
    Path cache;

    @BeforeAll
    static void train() throws Exception {
        json = HubFixture.tokenizerJson();
    }

    private HubDownload download() {
        return HubFixture.download(cache, server.url("/").uri());
    }

    private static MockResponse listing(String entry) {
        return HubFixture.listing(entry);
    }

    private static String lfsEntry(String sha256) {
        return HubFixture.lfsEntry(json, sha256);
    }

    private static MockResponse file(String body) {
        return new MockResponse.Builder().code(200).body(body).build();
    }

    @Test
    void downloadsOnceVerifiesAndThenReadsTheCacheOffline() throws Exception {
        server.enqueue(listing(lfsEntry(HubCache.hash("SHA-256", json.getBytes(StandardCharsets.UTF_8)))));
        server.enqueue(file(json));

        HuggingFaceTokenizer first = HuggingFaceTokenizer.fromHub(download());
        HuggingFaceTokenizer again = HuggingFaceTokenizer.fromHub(download());

        assertThat(server.getRequestCount()).as("the second call needs no network").isEqualTo(2);
        RecordedRequest tree = server.takeRequest(1, SECONDS);
        assertThat(tree.getUrl().encodedPath()).isEqualTo("/api/models/meta-llama/Llama-3.1-8B-Instruct/tree/main");
        assertThat(tree.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        RecordedRequest resolve = server.takeRequest(1, SECONDS);
        assertThat(resolve.getUrl().encodedPath())
                .isEqualTo("/meta-llama/Llama-3.1-8B-Instruct/resolve/main/tokenizer.json");
        Path dir = cache.resolve("meta-llama--Llama-3.1-8B-Instruct").resolve("main");
        assertThat(Files.readString(dir.resolve("tokenizer.json.sha256"))).startsWith(first.sha256());
        assertThat(again.sha256()).isEqualTo(first.sha256());
        assertThat(again.modelId()).hasValue("meta-llama/Llama-3.1-8B-Instruct");
        assertThat(again.countTokens("Wie reinige ich den Filter?")).isEqualTo(first.countTokens(
                "Wie reinige ich den Filter?")).isPositive();
    }

    @Test
    void aFileThatDoesNotMatchTheListedChecksumIsRefusedAndNotCached() {
        server.enqueue(listing(lfsEntry("0".repeat(64))));
        server.enqueue(file(json));

        assertThatThrownBy(() -> HuggingFaceTokenizer.fromHub(download()))
                .isInstanceOf(ResponseFormatException.class).hasMessageContaining("but the Hub lists 0000");
        assertThat(cache.resolve("meta-llama--Llama-3.1-8B-Instruct").resolve("main").resolve("tokenizer.json"))
                .doesNotExist();
    }

    @Test
    void aFileOutsideLfsIsCheckedByItsGitBlobHash() {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        server.enqueue(listing("{\"type\":\"file\",\"path\":\"tokenizer.json\",\"oid\":\"" + HubCache.gitBlobSha1(bytes)
                + "\",\"size\":" + bytes.length + "}"));
        server.enqueue(file(json));

        assertThat(HuggingFaceTokenizer.fromHub(download()).sha256()).isEqualTo(HubCache.hash("SHA-256", bytes));
    }

    @Test
    void aCorruptedCacheIsDownloadedAgain() throws Exception {
        String sha = HubCache.hash("SHA-256", json.getBytes(StandardCharsets.UTF_8));
        server.enqueue(listing(lfsEntry(sha)));
        server.enqueue(file(json));
        HuggingFaceTokenizer.fromHub(download());
        Path cached = cache.resolve("meta-llama--Llama-3.1-8B-Instruct").resolve("main").resolve("tokenizer.json");
        Files.writeString(cached, json.replace("\"ignore_merges\"", " \"ignore_merges\""));
        server.enqueue(listing(lfsEntry(sha)));
        server.enqueue(file(json));

        HuggingFaceTokenizer repaired = HuggingFaceTokenizer.fromHub(download());

        assertThat(repaired.sha256()).isEqualTo(sha);
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void aRejectedTokenNeverAppearsInTheErrorOrTheOptions() {
        server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                .body("{\"error\":\"Invalid credentials in Authorization header\"}").build());

        assertThatThrownBy(() -> HuggingFaceTokenizer.fromHub(download()))
                .isInstanceOf(AuthenticationException.class)
                .satisfies(e -> assertThat(e.toString()).doesNotContain(TOKEN));
        assertThat(download().toString()).doesNotContain(TOKEN).contains("REDACTED");
    }
}
