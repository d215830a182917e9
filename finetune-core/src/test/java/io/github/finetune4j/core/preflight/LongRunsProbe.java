package io.github.finetune4j.core.preflight;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.model.DatasetIssue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Validates one file in a JVM of its own (started by {@link LongRunsTest} with a small {@code -Xmx}) and prints one
 * {@code RESULT} line: the time {@code validate} took and the counts (the parent reads the peak heap from the GC log).
 */
public final class LongRunsProbe {
    private LongRunsProbe() {
    }

    /**
     * Entry point.
     *
     * @param args the file and the base model
     */
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        long t0 = System.nanoTime();
        ValidationReport report = Dataset.fromJsonl(file).validate(ValidationOptions.builder().baseModel(args[1])
                .build());
        double seconds = (System.nanoTime() - t0) / 1e9;
        long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        String errors = report.errors().stream().map(DatasetIssue::code).collect(Collectors.joining(","));
        System.out.println(String.format(Locale.ROOT, "RESULT seconds=%.2f examples=%d counted=%d assistantSum=%d"
                        + " assistantMax=%d tokensSum=%d usedHeapMb=%d maxHeapMb=%d errors=%s codes=%s", seconds,
                report.examples(), report.tokens().perExample().count(), report.tokens().assistantPerExample().sum(),
                report.tokens().assistantPerExample().max(), report.tokens().perExample().sum(), used >> 20,
                Runtime.getRuntime().maxMemory() >> 20, errors.isEmpty() ? "-" : errors,
                new TreeMap<>(report.issueCounts()).toString().replace(' ', '_')));
    }
}
