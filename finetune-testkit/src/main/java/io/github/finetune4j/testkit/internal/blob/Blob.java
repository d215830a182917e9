package io.github.finetune4j.testkit.internal.blob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Immutable byte content: in memory, in a file, or the concatenation of other blobs (an upload's parts in the
 * order of {@code part_ids}). Reading it never changes it. Thread-safe.
 */
public abstract class Blob {

    /** The largest blob {@link #bytes()} reads into memory: 64 MiB. */
    public static final long MAX_IN_MEMORY = 64L * 1024 * 1024;

    private Blob() {
    }

    /**
     * Returns a blob of bytes held in memory.
     *
     * @param bytes the content, not copied: the caller must not change it afterwards
     * @return the blob
     */
    public static Blob of(byte[] bytes) {
        return new Memory(Objects.requireNonNull(bytes, "bytes"));
    }

    /**
     * Returns a blob whose content is the parts one after another. Deleting it deletes the parts.
     *
     * @param parts the parts, in order
     * @return the blob
     */
    public static Blob concat(List<Blob> parts) {
        return parts.size() == 1 ? parts.get(0) : new Concat(List.copyOf(parts));
    }

    static Blob ofFile(Path file, long size) {
        return new OnDisk(file, size);
    }

    /**
     * Returns the number of bytes.
     *
     * @return the size
     */
    public abstract long size();

    /**
     * Opens the content for reading; the caller closes the stream.
     *
     * @return a new stream positioned at the first byte
     * @throws UncheckedIOException if a file behind the blob cannot be opened
     */
    public abstract InputStream open();

    /**
     * Reads the whole content into memory.
     *
     * @return a copy of the bytes
     * @throws IllegalStateException if the blob is larger than {@link #MAX_IN_MEMORY}
     * @throws UncheckedIOException if a file behind the blob cannot be read
     */
    public byte[] bytes() {
        if (size() > MAX_IN_MEMORY) {
            throw new IllegalStateException("blob of " + size() + " bytes is too large to read into memory");
        }
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Computes a digest of the content, reading it through once.
     *
     * @param algorithm the algorithm, e.g. {@code SHA-256} or {@code MD5}
     * @return the digest as lower-case hexadecimal characters
     * @throws UncheckedIOException if a file behind the blob cannot be read
     * @throws IllegalArgumentException if the algorithm is unknown
     */
    public String digest(String algorithm) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("unknown digest " + algorithm, e);
        }
        try (InputStream in = new DigestInputStream(open(), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Frees the disk space behind the blob; reading it afterwards fails. Idempotent. */
    public abstract void delete();

    private static final class Memory extends Blob {
        private final byte[] bytes;

        Memory(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public void delete() {
            // nothing on disk
        }
    }

    private static final class OnDisk extends Blob {
        private final Path file;
        private final long size;

        OnDisk(Path file, long size) {
            this.file = file;
            this.size = size;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public InputStream open() {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read emulator file " + file, e);
            }
        }

        @Override
        public void delete() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete emulator file " + file, e);
            }
        }
    }

    private static final class Concat extends Blob {
        private final List<Blob> parts;
        private final long size;

        Concat(List<Blob> parts) {
            this.parts = parts;
            this.size = parts.stream().mapToLong(Blob::size).sum();
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public InputStream open() {
            List<InputStream> streams = new ArrayList<>();
            parts.forEach(p -> streams.add(p.open()));
            return new SequenceInputStream(Collections.enumeration(streams));
        }

        @Override
        public void delete() {
            parts.forEach(Blob::delete);
        }
    }
}
