package io.github.finetune4j.core.spi;

import io.github.finetune4j.core.model.FileInfo;

import java.nio.file.Path;
import java.util.List;

/**
 * Optional provider capability: uploading a large file in parts (OpenAI's Uploads API). A {@link FineTuneProvider}
 * that implements this interface as well gets files above the core's threshold uploaded in parts instead of with
 * {@link FineTuneProvider#uploadFile}.
 *
 * <p>Each method performs exactly one HTTP exchange; the core creates the upload, adds the parts one after another,
 * completes it, and cancels it if anything fails. Implementations are thread-safe.
 */
public interface LargeFileUploads {
    /**
     * Creates an upload; one HTTP exchange, not repeated by the transport.
     *
     * @param filename the name of the file to create, ending in {@code .jsonl}
     * @param bytes the total size of the file; the parts must add up to it
     * @param purpose the purpose, {@link FileUpload#FINE_TUNE} or {@link FileUpload#BATCH}
     * @return the new upload
     */
    UploadSession createUpload(String filename, long bytes, String purpose);

    /**
     * Sends one part, streamed from disk; one HTTP exchange, not repeated by the transport.
     *
     * @param uploadId the upload
     * @param file the whole file on disk
     * @param offset the position of the part's first byte in the file
     * @param length the part's size in bytes
     * @return the part's id, to pass to {@link #completeUpload}
     */
    String addUploadPart(String uploadId, Path file, long offset, long length);

    /**
     * Completes an upload; one HTTP exchange, not repeated by the transport.
     *
     * @param uploadId the upload
     * @param partIds the ids of every part, in file order
     * @return the file the parts make up
     */
    FileInfo completeUpload(String uploadId, List<String> partIds);

    /**
     * Cancels an upload so that no more parts can be added; one HTTP exchange.
     *
     * @param uploadId the upload
     */
    void cancelUpload(String uploadId);
}
