package io.github.finetune4j.core.internal.preflight;

import io.github.finetune4j.core.internal.dataset.JsonlCodec;
import io.github.finetune4j.core.model.TrainingRecord;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Serialises in-memory records to JSON lines, so they are checked exactly like a file. */
final class RecordBatchSource implements BatchSource {
    private final Supplier<Stream<TrainingRecord>> records;
    private final int chunk;

    RecordBatchSource(Supplier<Stream<TrainingRecord>> records, int chunk) {
        this.records = records;
        this.chunk = chunk;
    }

    @Override
    public long read(Sink sink) throws InterruptedException {
        long total = 0;
        long nextLine = 1;
        long firstLine = 1;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(Math.min(chunk, 1 << 16));
        LineBuilder lines = new LineBuilder();
        try (Stream<TrainingRecord> stream = records.get()) {
            for (Iterator<TrainingRecord> it = stream.iterator(); it.hasNext(); ) {
                byte[] line = escapeUnpairedSurrogates(JsonlCodec.toLine(it.next())).getBytes(StandardCharsets.UTF_8);
                int start = buffer.size();
                buffer.write(line, 0, line.length);
                lines.add(start, start + line.length);
                buffer.write('\n');
                total += line.length + 1L;
                nextLine++;
                if (buffer.size() >= chunk) {
                    sink.accept(lines.build(buffer.toByteArray(), firstLine));
                    buffer.reset();
                    firstLine = nextLine;
                }
            }
        }
        if (lines.count() > 0) {
            sink.accept(lines.build(buffer.toByteArray(), firstLine));
        }
        return total;
    }

    /**
     * Writes unpaired surrogates as JSON escapes: {@code getBytes} would turn them into {@code '?'} and hide them,
     * while the escape is found and reported like one read from a file. A surrogate can only occur inside a JSON
     * string, where the escape means the same character.
     */
    static String escapeUnpairedSurrogates(String line) {
        int at = Surrogates.firstUnpaired(line);
        if (at < 0) {
            return line;
        }
        StringBuilder sb = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < line.length() && Character.isLowSurrogate(line.charAt(i + 1))) {
                sb.append(c).append(line.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
