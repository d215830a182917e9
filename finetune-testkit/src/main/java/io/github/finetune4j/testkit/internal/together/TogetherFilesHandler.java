package io.github.finetune4j.testkit.internal.together;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.testkit.internal.blob.Blob;
import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.MultipartParser;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.http.Route;
import io.github.finetune4j.testkit.internal.state.EmulatorState;
import io.github.finetune4j.testkit.internal.state.IdStyle;
import io.github.finetune4j.testkit.internal.state.StoredFile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Together's {@code /files}: {@code POST /files/upload} (multipart {@code purpose}, {@code file_name},
 * {@code file_type}, {@code file}; other fields are refused), list, retrieve, delete and content. An upload is
 * {@code Processed: false} ({@code processing_status: PENDING}) for the processing delay, then the service's file
 * check shows: {@code COMPLETED} with a {@code validation_report}, or {@code INVALID_FORMAT} with the reason. An
 * upload of content already uploaded with the same purpose returns the existing file, as the service does.
 */
final class TogetherFilesHandler {

    static final List<String> PURPOSES = List.of("fine-tune", "eval", "eval-sample", "eval-output", "eval-summary",
            "batch-generated", "batch-api");
    private static final List<String> FILE_TYPES = List.of("csv", "jsonl", "parquet");
    private static final Set<String> FIELDS = Set.of("purpose", "file_name", "file_type", "file");

    private final EmulatorState state;
    private final TogetherStore store;
    private final TogetherJson json;

    TogetherFilesHandler(EmulatorState state, TogetherStore store, TogetherJson json) {
        this.state = state;
        this.store = store;
        this.json = json;
    }

    List<Route> routes() {
        return List.of(
                Route.of("POST", "/files/upload", this::upload),
                Route.of("GET", "/files", this::list),
                Route.of("GET", "/files/{id}", this::retrieve),
                Route.of("DELETE", "/files/{id}", this::delete),
                Route.of("GET", "/files/{id}/content", this::content));
    }

    private Response upload(Request request) {
        Map<String, MultipartParser.Part> parts = MultipartParser.parse(request.header("content-type"),
                request.content().stream(), state.blobs());
        try {
            return store(parts);
        } catch (RuntimeException e) {
            parts.values().forEach(p -> p.data().delete());
            throw e;
        }
    }

    private Response store(Map<String, MultipartParser.Part> parts) {
        for (String name : parts.keySet()) {
            if (!FIELDS.contains(name)) {
                throw ApiError.invalidRequest("Unknown form field '" + name + "'; an upload takes purpose, "
                        + "file_name, file_type and file.", name, "invalid_parameter");
            }
        }
        String purpose = field(parts, "purpose");
        if (!PURPOSES.contains(purpose)) {
            throw ApiError.invalidRequest("Invalid value for 'purpose': '" + purpose + "' is not one of " + PURPOSES
                    + ".", "purpose", "invalid_value");
        }
        String fileName = field(parts, "file_name");
        String fileType = parts.containsKey("file_type") ? parts.get("file_type").text().strip() : "jsonl";
        if (!FILE_TYPES.contains(fileType)) {
            throw ApiError.invalidRequest("Invalid value for 'file_type': '" + fileType + "' is not one of "
                    + FILE_TYPES + ".", "file_type", "invalid_value");
        }
        if (purpose.equals("fine-tune") && fileType.equals("csv")) {
            throw ApiError.invalidRequest("Fine-tuning takes jsonl or parquet files; csv is for evaluations.",
                    "file_type", "invalid_value");
        }
        MultipartParser.Part file = parts.get("file");
        if (file == null) {
            throw ApiError.invalidRequest("Missing required parameter 'file'.", "file", "missing_required_parameter");
        }
        Blob content = file.data();
        TogetherDataCheck.Report report = fileType.equals("jsonl")
                ? new TogetherDataCheck(state.mapper()).check(content) : TogetherDataCheck.unchecked(content);
        String sha256 = content.digest("SHA-256");
        return state.transaction(s -> {
            String existing = store.sameContent(sha256, purpose).orElse(null);
            StoredFile stored = existing == null ? null : s.files().get(existing).orElse(null);
            if (stored != null) {
                content.delete();
            } else {
                stored = s.addUpload(fileName, purpose, content, IdStyle.TOGETHER, report.valid() ? null
                        : report.error());
                store.putFile(stored.id(), new TogetherStore.FileInfo(fileType, report, sha256, purpose));
            }
            return json.ok(render(stored));
        });
    }

    private Response list(Request request) {
        return state.transaction(s -> {
            List<StoredFile> files = new ArrayList<>(s.files().oldestFirst());
            Collections.reverse(files);
            List<ObjectNode> data = new ArrayList<>();
            files.forEach(f -> data.add(render(f)));
            return json.ok(json.list(data));
        });
    }

    private Response retrieve(Request request) {
        return state.transaction(s -> json.ok(render(find(s, request.pathParam("id")))));
    }

    private Response delete(Request request) {
        String id = request.pathParam("id");
        return state.transaction(s -> {
            find(s, id);
            s.files().remove(id);
            store.removeFile(id);
            ObjectNode body = json.object();
            body.put("id", id);
            body.put("deleted", true);
            return json.ok(body);
        });
    }

    private Response content(Request request) {
        return state.transaction(s -> Response.streamed(200, "text/plain", find(s, request.pathParam("id"))
                .content()));
    }

    private ObjectNode render(StoredFile file) {
        TogetherStore.FileInfo info = store.file(file.id()).orElse(null);
        return json.file(file, info == null ? "jsonl" : info.fileType(), info == null ? null : info.report(),
                state.now());
    }

    static StoredFile find(EmulatorState s, String id) {
        return s.files().get(id).orElseThrow(() -> new ApiError(404, "invalid_request_error", "File not found: "
                + id, "id", "file_not_found", Map.of()));
    }

    private static String field(Map<String, MultipartParser.Part> parts, String name) {
        MultipartParser.Part part = parts.get(name);
        if (part == null || part.text().isBlank()) {
            throw ApiError.invalidRequest("Missing required parameter '" + name + "'.", name,
                    "missing_required_parameter");
        }
        return part.text().strip();
    }
}
