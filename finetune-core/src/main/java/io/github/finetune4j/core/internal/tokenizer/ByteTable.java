package io.github.finetune4j.core.internal.tokenizer;

import java.util.Arrays;

/**
 * An immutable map from byte sequences to non-negative ints (a token's rank or id), stored compactly: all keys in
 * one byte array, open addressing over their hashes. About 20 bytes per entry plus the key bytes, against several
 * objects per entry for a {@code HashMap<ByteArray, Integer>}. Lookups take a range of a larger array, so a piece is
 * never copied to look up one of its parts. Thread-safe once built.
 */
final class ByteTable {
    /** Returned by {@link #get} for a sequence that is not in the table. */
    static final int ABSENT = -1;

    private final byte[] pool;
    private final int[] offsets;
    private final int[] hashes;
    private final int[] values;
    private final int[] slots;
    private final int mask;
    private final int size;
    private final int maxLength;

    private ByteTable(byte[] pool, int[] offsets, int[] hashes, int[] values, int size, int maxLength) {
        this.pool = pool;
        this.offsets = offsets;
        this.hashes = hashes;
        this.values = values;
        this.size = size;
        this.maxLength = maxLength;
        int capacity = Integer.highestOneBit(Math.max(4, size * 2 - 1)) << 1;
        this.slots = new int[capacity];
        this.mask = capacity - 1;
        for (int e = 0; e < size; e++) {
            int slot = hashes[e] & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = e + 1;
        }
    }

    static Builder builder(int expectedEntries) {
        return new Builder(expectedEntries);
    }

    /**
     * The value of a byte sequence.
     *
     * @param b the array holding the sequence
     * @param from its first byte
     * @param to its end, exclusive
     * @return the value, or {@link #ABSENT}
     */
    int get(byte[] b, int from, int to) {
        int length = to - from;
        if (length > maxLength) {
            return ABSENT;
        }
        int h = hash(b, from, to);
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            int e = slots[slot] - 1;
            if (e < 0) {
                return ABSENT;
            }
            if (hashes[e] == h && offsets[e + 1] - offsets[e] == length
                    && Arrays.equals(pool, offsets[e], offsets[e + 1], b, from, to)) {
                return values[e];
            }
        }
    }

    /** The longest key, in bytes. */
    int maxLength() {
        return maxLength;
    }

    /** The number of entries. */
    int size() {
        return size;
    }

    static int hash(byte[] b, int from, int to) {
        int h = 0x811C9DC5 ^ (to - from);
        for (int i = from; i < to; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        return h ^ (h >>> 15);
    }

    /** Collects entries; a key added twice keeps its first value. Not thread-safe. */
    static final class Builder {
        private byte[] pool;
        private int[] offsets;
        private int[] values;
        private int size;
        private int used;
        private int maxLength;

        private Builder(int expected) {
            int n = Math.max(16, expected);
            pool = new byte[n * 8];
            offsets = new int[n + 1];
            values = new int[n];
        }

        Builder put(byte[] key, int value) {
            if (value < 0) {
                throw new IllegalArgumentException("negative value " + value);
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
                offsets = Arrays.copyOf(offsets, size * 2 + 1);
            }
            if (used + key.length > pool.length) {
                pool = Arrays.copyOf(pool, Math.max(pool.length * 2, used + key.length));
            }
            System.arraycopy(key, 0, pool, used, key.length);
            used += key.length;
            values[size] = value;
            offsets[++size] = used;
            maxLength = Math.max(maxLength, key.length);
            return this;
        }

        ByteTable build() {
            int[] hashes = new int[size];
            for (int e = 0; e < size; e++) {
                hashes[e] = hash(pool, offsets[e], offsets[e + 1]);
            }
            return new ByteTable(Arrays.copyOf(pool, used), Arrays.copyOf(offsets, size + 1), hashes,
                    Arrays.copyOf(values, size), size, maxLength);
        }
    }
}
