package io.github.finetune4j.openai.protocol;

import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.spi.HttpBody;
import io.github.finetune4j.core.spi.LargeFileUploads;
import io.github.finetune4j.core.spi.MultipartForm;
import io.github.finetune4j.core.spi.RetryMode;
import io.github.finetune4j.core.spi.UploadSession;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The Uploads API (large files in parts); offered with {@link OpenAiDialect.Feature#LARGE_FILE_UPLOADS}. */
final class ProtocolUploads implements LargeFileUploads {
    /** Content type of one part's bytes. */
    static final String OCTET_STREAM = "application/octet-stream";

    private final OpenAiProtocol protocol;

    ProtocolUploads(OpenAiProtocol protocol) {
        this.protocol = protocol;
    }

    @Override
    public UploadSession createUpload(String filename, long bytes, String purpose) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("filename", Objects.requireNonNull(filename, "filename"));
        body.put("purpose", Objects.requireNonNull(purpose, "purpose"));
        body.put("bytes", bytes);
        body.put("mime_type", UploadMapper.MIME_TYPE);
        return protocol.reader().read(protocol.send(protocol.request("POST", protocol.uri(Operation.UPLOADS,
                        "uploads", Map.of())).body(HttpBody.json(protocol.json(body)))
                .retryMode(RetryMode.NOT_IDEMPOTENT).build()), UploadDto.class, UploadMapper::session, "upload");
    }

    /**
     * The part goes as the multipart field {@code data}, streamed from its region of the file. Sending a part again
     * is safe (the service then holds a part nobody lists on completion, dropped with the upload), so it is retried
     * like a GET: a 5xx or a connection cut mid-part costs that part again, not the upload.
     */
    @Override
    public String addUploadPart(String uploadId, Path file, long offset, long length) {
        Path name = Objects.requireNonNull(file, "file").getFileName();
        MultipartForm form = MultipartForm.builder()
                .fileRegion("data", file, offset, length, name == null ? "part" : name.toString(), OCTET_STREAM)
                .build();
        return protocol.reader().read(protocol.send(protocol.request("POST", action(uploadId, "parts"))
                        .body(HttpBody.multipart(form)).retryMode(RetryMode.IDEMPOTENT).build()),
                UploadPartDto.class, UploadMapper::partId, "upload part");
    }

    @Override
    public FileInfo completeUpload(String uploadId, List<String> partIds) {
        byte[] body = protocol.json(Map.of("part_ids", List.copyOf(partIds)));
        return protocol.reader().read(protocol.send(protocol.request("POST", action(uploadId, "complete"))
                        .body(HttpBody.json(body)).retryMode(RetryMode.NOT_IDEMPOTENT).build()),
                UploadDto.class, dto -> UploadMapper.completedFile(dto, protocol.files()), "upload");
    }

    /** Cancelling only ends the upload, so repeating it is safe. */
    @Override
    public void cancelUpload(String uploadId) {
        protocol.send(protocol.request("POST", action(uploadId, "cancel")).retryMode(RetryMode.IDEMPOTENT).build());
    }

    private java.net.URI action(String uploadId, String action) {
        Objects.requireNonNull(uploadId, "uploadId");
        if (uploadId.isBlank()) {
            throw new IllegalArgumentException("uploadId must not be blank");
        }
        return protocol.uri(Operation.UPLOAD_ACTION, ProtocolUris.path("uploads", uploadId, action), Map.of());
    }
}
