package io.github.finetune4j.testkit.internal.state;

import io.github.finetune4j.testkit.internal.http.ApiError;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The uploads of the Uploads API, by id. Guarded by the {@link EmulatorState} lock.
 */
public final class UploadStore {

    private final Map<String, UploadRecord> uploads = new LinkedHashMap<>();

    void add(UploadRecord upload) {
        uploads.put(upload.id(), upload);
    }

    /**
     * Finds an upload.
     *
     * @param id the id
     * @return the upload
     * @throws ApiError 404 when there is no such upload
     */
    public UploadRecord get(String id) {
        UploadRecord upload = uploads.get(id);
        if (upload == null) {
            throw ApiError.notFound("No such Upload: " + id, "upload_id", null);
        }
        return upload;
    }

    /** Marks open uploads whose time is up as expired and drops their parts. */
    void expire(Instant now) {
        for (UploadRecord upload : uploads.values()) {
            if (upload.status() == UploadRecord.Status.PENDING && !now.isBefore(upload.expiresAt())) {
                upload.end(UploadRecord.Status.EXPIRED);
            }
        }
    }
}
