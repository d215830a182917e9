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
                byte[] line = Surrogates.escapeUnpaired(JsonlCodec.toLine(it.next())).getBytes(StandardCharsets.UTF_8);
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
}
