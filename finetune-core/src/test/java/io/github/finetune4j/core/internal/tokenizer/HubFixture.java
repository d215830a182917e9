package io.github.finetune4j.core.internal.tokenizer;

import io.github.finetune4j.core.ApiKey;
import io.github.finetune4j.core.preflight.HubDownload;
import mockwebserver3.MockResponse;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** What the Hub download tests share: a token, a small trained {@code tokenizer.json}, and the Hub's answers. */
final class HubFixture {
    static final String TOKEN = "hf_test_secret_0123456789abcdef";

    private HubFixture() {
    }

    /** A Llama-3-style tokenizer file, small enough to serve. */
    static String tokenizerJson() throws Exception {
        return new SyntheticTokenizer(200, 3).toJson(true);
    }

    /** Llama 3.1's tokenizer from a Hub at {@code endpoint}, with the token, cached in {@code cache}. */
    static HubDownload download(Path cache, URI endpoint) {
        return HubDownload.builder().modelId("meta-llama/Llama-3.1-8B-Instruct").token(ApiKey.of(TOKEN))
                .cacheDir(cache).endpoint(endpoint).timeout(Duration.ofSeconds(5)).build();
    }

    /** The repository listing ({@code GET /api/models/<id>/tree/<revision>}): a config file and {@code entry}. */
    static MockResponse listing(String entry) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("[{\"type\":\"file\",\"path\":\"config.json\",\"oid\":\"abc\",\"size\":10}," + entry + "]")
                .build();
    }

    /** The listing's entry of {@code tokenizer.json} stored with LFS, whose checksum is {@code sha256}. */
    static String lfsEntry(String json, String sha256) {
        return "{\"type\":\"file\",\"path\":\"tokenizer.json\",\"oid\":\"0123\",\"size\":" + json.length()
                + ",\"lfs\":{\"oid\":\"" + sha256 + "\",\"size\":" + json.length() + ",\"pointerSize\":134}}";
    }

    /** The listing of {@code json} with its true checksum. */
    static MockResponse listingOf(String json) {
        return listing(lfsEntry(json, HubCache.hash("SHA-256", json.getBytes(StandardCharsets.UTF_8))));
    }
}
