package io.github.finetune4j.testkit.internal.state;

import io.github.finetune4j.testkit.internal.blob.Blob;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One upload of the Uploads API: what was announced at create, the parts received, and how it ended. Mutable,
 * guarded by the {@link EmulatorState} lock.
 */
public final class UploadRecord {

    /** The status of an upload, as the service words it. */
    public enum Status {
        /** Open for parts. */
        PENDING,
        /** Completed: the parts became a file. */
        COMPLETED,
        /** Cancelled: the parts were dropped. */
        CANCELLED,
        /** Not completed before {@code expires_at}: the parts were dropped. */
        EXPIRED
    }

    /**
     * A part received.
     *
     * @param id the id, {@code part_…}
     * @param createdAt when it was received
     * @param data its bytes
     */
    public record Part(String id, Instant createdAt, Blob data) {
        public Part {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(data, "data");
        }
    }

    private final String id;
    private final String filename;
    private final String purpose;
    private final long bytes;
    private final String mimeType;
    private final Instant createdAt;
    private final Instant expiresAt;
    private final Map<String, Part> parts = new LinkedHashMap<>();
    private Status status = Status.PENDING;
    private String fileId;
    private List<String> completedWith;

    UploadRecord(String id, String filename, String purpose, long bytes, String mimeType, Instant createdAt,
                 Instant expiresAt) {
        this.id = id;
        this.filename = filename;
        this.purpose = purpose;
        this.bytes = bytes;
        this.mimeType = mimeType;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** @return the id, {@code upload_…} */
    public String id() {
        return id;
    }

    /** @return the file name announced at create */
    public String filename() {
        return filename;
    }

    /** @return the purpose announced at create */
    public String purpose() {
        return purpose;
    }

    /** @return the total size announced at create */
    public long bytes() {
        return bytes;
    }

    /** @return the MIME type announced at create */
    public String mimeType() {
        return mimeType;
    }

    /** @return when it was created */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return when it expires unless completed */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** @return the status */
    public Status status() {
        return status;
    }

    /** @return the id of the file it became, once completed */
    public Optional<String> fileId() {
        return Optional.ofNullable(fileId);
    }

    /** @return the part ids it was completed with, once completed */
    public Optional<List<String>> completedWith() {
        return Optional.ofNullable(completedWith);
    }

    /**
     * Finds a part of this upload.
     *
     * @param partId the part id
     * @return the part, or empty
     */
    public Optional<Part> part(String partId) {
        return Optional.ofNullable(parts.get(partId));
    }

    /** @return the number of parts received */
    public int partCount() {
        return parts.size();
    }

    void addPart(Part part) {
        parts.put(part.id(), part);
    }

    /** Marks the upload completed and drops the parts that were not used. */
    void complete(List<String> partIds, String file) {
        status = Status.COMPLETED;
        fileId = file;
        completedWith = List.copyOf(partIds);
        parts.forEach((partId, part) -> {
            if (!partIds.contains(partId)) {
                part.data().delete();
            }
        });
    }

    void end(Status ending) {
        status = ending;
        parts.values().forEach(p -> p.data().delete());
        parts.clear();
    }
}
