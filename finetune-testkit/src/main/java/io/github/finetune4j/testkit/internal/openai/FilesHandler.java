package io.github.finetune4j.testkit.internal.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.MultipartParser;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.http.Route;
import io.github.finetune4j.testkit.internal.state.EmulatorState;
import io.github.finetune4j.testkit.internal.state.StoredFile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code /files}: upload (multipart), list, retrieve, content, delete.
 */
final class FilesHandler {

    private static final List<String> UPLOAD_PURPOSES =
            List.of("assistants", "batch", "fine-tune", "vision", "user_data", "evals");
    private static final Set<String> NOT_DOWNLOADABLE = Set.of("fine-tune", "assistants");
    private static final int DEFAULT_LIMIT = 10_000;

    private final EmulatorState state;
    private final OpenAiJson json;

    FilesHandler(EmulatorState state, OpenAiJson json) {
        this.state = state;
        this.json = json;
    }

    List<Route> routes() {
        return List.of(
                Route.of("POST", "/files", this::upload),
                Route.of("GET", "/files", this::list),
                Route.of("GET", "/files/{file_id}", this::retrieve),
                Route.of("DELETE", "/files/{file_id}", this::delete),
                Route.of("GET", "/files/{file_id}/content", this::content));
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
        MultipartParser.Part purposePart = parts.get("purpose");
        if (purposePart == null) {
            throw ApiError.invalidRequest("Missing required parameter: 'purpose'.", "purpose",
                    "missing_required_parameter");
        }
        String purpose = purposePart.text().strip();
        if (!UPLOAD_PURPOSES.contains(purpose)) {
            throw ApiError.invalidRequest("'" + purpose + "' is not one of " + UPLOAD_PURPOSES + " - 'purpose'",
                    "purpose");
        }
        MultipartParser.Part file = parts.get("file");
        if (file == null) {
            throw ApiError.invalidRequest("Missing required parameter: 'file'.", "file",
                    "missing_required_parameter");
        }
        if (file.filename() == null || file.filename().isBlank()) {
            // What the service answers when the file part has no filename (openai-java #353, #552).
            throw ApiError.invalidRequest(
                    "The browser (or proxy) sent a request that this server could not understand.", null);
        }
        if (purpose.equals("fine-tune") && !file.filename().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
            throw ApiError.invalidRequest("Invalid file format for Fine-Tuning API. Must be .jsonl", "file");
        }
        return state.transaction(s -> {
            StoredFile stored = s.addUpload(file.filename(), purpose, file.data());
            return json.ok(json.file(stored, s.now()));
        });
    }

    private Response list(Request request) {
        String purpose = request.queryParam("purpose");
        String order = request.queryParam("order") == null ? "desc" : request.queryParam("order");
        if (!order.equals("asc") && !order.equals("desc")) {
            throw ApiError.invalidRequest("Invalid 'order': must be 'asc' or 'desc'.", "order");
        }
        int limit = Paging.limit(request, DEFAULT_LIMIT);
        String after = request.queryParam("after");
        return state.transaction(s -> {
            List<StoredFile> files = new ArrayList<>(s.files().oldestFirst());
            if (order.equals("desc")) {
                Collections.reverse(files);
            }
            if (purpose != null && !purpose.isEmpty()) {
                files.removeIf(f -> !f.purpose().equals(purpose));
            }
            Paging.Page<StoredFile> page = Paging.page(files, StoredFile::id, after, limit);
            List<ObjectNode> data = page.data().stream().map(f -> json.file(f, s.now())).toList();
            ObjectNode list = json.list(data, page.hasMore());
            list.put("first_id", data.isEmpty() ? null : page.data().get(0).id());
            list.put("last_id", data.isEmpty() ? null : page.data().get(data.size() - 1).id());
            return json.ok(list);
        });
    }

    private Response retrieve(Request request) {
        return state.transaction(s -> json.ok(json.file(find(s, request.pathParam("file_id")), s.now())));
    }

    private Response delete(Request request) {
        String id = request.pathParam("file_id");
        return state.transaction(s -> {
            find(s, id);
            s.files().remove(id);
            return json.ok(json.deleted(id, "file"));
        });
    }

    private Response content(Request request) {
        return state.transaction(s -> {
            StoredFile file = find(s, request.pathParam("file_id"));
            if (NOT_DOWNLOADABLE.contains(file.purpose())) {
                throw ApiError.invalidRequest("Not allowed to download files of purpose: " + file.purpose(), null);
            }
            return Response.streamed(200, "application/octet-stream", file.content());
        });
    }

    private static StoredFile find(EmulatorState state, String id) {
        return state.files().get(id).orElseThrow(() ->
                ApiError.notFound("No such File object: " + id, "id", null));
    }
}
