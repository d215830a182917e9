package io.github.finetune4j.openai.protocol;

import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.spi.UploadSession;

/** Maps Uploads API objects to core records. */
final class UploadMapper {
    /** Content type of a fine-tuning JSONL file announced when an upload is created, as the spec's example has it. */
    static final String MIME_TYPE = "text/jsonl";

    private UploadMapper() {
    }

    static UploadSession session(UploadDto dto) {
        WireFormatException.require(dto, "upload");
        return new UploadSession(WireFormatException.requireText(dto.id(), "id"), Times.optional(dto.expiresAt()));
    }

    static String partId(UploadPartDto dto) {
        return WireFormatException.requireText(WireFormatException.require(dto, "upload part").id(), "id");
    }

    /** The file a completed upload made; an upload without one (not completed) is a wire-format error. */
    static FileInfo completedFile(UploadDto dto, FileMapper files) {
        WireFormatException.require(dto, "upload");
        return files.fromWire(WireFormatException.require(dto.file(), "file"));
    }
}
