package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.spi.LargeFileUploads;
import io.github.finetune4j.core.spi.UploadSession;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Uploads one file in parts through a provider's {@link LargeFileUploads}: create, add the parts one after another
 * in file order, complete with the part ids in that order. If any step fails the upload is cancelled (best effort)
 * and the failure rethrown, so no half-made upload is left waiting for its expiry.
 */
final class PartedUpload {
    /** Files larger than this go through the Uploads API: 100 MB. */
    static final long THRESHOLD_BYTES = 100_000_000L;
    /** The size of every part but the last: 64 MiB, as openai-python uses (the API takes at most 64 MB per part). */
    static final long PART_BYTES = 64L * 1024 * 1024;
    private static final System.Logger LOG = System.getLogger(PartedUpload.class.getName());

    private final LargeFileUploads uploads;
    private final long partBytes;

    PartedUpload(LargeFileUploads uploads, long partBytes) {
        this.uploads = Objects.requireNonNull(uploads, "uploads");
        if (partBytes <= 0) {
            throw new IllegalArgumentException("partBytes must be positive: " + partBytes);
        }
        this.partBytes = partBytes;
    }

    /**
     * Uploads the file.
     *
     * @param file the file on disk, streamed part by part
     * @param filename the name to give the file
     * @param bytes the file's size
     * @param purpose the file's purpose
     * @return the completed file
     */
    FileInfo upload(Path file, String filename, long bytes, String purpose) {
        UploadSession session = uploads.createUpload(filename, bytes, purpose);
        try {
            List<String> partIds = new ArrayList<>();
            for (long offset = 0; offset < bytes; offset += partBytes) {
                long length = Math.min(partBytes, bytes - offset);
                partIds.add(uploads.addUploadPart(session.id(), file, offset, length));
            }
            return uploads.completeUpload(session.id(), partIds);
        } catch (RuntimeException e) {
            cancelQuietly(session.id(), e);
            throw e;
        }
    }

    private void cancelQuietly(String uploadId, RuntimeException cause) {
        try {
            uploads.cancelUpload(uploadId);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not cancel upload {0}: {1}", uploadId, e.getMessage());
            cause.addSuppressed(e);
        }
    }
}
