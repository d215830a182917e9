package io.github.finetune4j.core.internal.preflight;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the redacted copy line by line to a temporary file beside the target and moves it into place only when
 * complete, so a failed run never leaves a half-written copy.
 */
final class RedactedWriter implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final OutputStream out;
    private boolean committed;

    RedactedWriter(Path target) throws IOException {
        this.target = target;
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        this.temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        this.out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
    }

    void writeLine(byte[] b, int offset, int length) throws IOException {
        out.write(b, offset, length);
        out.write('\n');
    }

    void commit() throws IOException {
        out.close();
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            out.close();
            Files.deleteIfExists(temp);
        }
    }
}
