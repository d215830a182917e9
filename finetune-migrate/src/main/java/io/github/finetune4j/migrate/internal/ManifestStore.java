package io.github.finetune4j.migrate.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.spi.AtomicFile;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/**
 * The manifest of one migration folder ({@value #FILE_NAME}): loaded once, saved atomically after every change, and
 * guarded by a lock file so that two processes never run steps in the same folder at once. Not thread-safe: one
 * step writes at a time (the migration synchronises on it).
 */
public final class ManifestStore implements AutoCloseable {
    /** The manifest's file name. */
    public static final String FILE_NAME = "manifest.json";
    private static final String LOCK_NAME = ".lock";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path folder;
    private final Clock clock;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ManifestState state;

    private ManifestStore(Path folder, Clock clock, FileChannel lockChannel, FileLock lock, ManifestState state) {
        this.folder = folder;
        this.clock = clock;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.state = state;
    }

    /**
     * Opens a migration folder, creating it when needed, and takes its lock.
     *
     * @param folder the folder
     * @param clock the clock for timestamps
     * @return the store; close it to release the lock
     * @throws IllegalStateException if another process holds the folder's lock
     * @throws FineTuneException if the folder or manifest cannot be read
     */
    public static ManifestStore open(Path folder, Clock clock) {
        FileChannel channel = null;
        try {
            Files.createDirectories(folder);
            channel = FileChannel.open(folder.resolve(LOCK_NAME), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("another migration runs in " + folder + " (its lock file "
                        + folder.resolve(LOCK_NAME) + " is held); wait for it to finish");
            }
            ManifestState state = read(folder.resolve(FILE_NAME));
            ManifestStore store = new ManifestStore(folder, clock, channel, lock, state);
            channel = null;
            return store;
        } catch (IOException e) {
            throw new FineTuneException("cannot open the migration folder " + folder + ": " + e.getMessage(), e);
        } finally {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // the original failure matters more
                }
            }
        }
    }

    /**
     * Reads a folder's manifest without taking the lock (for a plan or a status).
     *
     * @param folder the folder
     * @return its state, or a new one when there is no manifest yet
     * @throws FineTuneException if the manifest cannot be read
     */
    public static ManifestState peek(Path folder) {
        try {
            return read(folder.resolve(FILE_NAME));
        } catch (IOException e) {
            throw new FineTuneException("cannot read " + folder.resolve(FILE_NAME) + ": " + e.getMessage(), e);
        }
    }

    private static ManifestState read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new ManifestState();
        }
        ManifestState state;
        try {
            state = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), ManifestState.class);
        } catch (JsonProcessingException e) {
            throw new FineTuneException(file + " is not a migration manifest: " + e.getOriginalMessage(), e);
        }
        if (state.format > ManifestState.FORMAT) {
            throw new FineTuneException(file + " has format " + state.format + ", newer than this version reads ("
                    + ManifestState.FORMAT + "): use a newer finetune4j", null);
        }
        return state;
    }

    /**
     * The folder.
     *
     * @return the migration folder
     */
    public Path folder() {
        return folder;
    }

    /**
     * The state, changed in place by the steps; {@link #save()} writes it.
     *
     * @return the state
     */
    public ManifestState state() {
        return state;
    }

    /**
     * Writes the manifest atomically.
     *
     * @throws FineTuneException if it cannot be written
     */
    public void save() {
        String now = clock.instant().toString();
        if (state.createdAt == null) {
            state.createdAt = now;
        }
        state.updatedAt = now;
        try {
            AtomicFile.writeString(folder.resolve(FILE_NAME), JSON.writeValueAsString(state) + "\n");
        } catch (IOException e) {
            throw new FineTuneException("cannot write " + folder.resolve(FILE_NAME) + ": " + e.getMessage(), e);
        }
    }

    /**
     * A path inside the folder, as stored in the manifest (relative, with forward slashes).
     *
     * @param file a file inside the folder
     * @return the relative path
     */
    public String relative(Path file) {
        return folder.toAbsolutePath().relativize(file.toAbsolutePath()).toString().replace('\\', '/');
    }

    /**
     * Resolves a path stored in the manifest.
     *
     * @param relative the stored path
     * @return the file
     */
    public Path resolve(String relative) {
        return folder.resolve(relative);
    }

    /** Releases the folder's lock. */
    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // the lock goes with the channel when the process ends anyway
        }
    }
}
