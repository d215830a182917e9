package io.github.finetune4j.core.internal.tokenizer;

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
import java.nio.file.Path;

import static io.github.finetune4j.core.internal.tokenizer.HubFixture.TOKEN;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Hub serves large files from its file storage on another host behind a redirect: the download follows it and
 * the token stays with the Hub. Two servers on loopback stand for the Hub and its file storage (different ports are
 * different origins).
 */
class HubCacheRedirectTest {
    private static String json;

    @StartStop
    public final MockWebServer hub = new MockWebServer();
    @StartStop
    public final MockWebServer storage = new MockWebServer();

    @TempDir
    Path cache;

    @BeforeAll
    static void train() throws Exception {
        json = HubFixture.tokenizerJson();
    }

    private HubDownload download() {
        return HubFixture.download(cache, hub.url("/").uri());
    }

    private void listing() {
        hub.enqueue(HubFixture.listingOf(json));
    }

    @Test
    void downloadFollowsTheRedirectToTheFileStorageWithoutTheToken() throws Exception {
        listing();
        hub.enqueue(new MockResponse.Builder().code(302)
                .addHeader("Location", storage.url("/repos/ab/cd/tokenizer.json?X-Amz-Signature=sig").toString())
                .build());
        storage.enqueue(new MockResponse.Builder().code(200).body(json).build());

        HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.fromHub(download());

        assertThat(tokenizer.sha256()).isEqualTo(HubCache.hash("SHA-256", json.getBytes(StandardCharsets.UTF_8)));
        hub.takeRequest(1, SECONDS);
        RecordedRequest resolve = hub.takeRequest(1, SECONDS);
        assertThat(resolve.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        RecordedRequest fetched = storage.takeRequest(1, SECONDS);
        assertThat(fetched.getUrl().encodedPath()).isEqualTo("/repos/ab/cd/tokenizer.json");
        assertThat(fetched.getUrl().queryParameter("X-Amz-Signature")).isEqualTo("sig");
        assertThat(fetched.getHeaders().get("Authorization")).as("the token stays with the Hub").isNull();
        assertThat(fetched.getHeaders().toString()).doesNotContain(TOKEN);
    }

    @Test
    void aRelativeRedirectOnTheHubItselfKeepsTheToken() throws Exception {
        listing();
        hub.enqueue(new MockResponse.Builder().code(307)
                .addHeader("Location", "/api/resolve-cache/models/meta-llama/Llama-3.1-8B-Instruct/tokenizer.json")
                .build());
        hub.enqueue(new MockResponse.Builder().code(200).body(json).build());

        HuggingFaceTokenizer.fromHub(download());

        hub.takeRequest(1, SECONDS);
        hub.takeRequest(1, SECONDS);
        RecordedRequest followed = hub.takeRequest(1, SECONDS);
        assertThat(followed.getUrl().encodedPath()).startsWith("/api/resolve-cache/");
        assertThat(followed.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(storage.getRequestCount()).isZero();
    }
}
