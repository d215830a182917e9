package io.github.finetune4j.openai.internal;

import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.FileStatus;

import java.util.Optional;

/** Translates OpenAI file objects into {@link FileInfo}. */
final class FileMapper {
    private FileMapper() {
    }

    /**
     * Maps a file. OpenAI deprecated {@code status}; a file without one is reported as
     * {@link FileStatus#PROCESSED}, since OpenAI accepts jobs on such files and processes them itself.
     */
    static FileInfo fromWire(FileDto dto) {
        WireFormatException.require(dto, "file");
        FileStatus status = dto.status() == null ? FileStatus.PROCESSED : FileStatus.parse(dto.status());
        return new FileInfo(FileId.of(WireFormatException.requireText(dto.id(), "id")),
                dto.filename() == null ? "" : dto.filename(),
                dto.bytes() == null ? 0 : dto.bytes(),
                Times.required(dto.createdAt(), "created_at"),
                dto.purpose() == null ? "" : dto.purpose(),
                status,
                Optional.ofNullable(dto.statusDetails()).filter(s -> !s.isBlank()));
    }

    static boolean deleted(DeletedDto dto) {
        return WireFormatException.require(dto, "deletion").deleted() == Boolean.TRUE;
    }
}
