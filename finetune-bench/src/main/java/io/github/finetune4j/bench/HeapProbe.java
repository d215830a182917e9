package io.github.finetune4j.bench;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.preflight.ValidationOptions;
import io.github.finetune4j.core.preflight.ValidationReport;

import java.nio.file.Path;

/**
 * Runs one full pre-flight in its own JVM (started with a small {@code -Xmx}) and prints its throughput and peak
 * heap as a {@code RESULT} line for {@link PreflightBench}.
 */
public final class HeapProbe {
    private HeapProbe() {
    }

    /**
     * Entry point.
     *
     * @param args file, model, threads
     * @throws Exception if the run fails
     */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String model = args[1];
        int threads = Integer.parseInt(args[2]);
        System.gc();
        try (HeapMeter heap = new HeapMeter()) {
            long cpu0 = Measurement.processCpuNanos();
            long t0 = System.nanoTime();
            ValidationReport report = Dataset.fromJsonl(file).validate(ValidationOptions.builder().baseModel(model)
                    .threads(threads).build());
            long nanos = System.nanoTime() - t0;
            long cpu = Measurement.processCpuNanos() - cpu0;
            Measurement m = new Measurement("preflight " + file.getFileName() + " Xmx"
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + "m", report.bytes(), nanos, cpu, heap.peakUsed(),
                    heap.peakLive(), report.examples() + " examples, " + report.tokens().perExample().sum()
                    + " tokens, " + report.errorCount() + " errors, " + heap.collections() + " GCs");
            System.out.println(m.line());
            System.out.println(m.machine());
        }
    }
}
