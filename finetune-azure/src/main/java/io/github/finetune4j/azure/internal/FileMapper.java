package io.github.finetune4j.azure.internal;

import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.FileStatus;

import java.util.Optional;

/** Maps wire files to {@link FileInfo}s. */
final class FileMapper {
    private FileMapper() {
    }

    /**
     * Azure always reports a status (files are checked asynchronously and are usable only when {@code processed});
     * a missing status, as on OpenAI-compatible gateways, means usable at once.
     */
    static FileInfo fromWire(FileDto dto) {
        Wire.require(dto, "file");
        FileStatus status = dto.status() == null ? FileStatus.PROCESSED : AzureStatuses.file(dto.status());
        return new FileInfo(FileId.of(Wire.requireText(dto.id(), "id")),
                dto.filename() == null ? "" : dto.filename(),
                dto.bytes() == null ? 0 : dto.bytes(),
                Wire.instant(dto.createdAt(), "created_at"),
                dto.purpose() == null ? "" : dto.purpose(),
                status,
                Optional.ofNullable(dto.statusDetails()).filter(s -> !s.isBlank()));
    }

    static boolean deleted(DeletedDto dto) {
        return Boolean.TRUE.equals(Wire.require(dto, "deletion").deleted());
    }
}
