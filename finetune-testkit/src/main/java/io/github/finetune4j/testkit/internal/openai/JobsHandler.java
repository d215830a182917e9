package io.github.finetune4j.testkit.internal.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.http.Route;
import io.github.finetune4j.testkit.internal.state.EmulatorState;
import io.github.finetune4j.testkit.internal.state.JobRecord;
import io.github.finetune4j.testkit.internal.state.JobSpec;
import io.github.finetune4j.testkit.internal.state.JobView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * {@code /fine_tuning/jobs}: create, list, retrieve, cancel, pause, resume, events, checkpoints.
 */
final class JobsHandler {

    private static final int DEFAULT_JOBS_LIMIT = 20;
    private static final int DEFAULT_EVENTS_LIMIT = 20;
    private static final int DEFAULT_CHECKPOINTS_LIMIT = 10;

    private final EmulatorState state;
    private final OpenAiJson json;

    JobsHandler(EmulatorState state, OpenAiJson json) {
        this.state = state;
        this.json = json;
    }

    List<Route> routes() {
        return List.of(
                Route.of("POST", "/fine_tuning/jobs", this::create),
                Route.of("GET", "/fine_tuning/jobs", this::list),
                Route.of("GET", "/fine_tuning/jobs/{id}", r -> one(r, (s, id) -> s.jobs().get(id))),
                Route.of("POST", "/fine_tuning/jobs/{id}/cancel", r -> one(r, (s, id) -> s.jobs().cancel(id))),
                Route.of("POST", "/fine_tuning/jobs/{id}/pause", r -> one(r, (s, id) -> s.jobs().pause(id))),
                Route.of("POST", "/fine_tuning/jobs/{id}/resume", r -> one(r, (s, id) -> s.jobs().resume(id))),
                Route.of("GET", "/fine_tuning/jobs/{id}/events", this::events),
                Route.of("GET", "/fine_tuning/jobs/{id}/checkpoints", this::checkpoints));
    }

    private Response create(Request request) {
        JobSpec spec = JobRequestParser.parse(RequestBodies.json(state.mapper(), request));
        return state.transaction(s -> {
            JobRecord job = s.jobs().create(spec);
            return json.ok(json.job(job, s.jobs().view(job)));
        });
    }

    private Response one(Request request, BiFunction<EmulatorState, String, JobRecord> action) {
        String id = request.pathParam("id");
        return state.transaction(s -> {
            JobRecord job = action.apply(s, id);
            return json.ok(json.job(job, s.jobs().view(job)));
        });
    }

    private Response list(Request request) {
        int limit = Paging.limit(request, DEFAULT_JOBS_LIMIT);
        String after = request.queryParam("after");
        Map<String, String> filter = metadataFilter(request);
        return state.transaction(s -> {
            Paging.Page<JobRecord> page = Paging.page(s.jobs().list(filter), JobRecord::id, after, limit);
            List<ObjectNode> data = page.data().stream().map(j -> json.job(j, s.jobs().view(j))).toList();
            return json.ok(json.list(data, page.hasMore()));
        });
    }

    private Response events(Request request) {
        String id = request.pathParam("id");
        int limit = Paging.limit(request, DEFAULT_EVENTS_LIMIT);
        String after = request.queryParam("after");
        return state.transaction(s -> {
            JobView view = s.jobs().view(s.jobs().get(id));
            Paging.Page<JobView.Event> page = Paging.page(view.events(), JobView.Event::id, after, limit);
            return json.ok(json.list(page.data().stream().map(json::event).toList(), page.hasMore()));
        });
    }

    private Response checkpoints(Request request) {
        String id = request.pathParam("id");
        int limit = Paging.limit(request, DEFAULT_CHECKPOINTS_LIMIT);
        String after = request.queryParam("after");
        return state.transaction(s -> {
            JobRecord job = s.jobs().get(id);
            Paging.Page<JobView.Checkpoint> page = Paging.page(s.jobs().view(job).checkpoints(),
                    JobView.Checkpoint::id, after, limit);
            ObjectNode list = json.list(page.data().stream().map(c -> json.checkpoint(job, c)).toList(),
                    page.hasMore());
            list.put("first_id", page.data().isEmpty() ? null : page.data().get(0).id());
            list.put("last_id", page.data().isEmpty() ? null : page.data().get(page.data().size() - 1).id());
            return json.ok(list);
        });
    }

    /**
     * Reads {@code metadata[key]=value} pairs (deepObject style). {@code metadata=null} asks for jobs without
     * metadata and returns null; no metadata parameter returns an empty filter.
     */
    private static Map<String, String> metadataFilter(Request request) {
        Map<String, String> filter = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : request.query().entrySet()) {
            String key = entry.getKey();
            if (key.equals("metadata") && entry.getValue().contains("null")) {
                return null;
            }
            if (key.startsWith("metadata[") && key.endsWith("]") && !entry.getValue().isEmpty()) {
                filter.put(key.substring("metadata[".length(), key.length() - 1), entry.getValue().get(0));
            }
        }
        return filter;
    }
}
