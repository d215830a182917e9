package io.github.finetune4j.core.internal.preflight;

/**
 * Consecutive lines read in one go: a byte buffer and the bounds of each line in it (without the newline). A line
 * longer than the limit is not in the buffer: its start is {@code -1} and its end holds its length in bytes.
 */
final class Batch {
    final byte[] data;
    final int[] starts;
    final int[] ends;
    final int count;
    final long firstLine;

    Batch(byte[] data, int[] starts, int[] ends, int count, long firstLine) {
        this.data = data;
        this.starts = starts;
        this.ends = ends;
        this.count = count;
        this.firstLine = firstLine;
    }

    boolean isOverlong(int i) {
        return starts[i] < 0;
    }

    /** Memory held, in bytes (for the in-flight budget). */
    long weight() {
        return data.length + 8L * count;
    }
}
