package io.github.finetune4j.core.internal.preflight;

/**
 * An open-addressing map from non-zero 64-bit hashes to line numbers, for duplicate detection: 12 bytes per slot,
 * grown to at most {@code maxSlots}. When full it stops accepting new keys ({@link #isFull()}).
 */
final class LongIntMap {
    private final int maxSlots;
    private long[] keys;
    private int[] values;
    private int size;
    private boolean full;

    LongIntMap(int initialSlots, int maxSlots) {
        this.maxSlots = maxSlots;
        this.keys = new long[initialSlots];
        this.values = new int[initialSlots];
    }

    /**
     * Returns the value stored for the key, or stores the value when the key is new.
     *
     * @return the earlier value, or 0 when the key was new (or the map is full)
     */
    int putIfAbsent(long key, int value) {
        int mask = keys.length - 1;
        int slot = (int) (key ^ (key >>> 32)) & mask;
        while (keys[slot] != 0) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        if (full) {
            return 0;
        }
        keys[slot] = key;
        values[slot] = value;
        size++;
        if (size * 4L > keys.length * 3L) {
            if (keys.length >= maxSlots) {
                full = true;
            } else {
                grow();
            }
        }
        return 0;
    }

    boolean isFull() {
        return full;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            long k = oldKeys[i];
            if (k != 0) {
                int slot = (int) (k ^ (k >>> 32)) & mask;
                while (keys[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = k;
                values[slot] = oldValues[i];
            }
        }
    }
}
