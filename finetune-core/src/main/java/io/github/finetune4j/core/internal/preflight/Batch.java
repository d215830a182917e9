package io.github.finetune4j.core.internal.preflight;

/**
 * Consecutive lines read in one go: a byte buffer and the bounds of each line in it (without the newline). A line
 * that was not read into memory (longer than the limit, or too large for the heap) is not in the buffer: its start
 * is {@link #OVERLONG} or {@link #NO_MEMORY} and {@link #skippedBytes} holds its length.
 */
final class Batch {
    /** Start of a line skipped because it is longer than the limit. */
    static final int OVERLONG = -1;
    /** Start of a line skipped because the heap could not hold it. */
    static final int NO_MEMORY = -2;

    final byte[] data;
    final int[] starts;
    final int[] ends;
    final int count;
    final long firstLine;
    /** Length in bytes of each skipped line (0 for the others); null when no line was skipped. */
    final long[] skippedBytes;

    Batch(byte[] data, int[] starts, int[] ends, int count, long firstLine, long[] skippedBytes) {
        this.data = data;
        this.starts = starts;
        this.ends = ends;
        this.count = count;
        this.firstLine = firstLine;
        this.skippedBytes = skippedBytes;
    }

    boolean isSkipped(int i) {
        return starts[i] < 0;
    }

    /** Memory held, in bytes (for the in-flight budget). */
    long weight() {
        return data.length + 8L * count;
    }
}
