package io.github.finetune4j.core.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.error.NotFoundException;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.spi.AtomicFile;
import io.github.finetune4j.core.spi.LargeFileUploads;
import io.github.finetune4j.core.spi.UploadSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Uploads large files in parts through a provider's {@link LargeFileUploads}, so that a failure costs one part, not
 * the file. Each part is sent with the transport's retries (a part sent twice is only an unused part). After each
 * part the upload's state (id, expiry, part ids) is written to a small JSON file in the state directory, keyed by
 * provider, content digest and part size; a new process that uploads the same content finds the state and sends
 * only the missing parts, as long as the upload has not expired. When the upload fails in this process after the
 * transport's retries, it is cancelled and its state removed, so nothing is left half-made. Thread-safe for distinct
 * files.
 */
final class PartedUploads {
    private static final System.Logger LOG = System.getLogger(PartedUploads.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClientConfig.LargeFiles settings;
    private final String providerId;
    private final Clock clock;

    PartedUploads(ClientConfig.LargeFiles settings, String providerId, Clock clock) {
        this.settings = settings;
        this.providerId = providerId;
        this.clock = clock;
    }

    /** Whether a file of this size goes up in parts. */
    boolean applies(long bytes) {
        return bytes > settings.thresholdBytes();
    }

    /**
     * Uploads (or finishes uploading) the file.
     *
     * @param uploads the provider's Uploads API
     * @param file the staged file
     * @param purpose the file's purpose
     * @return the completed file
     */
    FileInfo upload(LargeFileUploads uploads, StagedFile file, String purpose) {
        Path statePath = settings.stateDirectory().resolve(providerId + "-" + file.sha256().substring(0, 32) + "-"
                + settings.partBytes() + ".upload.json");
        State state = resume(statePath).orElseGet(() -> {
            UploadSession session = uploads.createUpload(file.filename(), file.bytes(), purpose);
            return new State(session.id(), session.expiresAt().orElse(null), new ArrayList<>());
        });
        try {
            long offset = (long) state.partIds.size() * settings.partBytes();
            if (offset > 0) {
                LOG.log(System.Logger.Level.INFO, "resuming upload {0} of {1} at part {2}", state.uploadId,
                        file.filename(), state.partIds.size() + 1);
            }
            for (; offset < file.bytes(); offset += settings.partBytes()) {
                long length = Math.min(settings.partBytes(), file.bytes() - offset);
                state.partIds.add(uploads.addUploadPart(state.uploadId, file.path(), offset, length));
                save(statePath, state);
            }
            FileInfo done = uploads.completeUpload(state.uploadId, List.copyOf(state.partIds));
            deleteQuietly(statePath);
            return done;
        } catch (FineTuneInterruptedException e) {
            // The process may be going down: keep the state so that the next run resumes the upload.
            throw e;
        } catch (RuntimeException e) {
            deleteQuietly(statePath);
            if (e instanceof NotFoundException && state.resumed) {
                // The upload in the state file has expired or vanished: start over once, with a new upload.
                LOG.log(System.Logger.Level.INFO, "saved upload {0} is gone; uploading {1} again", state.uploadId,
                        file.filename());
                return upload(uploads, file, purpose);
            }
            cancelQuietly(uploads, state.uploadId, e);
            throw e;
        }
    }

    private Optional<State> resume(Path statePath) {
        if (!Files.isRegularFile(statePath)) {
            return Optional.empty();
        }
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(statePath.toFile());
            Instant expires = node.hasNonNull("expiresAt") ? Instant.parse(node.get("expiresAt").asText()) : null;
            if (expires != null && !clock.instant().isBefore(expires.minusSeconds(60))) {
                deleteQuietly(statePath);
                return Optional.empty();
            }
            List<String> parts = new ArrayList<>();
            node.withArray("partIds").forEach(p -> parts.add(p.asText()));
            State state = new State(node.get("uploadId").asText(), expires, parts);
            state.resumed = true;
            return Optional.of(state);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "ignoring unreadable upload state {0}: {1}", statePath, e.getMessage());
            deleteQuietly(statePath);
            return Optional.empty();
        }
    }

    /** Written to a temporary file and moved into place, so a crash never leaves half a state file. */
    private static void save(Path statePath, State state) {
        ObjectNode node = JSON.createObjectNode().put("uploadId", state.uploadId);
        if (state.expiresAt != null) {
            node.put("expiresAt", state.expiresAt.toString());
        }
        ArrayNode parts = node.putArray("partIds");
        state.partIds.forEach(parts::add);
        try {
            AtomicFile.write(statePath, JSON.writeValueAsBytes(node));
        } catch (IOException e) {
            // Resuming is an optimisation: an upload without saved state still completes in this process.
            LOG.log(System.Logger.Level.DEBUG, "could not save upload state {0}: {1}", statePath, e.getMessage());
        }
    }

    private static void cancelQuietly(LargeFileUploads uploads, String uploadId, RuntimeException cause) {
        try {
            uploads.cancelUpload(uploadId);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not cancel upload {0}: {1}", uploadId, e.getMessage());
            cause.addSuppressed(e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not delete {0}", path);
        }
    }

    /** An upload in progress. */
    private static final class State {
        final String uploadId;
        final Instant expiresAt;
        final List<String> partIds;
        boolean resumed;

        State(String uploadId, Instant expiresAt, List<String> partIds) {
            this.uploadId = uploadId;
            this.expiresAt = expiresAt;
            this.partIds = partIds;
        }
    }
}
