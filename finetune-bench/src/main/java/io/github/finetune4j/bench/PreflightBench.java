package io.github.finetune4j.bench;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.preflight.PiiKind;
import io.github.finetune4j.core.preflight.TokenEncoding;
import io.github.finetune4j.core.preflight.ValidationOptions;
import io.github.finetune4j.core.preflight.ValidationReport;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The pre-flight benchmark: generates the corpora, then in one JVM alternates bare jtokkit counting and the full
 * pre-flight (validation + counting + personal-data scan) over the same file on the same number of threads, and
 * finally validates the small and the 1 GB corpus in child JVMs with a 256 MB heap to show that the heap does not
 * grow with the file. Results go to stdout and {@code <dir>/results.md}.
 *
 * <pre>{@code
 * java -cp "finetune-bench/target/finetune-bench-0.1.0-SNAPSHOT.jar:finetune-bench/target/lib/*" \
 *     io.github.finetune4j.bench.PreflightBench --dir finetune-bench/target/bench-data
 * }</pre>
 */
public final class PreflightBench {
    private PreflightBench() {
    }

    /**
     * Entry point. Options: {@code --dir} (target/bench-data), {@code --size-mb} (200), {@code --big-mb} (1000,
     * 0 to skip), {@code --model} (gpt-4o-mini-2024-07-18), {@code --threads} (2), {@code --rounds} (3),
     * {@code --heap} (256m), {@code --seed} (42), {@code --run-rounds} (8 runs of each kind in the long-runs file).
     *
     * @param args the options
     * @throws Exception if a run fails
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(opt(args, "--dir", "target/bench-data"));
        long sizeMb = Long.parseLong(opt(args, "--size-mb", "200"));
        long bigMb = Long.parseLong(opt(args, "--big-mb", "1000"));
        String model = opt(args, "--model", "gpt-4o-mini-2024-07-18");
        int threads = Integer.parseInt(opt(args, "--threads", "2"));
        int rounds = Integer.parseInt(opt(args, "--rounds", "3"));
        String heap = opt(args, "--heap", "256m");
        long seed = Long.parseLong(opt(args, "--seed", "42"));

        Path warm = dir.resolve("corpus-warmup-20mb.jsonl");
        Path corpus = dir.resolve("corpus-" + sizeMb + "mb.jsonl");
        Path big = dir.resolve("corpus-" + bigMb + "mb.jsonl");
        int runRounds = Integer.parseInt(opt(args, "--run-rounds", "8"));
        Path runs = dir.resolve("long-runs.jsonl");
        long t0 = System.nanoTime();
        CorpusGenerator.ensure(warm, 20_000_000L, seed + 1);
        CorpusGenerator.ensure(corpus, sizeMb * 1_000_000L, seed);
        if (bigMb > 0) {
            CorpusGenerator.ensure(big, bigMb * 1_000_000L, seed);
        }
        LongRunsGenerator.ensure(runs, runRounds, seed);
        System.out.printf(Locale.ROOT, "corpora ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        TokenEncoding tokenEncoding = TokenEncoding.forModel(model).orElse(TokenEncoding.O200K_BASE);
        Encoding encoding = Encodings.newLazyEncodingRegistry().getEncoding(tokenEncoding == TokenEncoding.CL100K_BASE
                ? EncodingType.CL100K_BASE : EncodingType.O200K_BASE);
        ValidationOptions options = ValidationOptions.builder().baseModel(model).threads(threads).build();
        System.out.println("JVM " + System.getProperty("java.vm.name") + " " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " processors, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB; model " + model + " ("
                + tokenEncoding.wireName() + "), " + threads + " threads");

        bare(warm, encoding, threads, new HeapMeter());
        preflight(warm, options, new HeapMeter());

        List<Measurement> bare = new ArrayList<>();
        List<Measurement> full = new ArrayList<>();
        try (HeapMeter meter = new HeapMeter()) {
            for (int r = 0; r < rounds; r++) {
                bare.add(print(bare(corpus, encoding, threads, meter)));
                full.add(print(preflight(corpus, options, meter)));
            }
        }
        Measurement bareBest = best(bare);
        Measurement fullBest = best(full);
        Measurement bareMedian = median(bare);
        Measurement fullMedian = median(full);
        double ratio = fullBest.mbPerSecond() / bareBest.mbPerSecond();
        double medianRatio = fullMedian.mbPerSecond() / bareMedian.mbPerSecond();
        Measurement bareCpu = bare.stream().max(Comparator.comparingDouble(Measurement::mbPerCpuSecond)).orElseThrow();
        Measurement fullCpu = full.stream().max(Comparator.comparingDouble(Measurement::mbPerCpuSecond)).orElseThrow();
        double cpuRatio = fullCpu.mbPerCpuSecond() / bareCpu.mbPerCpuSecond();

        Measurement runsFull;
        try (HeapMeter meter = new HeapMeter()) {
            runsFull = print(preflight(runs, options, meter));
        }

        List<Measurement> probes = new ArrayList<>();
        probes.add(print(child(corpus, model, threads, heap)));
        probes.add(print(child(runs, model, threads, heap)));
        if (bigMb > 0) {
            probes.add(print(child(big, model, threads, heap)));
        }

        StringBuilder md = new StringBuilder();
        md.append("# Pre-flight benchmark, ").append(LocalDateTime.now().withNano(0)).append("\n\n");
        md.append("JVM ").append(Runtime.version()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" processors; model ").append(model).append(" (").append(tokenEncoding.wireName())
                .append("); ").append(threads).append(" worker threads; corpus ").append(corpus.getFileName())
                .append(" (seed ").append(seed).append(").\n\n");
        md.append("| run | MB/s, best of ").append(rounds).append(" | cores used (that run) | MB/s, median |"
                + " MB per CPU-second, best | peak heap MB |\n");
        md.append("| --- | --- | --- | --- | --- | --- |\n");
        row(md, "bare jtokkit countTokensOrdinary per line", bareBest, bareMedian, bareCpu);
        row(md, "full pre-flight (validate + count + PII scan)", fullBest, fullMedian, fullCpu);
        md.append(String.format(Locale.ROOT, "| full pre-flight, long-runs file (%d runs of 1 MB: x, spaces, =, emoji,"
                + " base64; %.0f MB) | %.2f | %.2f | - | %.2f | %.1f |%n", runRounds * LongRunsGenerator.KINDS.length,
                runsFull.bytes() / 1e6, runsFull.mbPerSecond(), runsFull.coresUsed(), runsFull.mbPerCpuSecond(),
                runsFull.peakHeap() / 1e6));
        md.append(String.format(Locale.ROOT, "%nRatio full / bare: **%.2f** (best runs), %.2f (medians), %.2f (MB per"
                + " CPU-second).%n%n", ratio, medianRatio, cpuRatio));
        md.append("| child JVM -Xmx").append(heap).append(" | MB | MB/s | cores used | peak heap MB (before GC) |"
                + " peak live MB (after GC) |\n");
        md.append("| --- | --- | --- | --- | --- | --- |\n");
        for (Measurement p : probes) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.2f | %.1f | %.1f |%n", p.label(), p.bytes() / 1e6,
                    p.mbPerSecond(), p.coresUsed(), p.peakHeap() / 1e6, p.peakLive() / 1e6));
        }
        md.append("\nCard numbers found in the normal corpus (must be 0): ").append(fullBest.detail()
                .replaceAll(".*payment cards (\\d+).*", "$1")).append("\n");
        md.append("\nAll runs:\n\n```\n");
        for (int i = 0; i < bare.size(); i++) {
            md.append(bare.get(i).line()).append('\n').append(full.get(i).line()).append('\n');
        }
        md.append(runsFull.line()).append('\n');
        for (Measurement p : probes) {
            md.append(p.line()).append('\n');
        }
        md.append("```\n");
        Files.writeString(dir.resolve("results.md"), md.toString());
        System.out.println();
        System.out.print(md);
    }

    private static void row(StringBuilder md, String label, Measurement best, Measurement median, Measurement cpu) {
        md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.1f |%n", label, best.mbPerSecond(),
                best.coresUsed(), median.mbPerSecond(), cpu.mbPerCpuSecond(), best.peakHeap() / 1e6));
    }

    /** The fastest run: on a shared machine other processes only ever slow a run down. */
    private static Measurement best(List<Measurement> runs) {
        return runs.stream().max(Comparator.comparingDouble(Measurement::mbPerSecond)).orElseThrow();
    }

