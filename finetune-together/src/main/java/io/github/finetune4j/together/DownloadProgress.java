package io.github.finetune4j.together;

import java.util.OptionalLong;

/**
 * Progress of a weight download, called on the downloading thread after each part is written to disk. Must be fast
 * and should not throw.
 */
@FunctionalInterface
public interface DownloadProgress {
    /** Reports nothing. */
    DownloadProgress NONE = (written, total) -> { };

    /**
     * Bytes written so far.
     *
     * @param written the bytes on disk, including those of an earlier, interrupted download that was resumed
     * @param total the archive's size, when the service said
     */
    void onProgress(long written, OptionalLong total);
}
