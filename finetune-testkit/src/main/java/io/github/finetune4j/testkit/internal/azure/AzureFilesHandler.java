package io.github.finetune4j.testkit.internal.azure;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.testkit.internal.http.MultipartParser;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.http.Route;
import io.github.finetune4j.testkit.internal.openai.Paging;
import io.github.finetune4j.testkit.internal.state.EmulatorState;
import io.github.finetune4j.testkit.internal.state.IdStyle;
import io.github.finetune4j.testkit.internal.state.StoredFile;
import io.github.finetune4j.testkit.internal.state.TrainingFileValidator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code /files}: upload (multipart; 201 with {@code Location} on the dated route, 200 on v1), list (dated: only
 * {@code purpose}; v1: also {@code after}, {@code limit}, {@code order}), get, delete and content. A
 * {@code fine-tune} upload goes {@code pending → running → processed} over the processing delay, or ends in
 * {@code error} with {@code status_details} when a line is not a JSON object.
 */
final class AzureFilesHandler {

    private static final List<String> DATED_PURPOSES = List.of("fine-tune", "assistants", "batch");
    private static final List<String> V1_PURPOSES = List.of("fine-tune", "assistants", "batch", "evals");
    private static final int V1_DEFAULT_LIMIT = 10_000;

    private final EmulatorState state;
    private final AzureJson json;
    private final AzureRoute route;

    AzureFilesHandler(EmulatorState state, AzureJson json) {
        this.state = state;
        this.json = json;
        this.route = json.route();
    }

    List<Route> routes() {
        return List.of(
                Route.of("POST", "/files", this::upload),
                Route.of("GET", "/files", this::list),
                Route.of("GET", "/files/{file_id}", this::get),
                Route.of("DELETE", "/files/{file_id}", this::delete),
                Route.of("GET", "/files/{file_id}/content", this::content));
    }

    private Response upload(Request request) {
        Map<String, MultipartParser.Part> parts = MultipartParser.parse(request.header("content-type"),
                request.content().stream(), state.blobs());
        try {
            return store(request, parts);
        } catch (RuntimeException e) {
            parts.values().forEach(p -> p.data().delete());
            throw e;
        }
    }

    private Response store(Request request, Map<String, MultipartParser.Part> parts) {
        MultipartParser.Part purposePart = parts.get("purpose");
        if (purposePart == null) {
            throw AzureErrors.invalidPayload("The form field 'purpose' is required.", "purpose");
        }
        String purpose = purposePart.text().strip();
        List<String> purposes = route == AzureRoute.V1 ? V1_PURPOSES : DATED_PURPOSES;
        if (!purposes.contains(purpose)) {
            throw AzureErrors.invalidPayload("The purpose '" + purpose + "' is not supported for uploads; use one "
                    + "of " + purposes + ".", "purpose");
        }
        MultipartParser.Part file = parts.get("file");
        if (file == null || file.filename() == null || file.filename().isBlank()) {
            throw AzureErrors.invalidPayload("The form field 'file' with a file name is required.", "file");
        }
        String problem = purpose.equals("fine-tune")
                ? new TrainingFileValidator(state.mapper()).syntaxProblem(file.data()) : null;
        AzureApiVersion version = AzureApiVersion.of(request, route);
        return state.transaction(s -> {
            StoredFile stored = s.addUpload(file.filename(), purpose, file.data(), IdStyle.AZURE, problem);
            ObjectNode body = json.file(stored, s.now());
            if (route == AzureRoute.V1) {
                return json.ok(body);
            }
            return json.respond(201, body).withHeader("Location", AzureRequests.origin(request) + route.root()
                    + "/files/" + stored.id() + version.query());
        });
    }

    private Response list(Request request) {
        String purpose = request.queryParam("purpose");
        boolean v1 = route == AzureRoute.V1;
        String order = request.queryParam("order") == null ? "desc" : request.queryParam("order");
        if (v1 && !order.equals("asc") && !order.equals("desc")) {
            throw AzureErrors.invalidPayload("Invalid 'order': must be 'asc' or 'desc'.", "order");
        }
        int limit = v1 ? Paging.limit(request, V1_DEFAULT_LIMIT) : Integer.MAX_VALUE;
        String after = v1 ? request.queryParam("after") : null;
        return state.transaction(s -> {
            List<StoredFile> files = new ArrayList<>(s.files().oldestFirst());
            if (!v1 || order.equals("desc")) {
                Collections.reverse(files);
            }
            if (purpose != null && !purpose.isEmpty()) {
                files.removeIf(f -> !f.purpose().equals(purpose));
            }
            Paging.Page<StoredFile> page = Paging.page(files, StoredFile::id, after, limit);
            List<ObjectNode> data = page.data().stream().map(f -> json.file(f, s.now())).toList();
            if (!v1) {
                return json.ok(json.list(data, null));
            }
            ObjectNode list = json.list(data, page.hasMore());
            list.put("first_id", data.isEmpty() ? null : page.data().get(0).id());
            list.put("last_id", data.isEmpty() ? null : page.data().get(data.size() - 1).id());
            return json.ok(list);
        });
    }

    private Response get(Request request) {
        return state.transaction(s -> json.ok(json.file(find(s, request.pathParam("file_id")), s.now())));
    }

    private Response delete(Request request) {
        String id = request.pathParam("file_id");
        return state.transaction(s -> {
            find(s, id);
            s.files().remove(id);
            return json.ok(json.deleted(id));
        });
    }

    private Response content(Request request) {
        return state.transaction(s -> Response.streamed(200, "application/octet-stream",
                find(s, request.pathParam("file_id")).content()));
    }

    static StoredFile find(EmulatorState state, String id) {
        return state.files().get(id).orElseThrow(() ->
                AzureErrors.notFound("File with id '" + id + "' was not found."));
    }
}