    private static Measurement print(Measurement m) {
        System.out.println(m.line());
        return m;
    }

    private static Measurement median(List<Measurement> runs) {
        List<Measurement> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(Measurement::mbPerSecond));
        return sorted.get(sorted.size() / 2);
    }

    private static Measurement bare(Path file, Encoding encoding, int threads, HeapMeter meter) throws Exception {
        System.gc();
        meter.reset();
        long cpu0 = Measurement.processCpuNanos();
        long t0 = System.nanoTime();
        long[] r = BareCounter.count(file, encoding, threads);
        long nanos = System.nanoTime() - t0;
        return new Measurement("bare jtokkit " + file.getFileName(), r[0], nanos,
                Measurement.processCpuNanos() - cpu0, meter.peakUsed(), meter.peakLive(), r[2] + " lines, " + r[1]
                + " tokens");
    }

    private static Measurement preflight(Path file, ValidationOptions options, HeapMeter meter) {
        System.gc();
        meter.reset();
        long cpu0 = Measurement.processCpuNanos();
        long t0 = System.nanoTime();
        ValidationReport report = Dataset.fromJsonl(file).validate(options);
        long nanos = System.nanoTime() - t0;
        return new Measurement("preflight " + file.getFileName(), report.bytes(), nanos,
                Measurement.processCpuNanos() - cpu0, meter.peakUsed(), meter.peakLive(), report.examples()
                + " examples, " + report.tokens().perExample().sum() + " tokens, " + report.errorCount() + " errors, "
                + report.warningCount() + " warnings, payment cards "
                + report.piiCounts().getOrDefault(PiiKind.PAYMENT_CARD, 0L));
    }

    private static Measurement child(Path file, String model, int threads, String heap) throws IOException,
            InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx" + heap, "-Xms" + heap, "-XX:+UseG1GC", "-cp",
                System.getProperty("java.class.path"), HeapProbe.class.getName(), file.toString(), model,
                Integer.toString(threads));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                all.append(line).append('\n');
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        int exit = p.waitFor();
        if (exit != 0 || result == null) {
            throw new IllegalStateException("child JVM failed (exit " + exit + "):\n" + all);
        }
        return parse(result);
    }

    private static Measurement parse(String line) {
        String label = null;
        String detail = "";
        long bytes = 0;
        long nanos = 0;
        long cpu = 0;
        long peak = 0;
        long live = 0;
        for (String part : line.substring(7).split(" ")) {
            int eq = part.indexOf('=');
            String key = part.substring(0, eq);
            String value = part.substring(eq + 1);
            switch (key) {
                case "label":
                    label = value.replace('_', ' ');
                    break;
                case "bytes":
                    bytes = Long.parseLong(value);
                    break;
                case "nanos":
                    nanos = Long.parseLong(value);
                    break;
                case "cpu":
                    cpu = Long.parseLong(value);
                    break;
                case "peak":
                    peak = Long.parseLong(value);
                    break;
                case "live":
                    live = Long.parseLong(value);
                    break;
                default:
                    detail = value.replace('_', ' ');
            }
        }
        return new Measurement(label, bytes, nanos, cpu, peak, live, detail);
    }

    private static String opt(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    static String classpath() {
        return System.getProperty("java.class.path").replace(File.pathSeparatorChar, ' ');
    }
}
