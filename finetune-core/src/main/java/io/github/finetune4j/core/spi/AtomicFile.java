package io.github.finetune4j.core.spi;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A file written so that a reader, or a process started after a crash, sees either the old content or the whole new
 * content, never a part: the content goes to a hidden temporary file in the target's folder
 * ({@code .<name>…part}), is forced to disk, and replaces the target with an atomic move (a plain replacing move
 * where the file system has no atomic one). Every file finetune4j writes (pre-flight outputs, upload and create
 * state, downloads, migration manifests, the command line's run records) is written this way; provider modules and
 * tools use it for theirs.
 *
 * <pre>{@code
 * try (AtomicFile file = AtomicFile.create(Path.of("out/train.jsonl"))) {
 *     file.stream().write(bytes);
 *     AtomicFile.Written written = file.commit();        // now out/train.jsonl exists, whole
 * }                                                      // not committed: the temporary file is deleted
 * }</pre>
 *
 * <p>Not thread-safe. The SHA-256 and size of what was written come with {@link #commit()}.
 */
public final class AtomicFile implements Closeable {
    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final MessageDigest digest;
    private final CountingStream counter;
    private final OutputStream out;
    private boolean committed;

    private AtomicFile(Path target) throws IOException {
        this.target = target;
        this.temp = tempBeside(target);
        try {
            this.channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        this.digest = sha256();
        this.counter = new CountingStream(Channels.newOutputStream(channel));
        this.out = new BufferedOutputStream(new DigestOutputStream(counter, digest), 1 << 16);
    }

    /** Writes a file's whole content into the path it is given. */
    @FunctionalInterface
    public interface PathWriter {
        /**
         * Writes the content.
         *
         * @param file the temporary file to write, already created and empty
         * @throws IOException if it cannot be written
         */
        void writeTo(Path file) throws IOException;
    }

    /**
     * What was written.
     *
     * @param sha256 the content's SHA-256, lower-case hex
     * @param bytes the content's size
     */
    public record Written(String sha256, long bytes) {
        /**
         * Validates the components.
         *
         * @param sha256 the digest
         * @param bytes the size
         */
        public Written {
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /**
     * Starts writing a file; its folders are created. Nothing changes at the target until {@link #commit()}.
     *
     * @param target the file to create or replace
     * @return the open file, to be closed
     * @throws IOException if the temporary file cannot be created
     * @throws NullPointerException if {@code target} is null
     */
    public static AtomicFile create(Path target) throws IOException {
        return new AtomicFile(Objects.requireNonNull(target, "target"));
    }

    /**
     * Replaces a file with bytes, atomically.
     *
     * @param target the file
     * @param content the content
     * @return the digest and size written
     * @throws IOException if it cannot be written; the target is then unchanged
     */
    public static Written write(Path target, byte[] content) throws IOException {
        return copy(new ByteArrayInputStream(content), target);
    }

    /**
     * Replaces a file with text, atomically.
     *
     * @param target the file
     * @param text the content, written as UTF-8
     * @return the digest and size written
     * @throws IOException if it cannot be written; the target is then unchanged
     */
    public static Written writeString(Path target, String text) throws IOException {
        return write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Streams content into a file and replaces the target atomically. Memory use does not depend on the size.
     *
     * @param in the content; read to its end, not closed
     * @param target the file
     * @return the digest and size written
     * @throws IOException if it cannot be read or written; the target is then unchanged
     */
    public static Written copy(InputStream in, Path target) throws IOException {
        try (AtomicFile file = create(target)) {
            in.transferTo(file.stream());
            return file.commit();
        }
    }

    /**
     * Lets a writer that needs a path (for example a streamed download) fill a temporary file beside the target,
     * forces it to disk, and moves it over the target. When the writer throws, the target is unchanged and the
     * temporary file is deleted.
     *
     * @param target the file to create or replace
     * @param writer writes the whole content into the path it is given
     * @return the digest and size written
     * @throws IOException if the file cannot be written or moved
     */
    public static Written fill(Path target, PathWriter writer) throws IOException {
        Objects.requireNonNull(writer, "writer");
        Path temp = tempBeside(Objects.requireNonNull(target, "target"));
        try {
            writer.writeTo(temp);
            try (FileChannel written = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                written.force(true);
            }
            Written described = describe(temp);
            replace(temp, target);
            return described;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The SHA-256 and size of a file, read in a stream.
     *
     * @param file the file
     * @return its digest and size
     * @throws IOException if it cannot be read
     */
    public static Written describe(Path file) throws IOException {
        MessageDigest digest = sha256();
        long size;
        try (InputStream in = Files.newInputStream(file);
             OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            size = in.transferTo(sink);
        }
        return new Written(HexFormat.of().formatHex(digest.digest()), size);
    }

    /**
     * Moves a finished file over the target, atomically where the file system can.
     *
     * @param source the finished file, in the target's folder (a move across file systems is a copy)
     * @param target the file to create or replace
     * @throws IOException if it cannot be moved
     */
    public static void replace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The stream to write the content to; buffered. Do not close it: {@link #commit()} and {@link #close()} do.
     *
     * @return the stream
     */
    public OutputStream stream() {
        return out;
    }

    /**
     * The file this one replaces when committed.
     *
     * @return the target
     */
    public Path target() {
        return target;
    }

    /**
     * Forces the content to disk and moves it over the target.
     *
     * @return the digest and size written
     * @throws IOException if it cannot be written or moved; the target is then unchanged
     * @throws IllegalStateException if already committed
     */
    public Written commit() throws IOException {
        if (committed) {
            throw new IllegalStateException(target + " is already committed");
        }
        out.flush();
        channel.force(true);
        channel.close();
        replace(temp, target);
        committed = true;
        return new Written(HexFormat.of().formatHex(digest.digest()), counter.count);
    }

    /**
     * Ends the write: without a {@link #commit()} the temporary file is deleted and the target stays as it was.
     *
     * @throws IOException if the temporary file cannot be deleted
     */
    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                channel.close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static Path tempBeside(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return Files.createTempFile(dir, "." + target.getFileName(), ".part");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Counts the bytes that reach the file. */
    private static final class CountingStream extends OutputStream {
        private final OutputStream delegate;
        private long count;

        CountingStream(OutputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public void write(int b) throws IOException {
            delegate.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            delegate.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            delegate.flush();
        }
    }
}
