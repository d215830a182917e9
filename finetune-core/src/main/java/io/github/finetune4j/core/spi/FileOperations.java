package io.github.finetune4j.core.spi;

import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.Page;
import io.github.finetune4j.core.model.PageRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A provider's file store. Each method performs exactly one HTTP exchange through the core transport; waiting for a
 * file to be processed is the core's loop. Implementations are thread-safe.
 */
public interface FileOperations {
    /**
     * Uploads a file as a streamed multipart request.
     *
     * @param upload the file
     * @return the stored file
     */
    FileInfo uploadFile(FileUpload upload);

    /**
     * Reads a file's metadata and processing state.
     *
     * @param id the file
     * @return the file
     */
    FileInfo getFile(FileId id);

    /**
     * Lists files.
     *
     * @param request the page to fetch
     * @return one page
     */
    Page<FileInfo> listFiles(PageRequest request);

    /**
     * Downloads a file's content.
     *
     * @param id the file
     * @return the raw bytes (result files may be base64 text)
     */
    byte[] fileContent(FileId id);

    /**
     * Deletes a file.
     *
     * @param id the file
     * @return true if the provider confirmed the deletion
     */
    boolean deleteFile(FileId id);

    /**
     * Downloads a file's content into a local file, streamed where the provider's transport can
     * ({@link HttpTransport#download}). This default goes through {@link #fileContent} (in memory).
     *
     * @param id the file
     * @param target the local file to write (created or truncated)
     * @throws FineTuneException if it cannot be read or written
     */
    default void downloadFile(FileId id, Path target) {
        byte[] content = fileContent(id);
        try {
            Files.write(target, content);
        } catch (IOException e) {
            throw new FineTuneException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
