package io.github.finetune4j.core.internal.tokenizer;

import java.util.Arrays;

/**
 * A Hugging Face BPE merge list as a map from a pair of token ids to the pair's rank (its position in the list):
 * open addressing over packed {@code long} keys, about 24 bytes per merge. A pair listed twice keeps its last rank,
 * as the Hugging Face library does. Thread-safe once built.
 */
final class PairTable {
    private static final long EMPTY = -1L;

    private final long[] keys;
    private final int[] ranks;
    private final int mask;

    private PairTable(long[] keys, int[] ranks) {
        this.keys = keys;
        this.ranks = ranks;
        this.mask = keys.length - 1;
    }

    /**
     * The rank of merging {@code left} with {@code right}.
     *
     * @param left the left token id
     * @param right the right token id
     * @return the rank, or {@link PairRanker#NONE}
     */
    int rank(int left, int right) {
        long key = pack(left, right);
        for (int slot = slot(key); ; slot = (slot + 1) & mask) {
            long k = keys[slot];
            if (k == key) {
                return ranks[slot];
            }
            if (k == EMPTY) {
                return PairRanker.NONE;
            }
        }
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29)) & mask;
    }

    private static long pack(int left, int right) {
        return (long) left << 32 | (right & 0xFFFFFFFFL);
    }

    /** Collects merges in list order. Not thread-safe. */
    static final class Builder {
        private long[] keys;
        private int[] ranks;
        private int size;

        Builder(int expected) {
            int capacity = Integer.highestOneBit(Math.max(8, expected * 2 - 1)) << 1;
            keys = new long[capacity];
            ranks = new int[capacity];
            Arrays.fill(keys, EMPTY);
        }

        /**
         * Adds the merge of {@code left} and {@code right} with the given rank; a later rank replaces an earlier one.
         *
         * @return this builder
         */
        Builder put(int left, int right, int rank) {
            if (size * 2 >= keys.length) {
                grow();
            }
            if (insert(keys, ranks, pack(left, right), rank)) {
                size++;
            }
            return this;
        }

        /** Puts a key; tells whether it was new. */
        private static boolean insert(long[] k, int[] r, long key, int rank) {
            int m = k.length - 1;
            long h = key * 0x9E3779B97F4A7C15L;
            for (int slot = (int) (h ^ (h >>> 29)) & m; ; slot = (slot + 1) & m) {
                if (k[slot] == key) {
                    r[slot] = rank;
                    return false;
                }
                if (k[slot] == EMPTY) {
                    k[slot] = key;
                    r[slot] = rank;
                    return true;
                }
            }
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldRanks = ranks;
            keys = new long[oldKeys.length * 2];
            ranks = new int[oldKeys.length * 2];
            Arrays.fill(keys, EMPTY);
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != EMPTY) {
                    insert(keys, ranks, oldKeys[i], oldRanks[i]);
                }
            }
        }

        PairTable build() {
            return new PairTable(keys, ranks);
        }
    }
}
