package io.github.finetune4j.core.internal.preflight;

import java.util.Arrays;

/** Collects line bounds for one {@link Batch}. */
final class LineBuilder {
    private int[] starts = new int[256];
    private int[] ends = new int[256];
    private int count;

    void add(int start, int end) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    int count() {
        return count;
    }

    Batch build(byte[] data, long firstLine) {
        Batch b = new Batch(data, starts, ends, count, firstLine);
        starts = new int[256];
        ends = new int[256];
        count = 0;
        return b;
    }
}
