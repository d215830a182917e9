package io.github.finetune4j.core.internal.preflight;

import java.util.Arrays;

/** Collects line bounds for one {@link Batch}. */
final class LineBuilder {
    private int[] starts = new int[256];
    private int[] ends = new int[256];
    private long[] skipped;
    private int count;

    void add(int start, int end) {
        grow();
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    /**
     * Adds a line that is not in the buffer.
     *
     * @param reason {@link Batch#OVERLONG} or {@link Batch#NO_MEMORY}
     * @param bytes the line's length
     */
    void skip(int reason, long bytes) {
        grow();
        if (skipped == null) {
            skipped = new long[starts.length];
        }
        starts[count] = reason;
        ends[count] = 0;
        skipped[count] = bytes;
        count++;
    }

    private void grow() {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
            if (skipped != null) {
                skipped = Arrays.copyOf(skipped, count * 2);
            }
        }
        if (skipped != null && skipped.length < starts.length) {
            skipped = Arrays.copyOf(skipped, starts.length);
        }
    }

    int count() {
        return count;
    }

    Batch build(byte[] data, long firstLine) {
        Batch b = new Batch(data, starts, ends, count, firstLine, skipped);
        starts = new int[256];
        ends = new int[256];
        skipped = null;
        count = 0;
        return b;
    }
}
