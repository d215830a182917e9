package io.github.finetune4j.testkit.internal.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Every request the emulator received, in order of arrival. Holds no headers and no bodies, so neither keys nor
 * training data end up in it. Thread-safe.
 */
public final class RequestLog {

    /**
     * One received request.
     *
     * @param method the method, upper case
     * @param path the decoded full path
     * @param query the raw query string, or null
     */
    public record Entry(String method, String path, String query) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /**
     * Appends an entry.
     *
     * @param entry the entry
     */
    public synchronized void add(Entry entry) {
        entries.add(entry);
    }

    /**
     * Returns a copy of all entries.
     *
     * @return the entries, oldest first
     */
    public synchronized List<Entry> snapshot() {
        return List.copyOf(entries);
    }

    /**
     * Forgets all entries.
     */
    public synchronized void clear() {
        entries.clear();
    }
}
