package io.github.finetune4j.core.internal.http;

import io.github.finetune4j.core.spi.Redaction;

import java.io.IOException;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A copy of an exception whose message (or a cause's or suppressed exception's message) held a secret: the JDK
 * quotes what it could not parse, such as a status line or a header value a gateway echoed, and an exception kept as
 * a cause is printed whole by every logger. The copy keeps the original class name, the stack traces and the chain,
 * with every message scrubbed. An {@link IOException}, so that a transport failure's cause stays one.
 */
final class ScrubbedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String originalType;

    private ScrubbedException(String originalType, String message) {
        super(message);
        this.originalType = originalType;
    }

    /**
     * Returns the throwable itself when no message in its chain holds a secret, else a scrubbed copy of the chain.
     *
     * @param t the throwable, may be null
     * @param secrets the values that must not appear
     * @return {@code t} or its scrubbed copy
     */
    static Throwable of(Throwable t, Collection<String> secrets) {
        if (t == null || clean(t, secrets, new IdentityHashMap<>())) {
            return t;
        }
        return copy(t, secrets, new IdentityHashMap<>());
    }

    /**
     * Like {@link #of(Throwable, Collection)} for an I/O failure.
     *
     * @param e the failure
     * @param secrets the values that must not appear
     * @return {@code e} or its scrubbed copy
     */
    static IOException of(IOException e, Collection<String> secrets) {
        return (IOException) of((Throwable) e, secrets);
    }

    /** The class of the exception this copies. */
    String originalType() {
        return originalType;
    }

    @Override
    public String toString() {
        String message = getMessage();
        return originalType + (message == null ? "" : ": " + message);
    }

    private static boolean clean(Throwable t, Collection<String> secrets, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) {
            return true;
        }
        String message = t.getMessage();
        if (message != null && !message.equals(Redaction.scrub(message, secrets))) {
            return false;
        }
        for (Throwable s : t.getSuppressed()) {
            if (!clean(s, secrets, seen)) {
                return false;
            }
        }
        return clean(t.getCause(), secrets, seen);
    }

    private static ScrubbedException copy(Throwable t, Collection<String> secrets, Map<Throwable, ScrubbedException> done) {
        ScrubbedException existing = done.get(t);
        if (existing != null) {
            return existing;
        }
        ScrubbedException copy = new ScrubbedException(t instanceof ScrubbedException
                ? ((ScrubbedException) t).originalType : t.getClass().getName(),
                Redaction.scrub(t.getMessage(), secrets));
        done.put(t, copy);
        copy.setStackTrace(t.getStackTrace());
        if (t.getCause() != null) {
            ScrubbedException cause = copy(t.getCause(), secrets, done);
            if (cause != copy) {
                copy.initCause(cause);
            }
        }
        for (Throwable s : t.getSuppressed()) {
            ScrubbedException suppressed = copy(s, secrets, done);
            if (suppressed != copy) {
                copy.addSuppressed(suppressed);
            }
        }
        return copy;
    }
}
