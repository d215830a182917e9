package io.github.finetune4j.azure.internal;

import io.github.finetune4j.core.spi.ProviderContext;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/** Parsing, checking and building of the URLs the Azure provider talks to. */
public final class Urls {
    private Urls() {
    }

    /**
     * Parses a base URL: absolute http(s), no user info, query or fragment; trailing slashes removed.
     *
     * @param value the text
     * @param what names the setting in messages
     * @return the URI
     * @throws IllegalArgumentException if the URL is not acceptable
     */
    public static URI parseBase(String value, String what) {
        Objects.requireNonNull(value, what);
        try {
            return normalizeBase(new URI(value.trim()), what);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " is not a valid URL: " + e.getReason(), e);
        }
    }

    /**
     * Checks a base URI and removes trailing slashes from its path.
     *
     * @param uri the URI
     * @param what names the setting in messages
     * @return the normalised URI
     * @throws IllegalArgumentException if the URI is not acceptable
     */
    public static URI normalizeBase(URI uri, String what) {
        Objects.requireNonNull(uri, what);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new IllegalArgumentException(what + " must be an absolute http(s) URL");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(what + " must not have user info, a query or a fragment");
        }
        String text = uri.toString();
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '/') {
            end--;
        }
        return URI.create(text.substring(0, end));
    }

    /**
     * Refuses plain http to hosts other than loopback: tokens and secrets must not travel unencrypted.
     *
     * @param uri the URI
     * @param what names the setting in messages
     * @return the URI
     * @throws IllegalArgumentException if it is plain http to a non-loopback host
     */
    public static URI requireSecure(URI uri, String what) {
        if ("http".equalsIgnoreCase(uri.getScheme()) && !ProviderContext.isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(what + " must use https:// (plain http is allowed only for loopback "
                    + "hosts): " + uri.getHost());
        }
        return uri;
    }

    /**
     * Tells whether a host is link-local IPv4 ({@code 169.254.0.0/16}), where IMDS lives.
     *
     * @param host the host
     * @return true for {@code 169.254.x.y}
     */
    public static boolean isLinkLocal(String host) {
        return host != null && host.startsWith("169.254.");
    }

    /**
     * Tells whether two URIs share scheme, host and port, so that a bearer token for one may be sent to the other.
     *
     * @param a one URI
     * @param b the other
     * @return true if they have the same origin
     */
    public static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /**
     * Percent-encodes one path segment (everything but RFC 3986 unreserved characters).
     *
     * @param value the segment
     * @return the encoded segment
     * @throws IllegalArgumentException if the value is blank
     */
    public static String segment(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("path segment must not be blank");
        }
        return encode(value);
    }

    /**
     * Percent-encodes a query value (everything but RFC 3986 unreserved characters).
     *
     * @param value the value
     * @return the encoded value
     */
    public static String query(String value) {
        return encode(Objects.requireNonNull(value, "value"));
    }

    private static String encode(String value) {
        StringBuilder sb = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
