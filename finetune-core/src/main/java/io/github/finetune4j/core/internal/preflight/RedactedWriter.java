package io.github.finetune4j.core.internal.preflight;

import io.github.finetune4j.core.spi.AtomicFile;

import java.io.IOException;

/**
 * Writes the redacted copy line by line to a temporary file beside the target and moves it into place only when
 * complete, so a failed run never leaves a half-written copy.
 */
final class RedactedWriter implements AutoCloseable {
    private final AtomicFile file;

    RedactedWriter(java.nio.file.Path target) throws IOException {
        this.file = AtomicFile.create(target);
    }

    void writeLine(byte[] b, int offset, int length) throws IOException {
        file.stream().write(b, offset, length);
        file.stream().write('\n');
    }

    void commit() throws IOException {
        file.commit();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
