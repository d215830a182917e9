package io.github.finetune4j.testkit.internal.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.testkit.internal.blob.Blob;
import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.MultipartParser;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.http.Route;
import io.github.finetune4j.testkit.internal.state.EmulatorState;
import io.github.finetune4j.testkit.internal.state.StoredFile;
import io.github.finetune4j.testkit.internal.state.UploadRecord;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Uploads API, for files too large for one request: {@code POST /uploads} opens an upload of an announced
 * size, {@code POST /uploads/{id}/parts} adds a part (multipart field {@code data}, at most
 * {@value #MAX_PART_BYTES} bytes, streamed to disk), {@code POST /uploads/{id}/complete} joins the parts in the
 * order of {@code part_ids} into a new file (checking the total size and an optional {@code md5}), and
 * {@code POST /uploads/{id}/cancel} drops them. An upload expires one hour after it was created (parts
 * dropped, status {@code expired}, which a cancel shows). Completing again with the same part ids, or cancelling
 * again, answers the same upload, so that a retry after a lost response succeeds.
 */
final class UploadsHandler {

    /** The largest part: 64 MiB. */
    static final long MAX_PART_BYTES = 64L * 1024 * 1024;

    /** The largest upload: 8 GiB. */
    static final long MAX_UPLOAD_BYTES = 8L * 1024 * 1024 * 1024;

    private static final Set<String> CREATE_KEYS = Set.of("filename", "purpose", "bytes", "mime_type",
            "expires_after");
    private static final Set<String> COMPLETE_KEYS = Set.of("part_ids", "md5");
    private static final List<String> PURPOSES = List.of("assistants", "batch", "fine-tune", "vision");

    private final EmulatorState state;
    private final OpenAiJson json;

    UploadsHandler(EmulatorState state, OpenAiJson json) {
        this.state = state;
        this.json = json;
    }

    List<Route> routes() {
        return List.of(
                Route.of("POST", "/uploads", this::create),
                Route.of("POST", "/uploads/{upload_id}/parts", this::addPart),
                Route.of("POST", "/uploads/{upload_id}/complete", this::complete),
                Route.of("POST", "/uploads/{upload_id}/cancel", this::cancel));
    }

    private Response create(Request request) {
        JsonNode body = RequestBodies.json(state.mapper(), request);
        RequestBodies.rejectUnknownKeys(body, CREATE_KEYS);
        String filename = RequestBodies.requiredString(body, "filename");
        String purpose = RequestBodies.requiredString(body, "purpose");
        String mimeType = RequestBodies.requiredString(body, "mime_type");
        JsonNode bytesNode = body.get("bytes");
        if (bytesNode == null || bytesNode.isNull()) {
            throw ApiError.invalidRequest("Missing required parameter: 'bytes'.", "bytes",
                    "missing_required_parameter");
        }
        if (!bytesNode.isIntegralNumber()) {
            throw RequestBodies.invalidType("bytes", "an integer");
        }
        long bytes = bytesNode.asLong();
        if (!PURPOSES.contains(purpose)) {
            throw ApiError.invalidRequest("Invalid value: '" + purpose + "'. Supported values are: "
                    + PURPOSES + ".", "purpose", "invalid_value");
        }
        if (bytes < 1 || bytes > MAX_UPLOAD_BYTES) {
            throw ApiError.invalidRequest("Invalid 'bytes': an upload holds 1 byte to 8 GB, got " + bytes + ".",
                    "bytes");
        }
        if (mimeType.isBlank()) {
            throw ApiError.invalidRequest("Invalid 'mime_type': must not be empty.", "mime_type");
        }
        if (purpose.equals("fine-tune") && !filename.toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
            throw ApiError.invalidRequest("Invalid file format for Fine-Tuning API. Must be .jsonl", "filename");
        }
        checkExpiresAfter(body.get("expires_after"));
        return state.transaction(s -> json.ok(upload(s.addUploadSession(filename, purpose, bytes, mimeType))));
    }

    private Response addPart(Request request) {
        String id = request.pathParam("upload_id");
        // Refuse before reading 64 MiB for an upload that cannot take it.
        state.transaction(s -> requirePending(s.uploads().get(id)));
        Map<String, MultipartParser.Part> parts = MultipartParser.parse(request.header("content-type"),
                request.content().stream(), state.blobs());
        MultipartParser.Part data = parts.get("data");
        try {
            for (String name : parts.keySet()) {
                if (!name.equals("data")) {
                    throw ApiError.invalidRequest("Unrecognized request argument supplied: " + name, name);
                }
            }
            if (data == null) {
                throw ApiError.invalidRequest("Missing required parameter: 'data'.", "data",
                        "missing_required_parameter");
            }
            if (data.data().size() > MAX_PART_BYTES) {
                throw ApiError.invalidRequest("Part of " + data.data().size() + " bytes is larger than the 64 MB "
                        + "a part may hold.", "data");
            }
            return state.transaction(s -> {
                UploadRecord upload = requirePending(s.uploads().get(id));
                UploadRecord.Part part = s.addUploadPart(upload, data.data());
                return json.ok(part(upload, part));
            });
        } catch (RuntimeException e) {
            parts.values().forEach(p -> p.data().delete());
            throw e;
        }
    }

    private Response complete(Request request) {
        String id = request.pathParam("upload_id");
        JsonNode body = RequestBodies.json(state.mapper(), request);
        RequestBodies.rejectUnknownKeys(body, COMPLETE_KEYS);
        List<String> partIds = partIds(body.get("part_ids"));
        String md5 = RequestBodies.optionalString(body, "md5");
        List<Blob> ordered = state.transaction(s -> {
            UploadRecord upload = s.uploads().get(id);
            if (isRepeatedCompletion(upload, partIds)) {
                return null;
            }
            requirePending(upload);
            return checkedParts(upload, partIds);
        });
        if (ordered != null && md5 != null && !md5.isBlank()) {
            String actual = Blob.concat(ordered).digest("MD5");
            if (!actual.equalsIgnoreCase(md5.strip())) {
                throw ApiError.invalidRequest("The md5 checksum of the uploaded parts (" + actual
                        + ") does not match the given md5 (" + md5.strip() + ").", "md5");
            }
        }
        return state.transaction(s -> {
            UploadRecord upload = s.uploads().get(id);
            if (!isRepeatedCompletion(upload, partIds)) {
                requirePending(upload);
                checkedParts(upload, partIds);
                s.completeUpload(upload, partIds);
            }
            return json.ok(upload(upload));
        });
    }

    private Response cancel(Request request) {
        String id = request.pathParam("upload_id");
        return state.transaction(s -> {
            UploadRecord upload = s.uploads().get(id);
            // Cancelling again, or an upload that has expired, answers it as it is: nothing is left to drop.
            if (upload.status() != UploadRecord.Status.CANCELLED && upload.status() != UploadRecord.Status.EXPIRED) {
                requirePending(upload);
                s.cancelUpload(upload);
            }
            return json.ok(upload(upload));
        });
    }

    private ObjectNode upload(UploadRecord upload) {
        ObjectNode node = json.object();
        node.put("id", upload.id());
        node.put("object", "upload");
        node.put("bytes", upload.bytes());
        node.put("created_at", upload.createdAt().getEpochSecond());
        node.put("filename", upload.filename());
        node.put("purpose", upload.purpose());
        node.put("status", upload.status().name().toLowerCase(Locale.ROOT));
        node.put("expires_at", upload.expiresAt().getEpochSecond());
        StoredFile file = upload.fileId().flatMap(fileId -> state.files().get(fileId)).orElse(null);
        if (file == null) {
            node.putNull("file");
        } else {
            node.set("file", json.file(file, state.now()));
        }
        return node;
    }

    private ObjectNode part(UploadRecord upload, UploadRecord.Part part) {
        ObjectNode node = json.object();
        node.put("id", part.id());
        node.put("object", "upload.part");
        node.put("created_at", part.createdAt().getEpochSecond());
        node.put("upload_id", upload.id());
        return node;
    }

    private static boolean isRepeatedCompletion(UploadRecord upload, List<String> partIds) {
        return upload.status() == UploadRecord.Status.COMPLETED
                && upload.completedWith().map(partIds::equals).orElse(false);
    }

    private static UploadRecord requirePending(UploadRecord upload) {
        switch (upload.status()) {
            case PENDING:
                return upload;
            case COMPLETED:
                throw ApiError.invalidRequest("Upload " + upload.id() + " is already completed; nothing can be "
                        + "added to it.", null);
            case CANCELLED:
                throw ApiError.invalidRequest("Upload " + upload.id() + " was cancelled.", null);
            default:
                throw ApiError.invalidRequest("Upload " + upload.id() + " expired at its expires_at ("
                        + upload.expiresAt() + "); create a new upload.", null);
        }
    }

    private static List<Blob> checkedParts(UploadRecord upload, List<String> partIds) {
        List<Blob> ordered = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (String partId : partIds) {
            if (!seen.add(partId)) {
                throw ApiError.invalidRequest("Part " + partId + " is listed more than once.", "part_ids");
            }
            UploadRecord.Part part = upload.part(partId).orElseThrow(() -> ApiError.invalidRequest("Part "
                    + partId + " does not belong to upload " + upload.id() + ".", "part_ids"));
            ordered.add(part.data());
            total += part.data().size();
        }
        if (total != upload.bytes()) {
            throw ApiError.invalidRequest("The parts hold " + total + " bytes, but the upload was created with "
                    + "bytes=" + upload.bytes() + ".", "part_ids");
        }
        return ordered;
    }

    private static List<String> partIds(JsonNode node) {
        if (node == null || node.isNull()) {
            throw ApiError.invalidRequest("Missing required parameter: 'part_ids'.", "part_ids",
                    "missing_required_parameter");
        }
        if (!node.isArray() || node.isEmpty()) {
            throw RequestBodies.invalidType("part_ids", "a non-empty array of strings");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw RequestBodies.invalidType("part_ids", "a non-empty array of strings");
            }
            ids.add(item.asText());
        }
        return ids;
    }

    private static void checkExpiresAfter(JsonNode node) {
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject() || !"created_at".equals(node.path("anchor").asText(null))
                || !node.path("seconds").isIntegralNumber() || node.get("seconds").asLong() < 3600
                || node.get("seconds").asLong() > 2_592_000) {
            throw ApiError.invalidRequest("Invalid 'expires_after': expected {\"anchor\": \"created_at\", "
                    + "\"seconds\": 3600..2592000}.", "expires_after");
        }
    }
}
