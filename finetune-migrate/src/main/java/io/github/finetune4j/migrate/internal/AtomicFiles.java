package io.github.finetune4j.migrate.internal;

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
import java.util.function.Consumer;

/**
 * Writes files so that a reader (or a process started after a crash) sees either the old content or the new one,
 * never a part: the content goes to a temporary file in the same folder, is forced to disk, and replaces the
 * target with an atomic move.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * What a streamed copy wrote.
     *
     * @param sha256 the content's SHA-256, lower-case hex
     * @param bytes the content's size
     */
    public record Written(String sha256, long bytes) {
    }

    /**
     * Replaces a file with text, atomically.
     *
     * @param target the file
     * @param text the content, written as UTF-8
     * @return the digest and size written
     * @throws IOException if it cannot be written
     */
    public static Written writeString(Path target, String text) throws IOException {
        return copy(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), target);
    }

    /**
     * Streams content into a file, computing its SHA-256 on the way, and replaces the target atomically. Memory use
     * does not depend on the content's size.
     *
     * @param in the content; read to its end, not closed
     * @param target the file
     * @return the digest and size written
     * @throws IOException if it cannot be read or written; the target is then unchanged
     */
    public static Written copy(InputStream in, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            MessageDigest digest = sha256();
            long size;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), digest)) {
                size = in.transferTo(out);
                out.flush();
                channel.force(true);
            }
            move(temp, target);
            return new Written(HexFormat.of().formatHex(digest.digest()), size);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Lets a writer fill a temporary file beside the target (for example a streamed download), forces it to disk,
     * computes its SHA-256 in a stream and moves it over the target atomically. When the writer throws, the target
     * is unchanged and the temporary file is deleted.
     *
     * @param target the file
     * @param writer writes the content into the path it is given
     * @return the digest and size written
     * @throws IOException if the file cannot be written or moved
     */
    public static Written write(Path target, Consumer<Path> writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            writer.accept(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            String digest = sha256(temp);
            long size = Files.size(temp);
            move(temp, target);
            return new Written(digest, size);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The SHA-256 of a file, read in a stream.
     *
     * @param file the file
     * @return lower-case hex
     * @throws IOException if it cannot be read
     */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file);
             OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            in.transferTo(sink);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
