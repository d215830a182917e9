package io.github.finetune4j.testkit;

import io.github.finetune4j.testkit.internal.blob.Blob;
import io.github.finetune4j.testkit.internal.state.EmulatorState;
import io.github.finetune4j.testkit.internal.state.JobRecord;
import io.github.finetune4j.testkit.internal.state.StoredFile;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * One provider side of the emulator seen from the test ({@link OpenAiAccount}, {@link AzureResource},
 * {@link TogetherAccount}): what was uploaded and created there, including what the wire API does not show, such
 * as the exact bytes of a file. Each provider is its own namespace: a file id of one is unknown to the others.
 * Thread-safe. Reading the content of a large file does not hold up the emulator's other requests.
 */
public abstract class ProviderAccount {

    private final EmulatorState state;
    private final String name;

    ProviderAccount(EmulatorState state, String name) {
        this.state = state;
        this.name = name;
    }

    /**
     * Returns the ids of the files that exist now, oldest first.
     *
     * @return the ids, never null
     */
    public List<String> fileIds() {
        return state.transaction(s -> s.files().oldestFirst().stream().map(StoredFile::id).toList());
    }

    /**
     * Returns the ids of the fine-tuning jobs that exist now, newest first.
     *
     * @return the ids, never null
     */
    public List<String> jobIds() {
        return state.transaction(s -> s.jobsNewestFirst().stream().map(JobRecord::id).toList());
    }

    /**
     * Returns the size of a file's content.
     *
     * @param fileId the file id
     * @return the number of bytes
     * @throws NullPointerException if {@code fileId} is null
     * @throws IllegalArgumentException if there is no such file (never uploaded, deleted, or of another provider)
     */
    public long fileSize(String fileId) {
        return content(fileId).size();
    }

    /**
     * Computes the SHA-256 of a file's content, reading it from the emulator's memory or disk.
     *
     * @param fileId the file id
     * @return the digest as 64 lower-case hexadecimal characters
     * @throws NullPointerException if {@code fileId} is null
     * @throws IllegalArgumentException if there is no such file
     * @throws UncheckedIOException if the content cannot be read
     */
    public String fileSha256(String fileId) {
        return content(fileId).digest("SHA-256");
    }

    /**
     * Opens a file's content as stored, whatever its purpose. The caller closes the stream; deleting the file
     * meanwhile ends it with an error.
     *
     * @param fileId the file id
     * @return a stream of the content
     * @throws NullPointerException if {@code fileId} is null
     * @throws IllegalArgumentException if there is no such file
     */
    public InputStream openFileContent(String fileId) {
        return content(fileId).open();
    }

    EmulatorState state() {
        return state;
    }

    private Blob content(String fileId) {
        Objects.requireNonNull(fileId, "fileId");
        return state.transaction(s -> s.files().get(fileId).map(StoredFile::content).orElseThrow(() ->
                new IllegalArgumentException("no file " + fileId + " on the emulator's " + name + " side")));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[emulator]";
    }
}
