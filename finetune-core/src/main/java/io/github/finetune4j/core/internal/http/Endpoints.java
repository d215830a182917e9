package io.github.finetune4j.core.internal.http;

import java.net.URI;
import java.util.Locale;

/** How a request's target is named in messages: scheme, host, port and path, never the query (it may hold a SAS). */
public final class Endpoints {
    private Endpoints() {
    }

    /**
     * Names a request target.
     *
     * @param uri the request URI
     * @return for example {@code https://api.openai.com:443/v1/files}
     */
    public static String describe(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("http") ? 80 : 443;
        return scheme + "://" + uri.getHost() + ":" + port + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
