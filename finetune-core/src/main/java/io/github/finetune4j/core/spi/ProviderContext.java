package io.github.finetune4j.core.spi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.core.EnvironmentLookup;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything the core hands a provider when it creates one.
 *
 * @param environment where to read configuration variables
 * @param transport the retrying, logging HTTP transport to send every request through
 * @param objectMapper the shared JSON mapper (ignores unknown properties)
 * @param clock the clock
 * @param userAgent the User-Agent value the transport sends
 * @param allowInsecureHttp whether plain {@code http://} to hosts other than loopback was explicitly allowed
 */
public record ProviderContext(EnvironmentLookup environment, HttpTransport transport, ObjectMapper objectMapper,
                              Clock clock, String userAgent, boolean allowInsecureHttp) {
    /**
     * Validates the components.
     *
     * @param environment where to read configuration variables
     * @param transport the retrying, logging HTTP transport to send every request through
     * @param objectMapper the shared JSON mapper (ignores unknown properties)
     * @param clock the clock
     * @param userAgent the User-Agent value the transport sends
     * @param allowInsecureHttp whether plain {@code http://} to hosts other than loopback was explicitly allowed
     */
    public ProviderContext {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(objectMapper, "objectMapper");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(userAgent, "userAgent");
    }

    /**
     * Checks a base URI before a provider uses it: {@code https://} always passes, {@code http://} only for loopback
     * hosts ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}) or when insecure HTTP was allowed.
     *
     * @param uri the base URI
     * @return the same URI
     * @throws IllegalArgumentException if the URI is not absolute HTTP(S) or is insecure and not allowed
     */
    public URI requireAllowed(URI uri) {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("base URL must be an absolute http(s) URL with a valid host name: "
                    + withoutCredentials(uri));
        }
        if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("refusing plain http:// to " + uri.getHost()
                    + ": API keys would travel unencrypted. Use https://, or call allowInsecureHttp() on the client "
                    + "builder for a trusted network");
        }
        return uri;
    }

    /** The URI as text without user info, query and fragment, which may hold credentials. */
    private static String withoutCredentials(URI uri) {
        String text = uri.toString();
        String authority = uri.getRawAuthority();
        if (authority != null && authority.indexOf('@') >= 0) {
            text = text.replace(authority, authority.substring(authority.lastIndexOf('@') + 1));
        }
        for (char cut : new char[] {'?', '#'}) {
            int at = text.indexOf(cut);
            text = at >= 0 ? text.substring(0, at) : text;
        }
        return text;
    }

    /**
     * Tells whether a host is loopback: the name {@code localhost}, an IPv4 literal in {@code 127.0.0.0/8}, or the
     * IPv6 literal {@code ::1}. Other names are not, even when they start with {@code 127.} (a DNS name such as
     * {@code 127.attacker.example} can point anywhere). Does no name lookup.
     *
     * @param host the host from a URI, IPv6 literals with or without brackets
     * @return true only for loopback
     */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (h.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            String[] parts = h.split("\\.");
            for (String part : parts) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return Integer.parseInt(parts[0]) == 127;
        }
        if (h.indexOf(':') >= 0 && h.matches("[0-9A-Fa-f:.]+")) {
            try {
                return java.net.InetAddress.getByName(h).isLoopbackAddress();
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
