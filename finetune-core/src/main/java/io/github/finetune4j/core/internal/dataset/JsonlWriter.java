package io.github.finetune4j.core.internal.dataset;

import io.github.finetune4j.core.model.TrainingRecord;
import io.github.finetune4j.core.spi.AtomicFile;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.stream.Stream;

/** Writes records as JSONL without ever leaving a half-written target. */
public final class JsonlWriter {
    private JsonlWriter() {
    }

    /**
     * Writes the records to a temporary file beside the target, then moves it into place.
     *
     * @param records the records, consumed once
     * @param target the file to create or replace
     * @throws IOException if writing fails; the target is then untouched
     */
    public static void writeAtomically(Stream<? extends TrainingRecord> records, Path target) throws IOException {
        try (AtomicFile file = AtomicFile.create(target)) {
            for (Iterator<? extends TrainingRecord> it = records.iterator(); it.hasNext(); ) {
                file.stream().write(JsonlCodec.toLine(it.next()).getBytes(StandardCharsets.UTF_8));
                file.stream().write('\n');
            }
            file.commit();
        }
    }

    /**
     * Writes records to a new temporary file that is deleted when the JVM exits.
     *
     * @param records the records
     * @param name a name hint
     * @return the file
     * @throws UncheckedIOException if writing fails
     */
    public static Path toTempFile(Stream<? extends TrainingRecord> records, String name) {
        try {
            Path dir = Files.createTempDirectory("finetune4j-");
            dir.toFile().deleteOnExit();
            Path file = dir.resolve(name + ".jsonl");
            writeAtomically(records, file);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
