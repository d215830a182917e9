package io.github.finetune4j.azure.identity;

import io.github.finetune4j.azure.support.MutableClock;
import io.github.finetune4j.core.error.ApiErrorDetails;
import io.github.finetune4j.core.error.AuthenticationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class CachingTokenCredentialTest {
    private static final TokenRequest DATA = TokenRequest.of(TokenRequest.COGNITIVE_SERVICES_SCOPE);
    private static final TokenRequest ARM = TokenRequest.of(TokenRequest.MANAGEMENT_SCOPE);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final AtomicInteger fetches = new AtomicInteger();

    private TokenCredential source(Duration lifetime) {
        return request -> AccessToken.of("token-" + fetches.incrementAndGet(), clock.instant().plus(lifetime));
    }

    @Test
    void aTokenIsReusedUntilFiveMinutesBeforeItExpires() {
        TokenCredential cached = CachingTokenCredential.of(source(Duration.ofHours(1)),
                CachingTokenCredential.DEFAULT_REFRESH_MARGIN, clock);

        AccessToken first = cached.getToken(DATA);
        clock.advance(Duration.ofMinutes(54));
        AccessToken stillCached = cached.getToken(DATA);
        clock.advance(Duration.ofMinutes(1));
        AccessToken refreshed = cached.getToken(DATA);

        assertThat(stillCached).isSameAs(first);
        assertThat(refreshed.token().reveal()).isEqualTo("token-2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aShortLivedTokenIsRefreshedAtHalfItsLifetime() {
        TokenCredential cached = CachingTokenCredential.of(source(Duration.ofMinutes(6)),
                CachingTokenCredential.DEFAULT_REFRESH_MARGIN, clock);

        cached.getToken(DATA);
        clock.advance(Duration.ofMinutes(2));
        cached.getToken(DATA);
        clock.advance(Duration.ofMinutes(1));
        cached.getToken(DATA);

        assertThat(fetches).hasValue(2);
    }

    @Test
    void eachScopeHasItsOwnToken() {
        TokenCredential cached = CachingTokenCredential.of(source(Duration.ofHours(1)), Duration.ZERO, clock);

        AccessToken data = cached.getToken(DATA);
        AccessToken arm = cached.getToken(ARM);

        assertThat(data).isNotEqualTo(arm);
        assertThat(cached.getToken(DATA)).isSameAs(data);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void concurrentCallersShareOneRefresh() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            TokenCredential slow = request -> {
                fetches.incrementAndGet();
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return AccessToken.of("shared", clock.instant().plus(Duration.ofHours(1)));
            };
            TokenCredential cached = CachingTokenCredential.of(slow, Duration.ZERO, clock);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<AccessToken>> results = new ArrayList<>();
                results.add(pool.submit(() -> cached.getToken(DATA)));
                assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
                List<Thread> waiters = new java.util.concurrent.CopyOnWriteArrayList<>();
                for (int i = 0; i < 7; i++) {
                    results.add(pool.submit(() -> {
                        waiters.add(Thread.currentThread());
                        return cached.getToken(DATA);
                    }));
                }
                // Release the refresh only once all seven callers are parked inside getToken, waiting for it: a
                // caller that arrived after the release would find the token cached and prove nothing.
                while (waiters.size() < 7 || !waiters.stream().allMatch(t -> t.getState() == Thread.State.WAITING)) {
                    Thread.yield();
                }
                assertThat(fetches).hasValue(1);
                release.countDown();
                for (Future<AccessToken> result : results) {
                    assertThat(result.get(5, TimeUnit.SECONDS).token().reveal()).isEqualTo("shared");
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(fetches).hasValue(1);
        });
    }

    @Test
    void aFailedFirstFetchIsThrownAndTheNextCallTriesAgain() {
        AuthenticationException refused = new AuthenticationException(new ApiErrorDetails("azure-entra", 401,
                "invalid_client", null, null, "AADSTS7000215", null, null));
        AtomicInteger calls = new AtomicInteger();
        TokenCredential flaky = request -> {
            if (calls.incrementAndGet() == 1) {
                throw refused;
            }
            return AccessToken.of("ok", clock.instant().plus(Duration.ofHours(1)));
        };
        TokenCredential cached = CachingTokenCredential.of(flaky, Duration.ZERO, clock);

        assertThatThrownBy(() -> cached.getToken(DATA)).isSameAs(refused);
        assertThat(cached.getToken(DATA).token().reveal()).isEqualTo("ok");
    }

    @Test
    void aFailedRefreshKeepsTheCachedTokenWhileItIsValid() {
        AtomicInteger calls = new AtomicInteger();
        TokenCredential failsLater = request -> {
            if (calls.incrementAndGet() > 1) {
                throw new AuthenticationException(new ApiErrorDetails("azure-entra", 503, null, null, null, "down",
                        null, null));
            }
            return AccessToken.of("first", clock.instant().plus(Duration.ofHours(1)));
        };
        TokenCredential cached = CachingTokenCredential.of(failsLater, CachingTokenCredential.DEFAULT_REFRESH_MARGIN,
                clock);

        cached.getToken(DATA);
        clock.advance(Duration.ofMinutes(57));
        AccessToken stale = cached.getToken(DATA);
        clock.advance(Duration.ofMinutes(3));

        assertThat(stale.token().reveal()).isEqualTo("first");
        assertThatThrownBy(() -> cached.getToken(DATA)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void builtInCredentialsAreNotWrappedTwice() {
        TokenCredential cached = CachingTokenCredential.of(source(Duration.ofHours(1)));

        assertThat(TokenCredential.cached(cached)).isSameAs(cached);
        ManagedIdentityCredential managed = ManagedIdentityCredential.builder()
                .environment(io.github.finetune4j.core.EnvironmentLookup.empty()).build();
        assertThat(TokenCredential.cached(managed)).isSameAs(managed);
    }

    @Test
    void tokensNeverPrint() {
        AccessToken token = AccessToken.of("eyJ-secret-token", Instant.EPOCH);

        assertThat(token.toString()).doesNotContain("eyJ-secret-token").contains("REDACTED");
    }
}
