package io.github.finetune4j.core.internal.preflight;

/**
 * A bounded, lock-free cache of {@link TextInfo} keyed by the string, so that repeated strings (the same system
 * prompt in every example, the same tool definitions, the role names) are tokenized and scanned once.
 *
 * <p>Direct-mapped: each string hashes to one slot. A string that misses replaces the slot's entry only when that
 * entry has not been hit since it was last challenged, otherwise the entry loses one hit; so a string that repeats
 * stays while the mostly unique strings around it pass through. Strings longer than {@value #MAX_CHARS} chars are
 * not cached, which bounds the memory to about {@code SLOTS * MAX_CHARS} chars. Entries are immutable apart from
 * the hit counter and are published through a plain array: a reader sees an older entry or none, never a broken
 * one, because {@link TextInfo}'s fields are final.
 */
final class TextCache {
    static final int MAX_CHARS = 8192;
    private static final int SLOTS = 1024;

    private final TextInfo[] slots = new TextInfo[SLOTS];

    TextInfo get(String text) {
        int h = text.hashCode();
        TextInfo e = slots[index(h)];
        if (e != null && e.text.hashCode() == h && e.text.equals(text)) {
            e.hits++;
            return e;
        }
        return null;
    }

    void put(TextInfo info) {
        if (info.text.length() > MAX_CHARS) {
            return;
        }
        int slot = index(info.text.hashCode());
        TextInfo e = slots[slot];
        if (e == null || e.hits <= 0 || e.text.equals(info.text)) {
            slots[slot] = info;
        } else {
            e.hits--;
        }
    }

    private static int index(int h) {
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }
}
