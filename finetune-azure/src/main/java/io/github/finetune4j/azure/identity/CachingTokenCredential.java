package io.github.finetune4j.azure.identity;

import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.FineTuneInterruptedException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;

/**
 * Caches the tokens of another credential, one per scope, and refreshes a token {@link #DEFAULT_REFRESH_MARGIN}
 * before it expires (at half its lifetime for tokens that live less than twice the margin).
 *
 * <p>Thread-safe. Concurrent callers that need a new token for the same scope share one refresh: one thread asks
 * the source, the others wait for its answer and get the same token or the same exception. When a refresh fails
 * while the cached token is still valid, the cached token is returned (and the failure logged at WARNING); once it
 * has expired, the failure is thrown.
 *
 * <pre>{@code
 * TokenCredential credential = CachingTokenCredential.of(request -> fetchTokenSomehow(request.scope()));
 * }</pre>
 */
public final class CachingTokenCredential implements TokenCredential, CachesTokens {
    /** Default time before expiry at which a token is refreshed: 5 minutes. */
    public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(5);

    private static final System.Logger LOG = System.getLogger(CachingTokenCredential.class.getName());

    private final TokenCredential source;
    private final Duration refreshMargin;
    private final Clock clock;
    private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();

    private CachingTokenCredential(TokenCredential source, Duration refreshMargin, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.refreshMargin = Objects.requireNonNull(refreshMargin, "refreshMargin");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (refreshMargin.isNegative()) {
            throw new IllegalArgumentException("refreshMargin must not be negative: " + refreshMargin);
        }
    }

    /**
     * Caches a credential's tokens with the default margin and the UTC system clock; returns the credential itself
     * if it already caches (the built-in credentials do).
     *
     * @param source the credential to ask for new tokens
     * @return the caching credential
     * @throws NullPointerException if {@code source} is null
     */
    public static TokenCredential of(TokenCredential source) {
        Objects.requireNonNull(source, "source");
        return source instanceof CachesTokens ? source : new CachingTokenCredential(source, DEFAULT_REFRESH_MARGIN,
                Clock.systemUTC());
    }

    /**
     * Caches a credential's tokens with a chosen margin and clock.
     *
     * @param source the credential to ask for new tokens
     * @param refreshMargin how long before expiry a token is refreshed; zero or positive
     * @param clock the clock that decides when a token is due
     * @return the caching credential
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code refreshMargin} is negative
     */
    public static CachingTokenCredential of(TokenCredential source, Duration refreshMargin, Clock clock) {
        return new CachingTokenCredential(source, refreshMargin, clock);
    }

    /**
     * Returns the cached token for the scope, or asks the source for a new one when none is cached or it is due.
     * Blocks while another thread refreshes the same scope.
     *
     * @param request the scope
     * @return a token
     * @throws io.github.finetune4j.core.error.AuthenticationException if the token service refused
     * @throws FineTuneInterruptedException if interrupted while waiting for another thread's refresh (the interrupt
     *     flag is restored)
     * @throws FineTuneException if the token could not be obtained otherwise
     */
    @Override
    public AccessToken getToken(TokenRequest request) {
        Objects.requireNonNull(request, "request");
        return slots.computeIfAbsent(request.scope(), s -> new Slot()).get(request);
    }

    @Override
    public String toString() {
        return "CachingTokenCredential[" + source.getClass().getSimpleName() + "]";
    }

    /** The cache of one scope. */
    private final class Slot {
        private AccessToken token;
        private Instant refreshAt;
        private CompletableFuture<AccessToken> inFlight;

        AccessToken get(TokenRequest request) {
            CompletableFuture<AccessToken> pending;
            boolean leader = false;
            synchronized (this) {
                if (token != null && clock.instant().isBefore(refreshAt)) {
                    return token;
                }
                if (inFlight == null) {
                    inFlight = new CompletableFuture<>();
                    leader = true;
                }
                pending = inFlight;
            }
            return leader ? fetch(request, pending) : await(pending, request);
        }

        private AccessToken fetch(TokenRequest request, CompletableFuture<AccessToken> pending) {
            AccessToken fresh;
            try {
                fresh = source.getToken(request);
                if (fresh == null) {
                    throw new FineTuneException("token credential " + source.getClass().getSimpleName()
                            + " returned no token for " + request.scope(), null);
                }
            } catch (RuntimeException | Error e) {
                AccessToken stale = fail();
                if (stale != null && !(e instanceof Error)) {
                    LOG.log(System.Logger.Level.WARNING, "token refresh for {0} failed, using the cached token "
                            + "until it expires at {1}: {2}", request.scope(), stale.expiresAt(), e.getMessage());
                    pending.complete(stale);
                    return stale;
                }
                pending.completeExceptionally(e);
                throw e;
            }
            Instant now = clock.instant();
            Duration lifetime = Duration.between(now, fresh.expiresAt());
            Duration early = lifetime.compareTo(refreshMargin.multipliedBy(2)) > 0
                    ? lifetime.minus(refreshMargin) : lifetime.dividedBy(2);
            synchronized (this) {
                token = fresh;
                refreshAt = now.plus(early.isNegative() ? Duration.ZERO : early);
                inFlight = null;
            }
            pending.complete(fresh);
            return fresh;
        }

        /** Ends a failed refresh; returns the cached token if it is still valid. */
        private synchronized AccessToken fail() {
            inFlight = null;
            return token != null && !token.isExpiredAt(clock.instant()) ? token : null;
        }

        private AccessToken await(CompletableFuture<AccessToken> pending, TokenRequest request) {
            try {
                return pending.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FineTuneInterruptedException("interrupted while waiting for a token for "
                        + request.scope(), e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof FineTuneInterruptedException) {
                    // The refreshing thread was interrupted, not this one: refresh here instead.
                    return get(request);
                }
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                if (cause instanceof Error) {
                    throw (Error) cause;
                }
                throw new FineTuneException("token refresh failed for " + request.scope(), cause);
            }
        }
    }
}
