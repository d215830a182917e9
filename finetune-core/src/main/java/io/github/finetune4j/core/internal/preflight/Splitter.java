package io.github.finetune4j.core.internal.preflight;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.internal.dataset.JsonlCodec;
import io.github.finetune4j.core.model.TrainingRecord;
import io.github.finetune4j.core.preflight.DatasetSplit;
import io.github.finetune4j.core.spi.AtomicFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Splits a dataset into a training and a validation file, streaming: a first pass counts the examples, a second
 * copies each line unchanged to one of the two files. Which lines go to validation is chosen by selection sampling
 * (Knuth's algorithm S) with a {@link SplittableRandom} seeded by the caller, so the same seed gives the same split
 * and the validation part has exactly {@code round(n * fraction)} examples (at least 1, and at least 1 left for
 * training). Blank lines are dropped; lines are not validated.
 */
public final class Splitter {
    private static final int BUFFER = 1 << 16;

    private Splitter() {
    }

    /**
     * Splits a dataset.
     *
     * @param data the dataset
     * @param fraction the share of examples for validation, in (0, 1)
     * @param seed the seed
     * @param training the training file to write
     * @param validation the validation file to write
     * @return both parts
     * @throws IllegalArgumentException if the fraction is not in (0, 1) or the targets are the same file
     * @throws IllegalStateException if the dataset has fewer than 2 examples
     * @throws FineTuneException if a file cannot be read or written
     */
    public static DatasetSplit split(Dataset data, double fraction, long seed, Path training, Path validation) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("fraction must be between 0 and 1 (exclusive): " + fraction);
        }
        if (training.toAbsolutePath().normalize().equals(validation.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("training and validation targets must differ: " + training);
        }
        try {
            long n = data.file().isPresent() ? countLines(data.file().get()) : data.size();
            if (n < 2) {
                throw new IllegalStateException("a split needs at least 2 examples, found " + n);
            }
            long k = Math.min(n - 1, Math.max(1, Math.round(n * fraction)));
            Selector selector = new Selector(n, k, seed);
            try (AtomicFile train = AtomicFile.create(training); AtomicFile valid = AtomicFile.create(validation)) {
                Supplier<OutputStream> next = () -> selector.nextIsValidation() ? valid.stream() : train.stream();
                if (data.file().isPresent()) {
                    copyLines(data.file().get(), next);
                } else {
                    try (Stream<TrainingRecord> records = data.records()) {
                        for (Iterator<TrainingRecord> it = records.iterator(); it.hasNext(); ) {
                            OutputStream out = next.get();
                            out.write(JsonlCodec.toLine(it.next()).getBytes(StandardCharsets.UTF_8));
                            out.write('\n');
                        }
                    }
                }
                train.commit();
                valid.commit();
            }
            return new DatasetSplit(Dataset.fromJsonl(training), Dataset.fromJsonl(validation), n - k, k);
        } catch (IOException e) {
            throw new FineTuneException("cannot split " + data.source() + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new FineTuneException("cannot split " + data.source() + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** Selection sampling: each line goes to validation with probability needed / remaining. */
    private static final class Selector {
        private final SplittableRandom random;
        private long remaining;
        private long needed;

        Selector(long n, long k, long seed) {
            this.random = new SplittableRandom(seed);
            this.remaining = n;
            this.needed = k;
        }

        boolean nextIsValidation() {
            boolean pick = remaining > 0 && random.nextLong(remaining) < needed;
            if (pick) {
                needed--;
            }
            remaining--;
            return pick;
        }
    }

    private static long countLines(Path file) throws IOException {
        long[] count = {0};
        copyLines(file, () -> {
            count[0]++;
            return OutputStream.nullOutputStream();
        });
        return count[0];
    }

    /**
     * Streams the non-blank lines of a file, asking {@code next} where each one goes when its first non-blank byte
     * is seen, so no line is ever held in memory whole.
     */
    static void copyLines(Path file, Supplier<OutputStream> next) throws IOException {
        byte[] buf = new byte[BUFFER];
        ByteArrayOutputStream leading = new ByteArrayOutputStream();
        OutputStream current = null;
        try (InputStream in = Files.newInputStream(file)) {
            int len;
            while ((len = in.read(buf)) > 0) {
                int from = 0;
                for (int i = 0; i < len; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        if (current != null) {
                            current.write(buf, from, i - from + 1);
                            current = null;
                        }
                        leading.reset();
                        from = i + 1;
                    } else if (current == null) {
                        if (b == ' ' || b == '\t' || b == '\r') {
                            leading.write(b);
                            from = i + 1;
                        } else {
                            current = next.get();
                            leading.writeTo(current);
                            leading.reset();
                            from = i;
                        }
                    }
                }
                if (current != null) {
                    current.write(buf, from, len - from);
                }
            }
        }
        if (current != null) {
            current.write('\n');
        }
    }
}
