package io.github.finetune4j.core.internal.http;

import io.github.finetune4j.core.spi.HttpCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RedirectsTest {
    private static final String KEY = "sk-redirect-secret";

    private static HttpCall get(String uri) {
        return HttpCall.builder("GET", URI.create(uri)).header("Authorization", "Bearer " + KEY)
                .header("api-key", KEY).header("Accept", "*/*").timeout(Duration.ofSeconds(7)).build();
    }

    @Test
    void anotherHostGetsNoSecretHeadersButTheRestOfTheRequest() {
        HttpCall next = Redirects.next(get("https://huggingface.co/m/resolve/main/tokenizer.json"), 302,
                Optional.of("https://cdn-lfs.hf.co/repos/x?sig=1"), 0).orElseThrow();

        assertThat(next.uri()).isEqualTo(URI.create("https://cdn-lfs.hf.co/repos/x?sig=1"));
        assertThat(next.headers()).containsOnlyKeys("Accept");
        assertThat(next.timeout()).contains(Duration.ofSeconds(7));
        assertThat(next.secrets()).as("still scrubbed from messages").contains("Bearer " + KEY);
    }

    @Test
    void anotherPortIsAnotherOrigin() {
        HttpCall next = Redirects.next(get("http://127.0.0.1:8080/a"), 302, Optional.of("http://127.0.0.1:9090/b"),
                0).orElseThrow();

        assertThat(next.headers()).doesNotContainKey("Authorization");
    }

    @Test
    void theSameOriginKeepsTheHeadersAndRelativeLocationsResolve() {
        HttpCall next = Redirects.next(get("https://huggingface.co/m/resolve/main/t.json"), 307,
                Optional.of("/api/resolve-cache/t.json"), 0).orElseThrow();

        assertThat(next.uri()).isEqualTo(URI.create("https://huggingface.co/api/resolve-cache/t.json"));
        assertThat(next.headers()).containsEntry("Authorization", "Bearer " + KEY);
    }

    @Test
    void httpsIsNeverFollowedToPlainHttp() {
        assertThat(Redirects.next(get("https://huggingface.co/a"), 302, Optional.of("http://huggingface.co/a"), 0))
                .isEmpty();
    }

    @Test
    void onlyGetAndHeadAreFollowed() {
        HttpCall post = HttpCall.builder("POST", URI.create("https://api.example/files")).build();

        assertThat(Redirects.next(post, 307, Optional.of("https://api.example/other"), 0)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 304, 300, 404})
    void otherStatusesAreNotRedirects(int status) {
        assertThat(Redirects.next(get("https://a.example/x"), status, Optional.of("https://b.example/y"), 0))
                .isEmpty();
    }

    @Test
    void aRedirectWithoutLocationOrAfterTooManyHopsIsNotFollowed() {
        assertThat(Redirects.next(get("https://a.example/x"), 302, Optional.empty(), 0)).isEmpty();
        assertThat(Redirects.next(get("https://a.example/x"), 302, Optional.of("/y"), Redirects.MAX_HOPS)).isEmpty();
    }
}
