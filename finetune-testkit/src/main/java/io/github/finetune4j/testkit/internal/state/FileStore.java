package io.github.finetune4j.testkit.internal.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files, by id. Guarded by the {@link EmulatorState} lock.
 */
public final class FileStore {

    private final Map<String, StoredFile> files = new LinkedHashMap<>();

    /**
     * Adds a file.
     *
     * @param file the file
     */
    public void add(StoredFile file) {
        files.put(file.id(), file);
    }

    /**
     * Finds a file.
     *
     * @param id the id
     * @return the file, or empty when unknown or deleted
     */
    public Optional<StoredFile> get(String id) {
        return Optional.ofNullable(files.get(id));
    }

    /**
     * Deletes a file and frees its content.
     *
     * @param id the id
     * @return true when it existed
     */
    public boolean remove(String id) {
        StoredFile removed = files.remove(id);
        if (removed == null) {
            return false;
        }
        removed.content().delete();
        return true;
    }

    /**
     * Returns all files, oldest first.
     *
     * @return the files
     */
    public List<StoredFile> oldestFirst() {
        List<StoredFile> all = new ArrayList<>(files.values());
        all.sort(Comparator.comparing(StoredFile::createdAt).thenComparingLong(StoredFile::sequence));
        return all;
    }

    /**
     * Returns the number of files.
     *
     * @return the count
     */
    public int size() {
        return files.size();
    }
}
