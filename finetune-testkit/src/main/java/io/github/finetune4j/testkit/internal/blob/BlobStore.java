package io.github.finetune4j.testkit.internal.blob;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where large blobs go: a temporary folder, created on first need and deleted with everything in it by
 * {@link #close()}. Content up to {@link #IN_MEMORY_LIMIT} stays in memory. Thread-safe.
 */
public final class BlobStore implements AutoCloseable {

    /** Content up to this size (1 MiB) is kept in memory; larger content goes to a file. */
    public static final int IN_MEMORY_LIMIT = 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(BlobStore.class.getName());

    private final AtomicLong counter = new AtomicLong();
    private Path dir;
    private boolean closed;

    /**
     * Starts writing a new blob.
     *
     * @return a writer; call {@link Writer#finish()} to get the blob, or {@link Writer#close()} to discard it
     */
    public Writer writer() {
        return new Writer();
    }

    /**
     * Copies a stream into a new blob.
     *
     * @param in the stream, read to its end and not closed
     * @return the blob
     * @throws UncheckedIOException if reading or writing fails
     */
    public Blob copy(InputStream in) {
        try (Writer writer = writer()) {
            in.transferTo(writer);
            return writer.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the folder, if one has been created.
     *
     * @return the folder, or null when every blob so far fitted in memory
     */
    public synchronized Path directory() {
        return dir;
    }

    private synchronized Path newFile() throws IOException {
        if (closed) {
            throw new IOException("the FineTuningEmulator has been closed");
        }
        if (dir == null) {
            dir = Files.createTempDirectory("finetune-emulator-");
        }
        return dir.resolve("blob-" + counter.incrementAndGet());
    }

    /** Deletes the folder and every blob file in it. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        if (dir == null) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not delete the emulator's folder " + dir, e);
        }
    }

    /**
     * An output stream that keeps the first {@link #IN_MEMORY_LIMIT} bytes in memory and moves to a file beyond
     * that. Not thread-safe.
     */
    public final class Writer extends OutputStream {
        private ByteArrayOutputStream memory = new ByteArrayOutputStream();
        private Path file;
        private OutputStream disk;
        private long size;
        private boolean done;

        private Writer() {
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (done) {
                throw new IOException("blob already finished");
            }
            if (disk == null && memory.size() + len > IN_MEMORY_LIMIT) {
                file = newFile();
                disk = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
                memory.writeTo(disk);
                memory = null;
            }
            if (disk != null) {
                disk.write(b, off, len);
            } else {
                memory.write(b, off, len);
            }
            size += len;
        }

        /**
         * Ends writing.
         *
         * @return the blob with everything written
         * @throws IOException if the file cannot be flushed
         */
        public Blob finish() throws IOException {
            done = true;
            if (disk == null) {
                return Blob.of(memory.toByteArray());
            }
            disk.close();
            Path written = file;
            file = null;
            return Blob.ofFile(written, size);
        }

        /** Discards what was written unless {@link #finish()} was called. */
        @Override
        public void close() {
            done = true;
            if (file != null) {
                try {
                    disk.close();
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.DEBUG, "could not discard " + file, e);
                }
                file = null;
            }
        }
    }
}
