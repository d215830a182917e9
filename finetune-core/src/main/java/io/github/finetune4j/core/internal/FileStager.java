package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.error.ServerException;
import io.github.finetune4j.core.error.TransportException;
import io.github.finetune4j.core.internal.poll.Listeners;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.FileStatus;
import io.github.finetune4j.core.spi.FileUpload;
import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.core.spi.LargeFileUploads;
import io.github.finetune4j.core.spi.LazyPagedIterable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts staged files on the provider at most once: a file of the same name (which carries the content digest) and
 * size that is already there and usable is reused, so a re-run uploads nothing; otherwise it is uploaded (large
 * files in parts). An upload whose answer was lost (it may have reached the provider) is looked for by its name
 * before the failure is given up on: found, it is used like any upload. Remembers what it uploaded, so that a start
 * that fails for good can delete it. One per start.
 */
final class FileStager {
    private static final System.Logger LOG = System.getLogger(FileStager.class.getName());
    /** How many of the provider's newest files are searched for one to reuse. */
    private static final int SEARCHED_FILES = 1000;

    private final FineTuneProvider provider;
    private final PartedUploads parted;
    private final Listeners listeners;
    private final List<FileId> uploaded = new ArrayList<>();

    FileStager(FineTuneProvider provider, PartedUploads parted, Listeners listeners) {
        this.provider = provider;
        this.parted = parted;
        this.listeners = listeners;
    }

    /** The file on the provider holding the staged content: found again, or uploaded now. */
    FileInfo put(StagedFile staged) {
        Optional<FileInfo> existing = findExisting(staged);
        if (existing.isPresent()) {
            LOG.log(listeners.progressLevel(), "{0} is already on {1} as {2}; not uploading it again",
                    staged.filename(), provider.id(), existing.get().id());
            listeners.fire(l -> l.onFileReused(existing.get()));
            return existing.get();
        }
        FileInfo info = uploadOrFindLanded(staged);
        uploaded.add(info.id());
        listeners.fire(l -> l.onFileUploaded(info));
        return info;
    }

    /** Deletes the files this stager uploaded (best effort); files it reused are never touched. */
    void deleteUploaded(RuntimeException cause) {
        for (FileId id : uploaded) {
            try {
                provider.deleteFile(id);
                LOG.log(System.Logger.Level.INFO, "deleted {0}, uploaded for a start that failed", id);
            } catch (FineTuneInterruptedException e) {
                Thread.currentThread().interrupt();
                cause.addSuppressed(e);
                return;
            } catch (FineTuneException e) {
                LOG.log(System.Logger.Level.WARNING, "could not delete {0} after a failed start: {1}", id,
                        e.getMessage());
                cause.addSuppressed(e);
            }
        }
    }

    /**
     * Uploads the file. When the answer is lost (a transport failure after sending, a 5xx), the upload may still have
     * stored the file: without a look, a start that then fails for good would leave it behind, since only files
     * seen uploaded are deleted. So the file is looked for by its name (it carries the digest); found, it is used.
     */
    private FileInfo uploadOrFindLanded(StagedFile staged) {
        try {
            return upload(staged);
        } catch (FineTuneInterruptedException e) {
            throw e;
        } catch (TransportException | ServerException e) {
            if (e instanceof TransportException && !((TransportException) e).isRequestPossiblySent()) {
                throw e;
            }
            Optional<FileInfo> landed;
            try {
                landed = find(staged);
            } catch (FineTuneInterruptedException lookup) {
                throw lookup;
            } catch (FineTuneException | UnsupportedOperationException lookup) {
                e.addSuppressed(lookup);
                throw e;
            }
            if (landed.isEmpty()) {
                throw e;
            }
            LOG.log(System.Logger.Level.INFO, "the answer to uploading {0} was lost ({1}), but {2} holds it as {3}; "
                    + "using it", staged.filename(), e.getMessage(), provider.id(), landed.get().id());
            return landed.get();
        }
    }

    private FileInfo upload(StagedFile staged) {
        Optional<LargeFileUploads> large = provider.feature(LargeFileUploads.class);
        if (large.isPresent() && parted.applies(staged.bytes())) {
            return parted.upload(large.get(), staged, FileUpload.FINE_TUNE);
        }
        return provider.uploadFile(new FileUpload(staged.path(), staged.filename(), staged.bytes(),
                FileUpload.FINE_TUNE));
    }

    private Optional<FileInfo> find(StagedFile staged) {
        return LazyPagedIterable.fromFirstPage(provider::listFiles).stream()
                .limit(SEARCHED_FILES)
                .filter(f -> f.filename().equals(staged.filename()) && f.bytes() == staged.bytes())
                .filter(f -> f.purpose().isEmpty() || f.purpose().equals(FileUpload.FINE_TUNE))
                .filter(f -> f.status() != FileStatus.ERROR && f.status() != FileStatus.DELETED)
                .findFirst();
    }

    private Optional<FileInfo> findExisting(StagedFile staged) {
        try {
            return find(staged);
        } catch (FineTuneInterruptedException e) {
            throw e;
        } catch (FineTuneException | UnsupportedOperationException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not look for an uploaded copy of {0}: {1}", staged.filename(),
                    e.getMessage());
            return Optional.empty();
        }
    }
}
