package io.github.finetune4j.openai.protocol;

import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.FileStatus;

import java.util.Optional;

/** Translates file objects into {@link FileInfo}, with the dialect's status words. */
final class FileMapper {
    private final OpenAiDialect dialect;

    FileMapper(OpenAiDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Maps a file. OpenAI deprecated {@code status}; a file without one is reported as {@link FileStatus#PROCESSED},
     * since the service accepts jobs on such files and processes them itself. Azure always reports one (files are
     * checked asynchronously and usable only when {@code processed}).
     */
    FileInfo fromWire(FileDto dto) {
        WireFormatException.require(dto, "file");
        FileStatus status = dto.status() == null ? FileStatus.PROCESSED : dialect.fileStatus(dto.status());
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
