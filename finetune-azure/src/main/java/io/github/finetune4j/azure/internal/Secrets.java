package io.github.finetune4j.azure.internal;

import java.util.Collection;
import java.util.regex.Pattern;

/** Keeps secrets out of messages: removes known secret values and anything shaped like a JWT or bearer token. */
public final class Secrets {
    /** Written instead of a secret. */
    public static final String REDACTED = "REDACTED";
    /** Most characters of a service message kept in an exception. */
    public static final int MAX_MESSAGE_CHARS = 1024;

    private static final Pattern TOKEN_SHAPED = Pattern.compile(
            "(eyJ[A-Za-z0-9_-]{6,}\\.[A-Za-z0-9_-]{6,}\\.[A-Za-z0-9_-]*)|((?i:bearer)\\s+[A-Za-z0-9._~+/=-]{6,})");

    private Secrets() {
    }

    /**
     * Scrubs a text.
     *
     * @param text the text, may be null
     * @param secrets values that must not appear (nulls and blanks are ignored)
     * @return the scrubbed text cut to {@link #MAX_MESSAGE_CHARS}, or null
     */
    public static String scrub(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String cleaned = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                cleaned = cleaned.replace(secret, REDACTED);
            }
        }
        cleaned = TOKEN_SHAPED.matcher(cleaned).replaceAll(REDACTED);
        return cleaned.length() > MAX_MESSAGE_CHARS ? cleaned.substring(0, MAX_MESSAGE_CHARS) + "…" : cleaned;
    }
}
