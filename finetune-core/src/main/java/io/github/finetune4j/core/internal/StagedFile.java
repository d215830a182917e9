package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.Dataset;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.internal.dataset.JsonlWriter;
import io.github.finetune4j.core.model.TrainingRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * A dataset as the bytes that will be uploaded: its JSONL file on disk (a temporary one for a dataset built in code),
 * the SHA-256 of those bytes, and the name it is stored under, {@code <name>-<first 12 hex of the digest>.jsonl}. The
 * digest in the name lets a later run find the file already uploaded instead of sending it again.
 *
 * @param path the file to upload
 * @param filename the name to store it under
 * @param bytes its size
 * @param sha256 the lower-case hex SHA-256 of its content
 * @param temporary whether {@code path} is a temporary file to delete when done
 */
record StagedFile(Path path, String filename, long bytes, String sha256, boolean temporary) {
    private static final System.Logger LOG = System.getLogger(StagedFile.class.getName());

    /**
     * Stages a dataset: writes a temporary JSONL file if it lives in memory, then digests the file (streamed).
     *
     * @param data the dataset
     * @return the staged file
     * @throws FineTuneException if the file cannot be written or read
     */
    static StagedFile of(Dataset data) {
        Path file = data.file().orElseGet(() -> {
            try (Stream<TrainingRecord> records = data.records()) {
                return JsonlWriter.toTempFile(records, data.name());
            } catch (UncheckedIOException e) {
                throw new FineTuneException("cannot write a temporary JSONL file for " + data.name() + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
        });
        boolean temporary = data.file().isEmpty();
        try {
            String digest = sha256(file);
            String base = data.name().endsWith(".jsonl") ? data.name().substring(0, data.name().length() - 6)
                    : data.name();
            return new StagedFile(file, base + "-" + digest.substring(0, 12) + ".jsonl", Files.size(file), digest,
                    temporary);
        } catch (IOException e) {
            if (temporary) {
                deleteQuietly(file);
            }
            throw new FineTuneException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the temporary file, if this is one. */
    void release() {
        if (temporary) {
            deleteQuietly(path);
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
            Path dir = file.getParent();
            if (dir != null && dir.getFileName().toString().startsWith("finetune4j-")) {
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not delete temporary file {0}", file);
        }
    }
}
