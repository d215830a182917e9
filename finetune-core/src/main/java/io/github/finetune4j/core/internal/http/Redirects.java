package io.github.finetune4j.core.internal.http;

import io.github.finetune4j.core.spi.HttpCall;
import io.github.finetune4j.core.spi.Redaction;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The next request of a redirect that a transport created with {@code followRedirects} sends itself: only GET and
 * HEAD are followed, at most {@value #MAX_HOPS} hops. Once the target is another origin (scheme, host or port), the
 * secret headers ({@link Redaction#isSecretHeader}) stay behind, so that a token for one service never reaches the
 * file storage another one redirects to; the values stay declared as secrets, so they are still scrubbed from
 * messages. A redirect from https to plain http is not followed.
 */
final class Redirects {
    /** The most redirects followed for one request. */
    static final int MAX_HOPS = 5;
    private static final Set<Integer> STATUSES = Set.of(301, 302, 303, 307, 308);

    private Redirects() {
    }

    /**
     * The request to send next.
     *
     * @param call the request that was redirected
     * @param status its answer's status
     * @param location its answer's {@code Location} header
     * @param hops redirects already followed
     * @return the next request, or empty when this answer is not a redirect to follow
     */
    static Optional<HttpCall> next(HttpCall call, int status, Optional<String> location, int hops) {
        if (!STATUSES.contains(status) || location.isEmpty() || hops >= MAX_HOPS
                || !(call.method().equals("GET") || call.method().equals("HEAD"))) {
            return Optional.empty();
        }
        URI target;
        try {
            target = call.uri().resolve(new URI(location.get().trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String from = scheme(call.uri());
        String to = scheme(target);
        if (!(to.equals("https") || to.equals("http")) || from.equals("https") && to.equals("http")) {
            return Optional.empty();
        }
        boolean sameOrigin = from.equals(to) && call.uri().getHost() != null
                && call.uri().getHost().equalsIgnoreCase(target.getHost()) && port(call.uri()) == port(target);
        HttpCall.Builder next = HttpCall.builder(call.method(), target).retryMode(call.retryMode());
        call.timeout().ifPresent(next::timeout);
        for (Map.Entry<String, String> header : call.headers().entrySet()) {
            if (sameOrigin || !Redaction.isSecretHeader(header.getKey())) {
                next.header(header.getKey(), header.getValue());
            }
        }
        call.secrets().forEach(next::secret);
        call.extraRetryableStatuses().forEach(next::retryOnStatus);
        return Optional.of(next.build());
    }

    private static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : scheme(uri).equals("http") ? 80 : 443;
    }
}
