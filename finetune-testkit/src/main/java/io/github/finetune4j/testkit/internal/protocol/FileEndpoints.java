package io.github.finetune4j.testkit.internal.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.testkit.internal.http.MultipartParser;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.http.Route;
import io.github.finetune4j.testkit.internal.state.EmulatorState;
import io.github.finetune4j.testkit.internal.state.StoredFile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code /files} on a route that speaks the OpenAI protocol: upload (multipart, streamed into blobs), list,
 * retrieve, delete and content, with the route's {@link FileRules}.
 */
public final class FileEndpoints {

    /** The page size of a file list when {@code limit} is not given, and its maximum. */
    static final int DEFAULT_LIMIT = 10_000;

    private final EmulatorState state;
    private final FileRules rules;
    private final ProtocolJson json;

    /**
     * Creates the endpoints.
     *
     * @param state the state the route serves
     * @param rules what the route does its own way
     */
    public FileEndpoints(EmulatorState state, FileRules rules) {
        this.state = state;
        this.rules = rules;
        this.json = rules.json();
    }

    /**
     * Returns the routes, relative to the route's prefix.
     *
     * @return the routes
     */
    public List<Route> routes() {
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
        FileRules.Accepted accepted;
        try {
            accepted = rules.accept(parts);
        } catch (RuntimeException e) {
            parts.values().forEach(p -> p.data().delete());
            throw e;
        }
        return state.transaction(s -> {
            StoredFile stored = s.addUpload(accepted.filename(), accepted.purpose(), accepted.content(),
                    rules.idStyle(), accepted.processingError());
            return rules.uploaded(request, stored, json.file(stored, s.now()));
        });
    }

    private Response list(Request request) {
        String purpose = request.queryParam("purpose");
        boolean cursors = rules.cursorPaging();
        String order = request.queryParam("order") == null ? "desc" : request.queryParam("order");
        if (cursors && !order.equals("asc") && !order.equals("desc")) {
            throw rules.invalid("Invalid 'order': must be 'asc' or 'desc'.", "order");
        }
        int limit = cursors ? Paging.limit(request, DEFAULT_LIMIT) : Integer.MAX_VALUE;
        String after = cursors ? request.queryParam("after") : null;
        return state.transaction(s -> {
            List<StoredFile> files = new ArrayList<>(s.files().oldestFirst());
            if (!cursors || order.equals("desc")) {
                Collections.reverse(files);
            }
            if (purpose != null && !purpose.isEmpty()) {
                files.removeIf(f -> !f.purpose().equals(purpose));
            }
            Paging.Page<StoredFile> page = Paging.page(files, StoredFile::id, after, limit);
            List<ObjectNode> data = page.data().stream().map(f -> json.file(f, s.now())).toList();
            if (!cursors) {
                return json.ok(json.list(data, null));
            }
            ObjectNode list = json.list(data, page.hasMore());
            Paging.putCursors(list, page.data(), StoredFile::id);
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
            rules.checkDownload(file);
            return Response.streamed(200, "application/octet-stream", file.content());
        });
    }

    private StoredFile find(EmulatorState s, String id) {
        return s.files().get(id).orElseThrow(() -> rules.fileNotFound(id));
    }
}
