package io.github.finetune4j.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * One timed run: bytes, wall time, process CPU time and peak heap.
 *
 * @param label what ran
 * @param bytes bytes processed
 * @param nanos wall time
 * @param cpuNanos process CPU time (all threads)
 * @param peakHeap peak heap used, bytes
 * @param peakLive largest live set after a GC, bytes
 * @param detail extra facts (tokens, examples)
 */
record Measurement(String label, long bytes, long nanos, long cpuNanos, long peakHeap, long peakLive, String detail) {
    double mbPerSecond() {
        return bytes / 1e6 / (nanos / 1e9);
    }

    double mbPerCpuSecond() {
        return bytes / 1e6 / (cpuNanos / 1e9);
    }

    double coresUsed() {
        return (double) cpuNanos / nanos;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    String line() {
        return String.format(Locale.ROOT, "%-38s %7.1f MB %7.2f s %6.2f MB/s %5.2f cores %6.2f MB/cpu-s  peak heap"
                        + " %6.1f MB  live %6.1f MB  %s", label, bytes / 1e6, nanos / 1e9, mbPerSecond(), coresUsed(),
                mbPerCpuSecond(), peakHeap / 1e6, peakLive / 1e6, detail);
    }

    String machine() {
        return String.format(Locale.ROOT, "RESULT label=%s bytes=%d nanos=%d cpu=%d peak=%d live=%d detail=%s",
                label.replace(' ', '_'), bytes, nanos, cpuNanos, peakHeap, peakLive, detail.replace(' ', '_'));
    }
}
