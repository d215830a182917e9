package io.github.finetune4j.testkit;

import io.github.finetune4j.testkit.internal.blob.Blob;
import io.github.finetune4j.testkit.internal.state.EmulatorState;
import io.github.finetune4j.testkit.internal.state.JobRecord;
import io.github.finetune4j.testkit.internal.state.StoredFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The OpenAI account the emulator serves under {@link FineTuningEmulator#baseUrl()}, seen from the test: what
 * was uploaded and created there, including what the wire API does not show (the exact bytes of a fine-tune
 * file, which the service does not let a client download). From {@link FineTuningEmulator#openAi()}.
 *
 * <pre>{@code
 * String fileId = ...;   // uploaded by the code under test, e.g. through the Uploads API
 * assertThat(emulator.openAi().fileSha256(fileId)).isEqualTo(sha256Of(localFile));
 * assertThat(emulator.openAi().fileIds()).hasSize(1);   // nothing orphaned
 * }</pre>
 *
 * <p>Thread-safe. Reading the content of a large file does not hold up the emulator's other requests.
 */
public final class OpenAiAccount {

    private final EmulatorState state;

    OpenAiAccount(EmulatorState state) {
        this.state = state;
    }

    /**
     * Returns the ids of the files that exist now (uploaded, completed uploads, result files), oldest first.
     *
     * @return the ids, never null
     */
    public List<String> fileIds() {
        return state.transaction(s -> s.files().oldestFirst().stream().map(StoredFile::id).toList());
    }

    /**
     * Returns the ids of the fine-tuning jobs that exist now, newest first, as {@code GET /v1/fine_tuning/jobs}
     * lists them.
     *
     * @return the ids, never null
     */
    public List<String> jobIds() {
        return state.transaction(s -> s.jobsNewestFirst().stream().map(JobRecord::id).toList());
    }

    /**
     * Returns the size of a file's content.
     *
     * @param fileId the file id, {@code file-…}
     * @return the number of bytes
     * @throws NullPointerException if {@code fileId} is null
     * @throws IllegalArgumentException if there is no such file (never uploaded, or deleted)
     */
    public long fileSize(String fileId) {
        return content(fileId).size();
    }

    /**
     * Computes the SHA-256 of a file's content, reading it from the emulator's memory or disk.
     *
     * @param fileId the file id, {@code file-…}
     * @return the digest as 64 lower-case hexadecimal characters
     * @throws NullPointerException if {@code fileId} is null
     * @throws IllegalArgumentException if there is no such file
     * @throws UncheckedIOException if the content cannot be read
     */
    public String fileSha256(String fileId) {
        try (InputStream in = new DigestInputStream(openFileContent(fileId), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read file " + fileId, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Opens a file's content as stored, whatever its purpose (the result file's content is base64 text, as the
     * service stores it). The caller closes the stream; deleting the file meanwhile ends it with an error.
     *
     * @param fileId the file id, {@code file-…}
     * @return a stream of the content
     * @throws NullPointerException if {@code fileId} is null
     * @throws IllegalArgumentException if there is no such file
     */
    public InputStream openFileContent(String fileId) {
        return content(fileId).open();
    }

    private Blob content(String fileId) {
        Objects.requireNonNull(fileId, "fileId");
        return state.transaction(s -> s.files().get(fileId).map(StoredFile::content).orElseThrow(() ->
                new IllegalArgumentException("no file " + fileId + " on the emulator's OpenAI side")));
    }

    @Override
    public String toString() {
        return "OpenAiAccount[emulator]";
    }
}
