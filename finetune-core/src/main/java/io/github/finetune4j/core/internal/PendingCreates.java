package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.spi.AtomicFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Remembers across processes that a job-creation request was sent and its outcome is not known yet: one small file
 * per idempotency key in the client's state directory, holding the instant the last attempt was sent. It is written
 * before each attempt and removed once the outcome is known; only a process that dies (or is interrupted, or ends
 * uncertain) with a create in flight leaves it behind.
 *
 * <p>Why: a create request may reach the provider well after the client gave up on it. In one process,
 * {@link ExactlyOnce} waits for such a late landing before it tries again. A new process started after a crash
 * cannot know that the dead one had a request in flight, looks up the key too early, finds nothing and creates a
 * second job, and the late request lands beside it: two jobs train. With the mark, the new process waits for the
 * landing window of the earlier request first.
 *
 * <p>Failures to write or read the mark are logged at DEBUG and ignored: the mark only narrows a crash window.
 * Thread-safe (one file per key, written by atomic move).
 */
final class PendingCreates {
    private static final System.Logger LOG = System.getLogger(PendingCreates.class.getName());

    private final Path directory;
    private final String providerId;

    PendingCreates(Path directory, String providerId) {
        this.directory = directory;
        this.providerId = providerId;
    }

    /** Records that a create with this key is about to be sent (replacing an earlier attempt's mark). */
    void mark(String key, Instant sentAt) {
        Path file = file(key);
        try {
            AtomicFile.writeString(file, sentAt.toString());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not record the create in flight in {0}: {1}", file,
                    e.getMessage());
        }
    }

    /** When an earlier create with this key was sent without its outcome becoming known, if one was. */
    Optional<Instant> sentAt(String key) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(Files.readString(file, StandardCharsets.UTF_8).strip()));
        } catch (IOException | DateTimeParseException e) {
            LOG.log(System.Logger.Level.DEBUG, "ignoring unreadable mark {0}: {1}", file, e.getMessage());
            clear(key);
            return Optional.empty();
        }
    }

    /** Forgets the create with this key: its outcome is known. */
    void clear(String key) {
        Path file = file(key);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not delete {0}: {1}", file, e.getMessage());
        }
    }

    /** A caller's key may hold any character: the file is named after its digest. */
    private Path file(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return directory.resolve(providerId + "-" + HexFormat.of().formatHex(digest).substring(0, 32)
                    + ".create");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
