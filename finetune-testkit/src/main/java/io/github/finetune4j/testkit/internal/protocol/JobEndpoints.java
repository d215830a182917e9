package io.github.finetune4j.testkit.internal.protocol;

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
 * {@code /fine_tuning/jobs} on a route that speaks the OpenAI protocol: create, list, retrieve, cancel, pause,
 * resume, events (newest first) and checkpoints, with the route's {@link JobRules}.
 */
public final class JobEndpoints {

    private static final int DEFAULT_JOBS_LIMIT = 20;
    private static final int DEFAULT_EVENTS_LIMIT = 20;
    private static final int DEFAULT_CHECKPOINTS_LIMIT = 10;

    private final EmulatorState state;
    private final JobRules rules;
    private final ProtocolJson json;

    /**
     * Creates the endpoints.
     *
     * @param state the state the route serves
     * @param rules what the route does its own way
     */
    public JobEndpoints(EmulatorState state, JobRules rules) {
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
                Route.of("POST", "/fine_tuning/jobs", this::create),
                Route.of("GET", "/fine_tuning/jobs", this::list),
                Route.of("GET", "/fine_tuning/jobs/{id}", r -> one(r, (s, id) -> s.jobs().get(id))),
                Route.of("POST", "/fine_tuning/jobs/{id}/cancel", r -> one(r, (s, id) -> s.jobs().cancel(id))),
                Route.of("POST", "/fine_tuning/jobs/{id}/pause", r -> {
                    rules.checkPauseResume(r);
                    return one(r, (s, id) -> s.jobs().pause(id));
                }),
                Route.of("POST", "/fine_tuning/jobs/{id}/resume", r -> {
                    rules.checkPauseResume(r);
                    return one(r, (s, id) -> s.jobs().resume(id));
                }),
                Route.of("GET", "/fine_tuning/jobs/{id}/events", this::events),
                Route.of("GET", "/fine_tuning/jobs/{id}/checkpoints", this::checkpoints));
    }

    /**
     * Reads {@code metadata[key]=value} pairs (deepObject style).
     *
     * @param request the request
     * @param nullMeansNone whether {@code metadata=null} asks for jobs without metadata (OpenAI), returning null
     * @return the pairs; empty when there are none
     */
    public static Map<String, String> metadataFilter(Request request, boolean nullMeansNone) {
        Map<String, String> filter = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : request.query().entrySet()) {
            String key = entry.getKey();
            if (nullMeansNone && key.equals("metadata") && entry.getValue().contains("null")) {
                return null;
            }
            if (key.startsWith("metadata[") && key.endsWith("]") && !entry.getValue().isEmpty()) {
                filter.put(key.substring("metadata[".length(), key.length() - 1), entry.getValue().get(0));
            }
        }
        return filter;
    }

    private Response create(Request request) {
        JobSpec spec = rules.parse(request);
        return state.transaction(s -> {
            rules.checkCreate(s, spec);
            JobRecord job = s.jobs().create(spec, rules.idStyle());
            return rules.created(request, job, json.job(job, s.jobs().view(job), s.now()));
        });
    }

    private Response one(Request request, BiFunction<EmulatorState, String, JobRecord> action) {
        String id = request.pathParam("id");
        return state.transaction(s -> {
            JobRecord job = action.apply(s, id);
            return json.ok(json.job(job, s.jobs().view(job), s.now()));
        });
    }

    private Response list(Request request) {
        int limit = Paging.limit(request, DEFAULT_JOBS_LIMIT);
        String after = request.queryParam("after");
        Map<String, String> filter = rules.listFilter(request);
        return state.transaction(s -> {
            Paging.Page<JobRecord> page = Paging.page(s.jobs().list(filter), JobRecord::id, after, limit);
            List<ObjectNode> data = page.data().stream().map(j -> json.job(j, s.jobs().view(j), s.now())).toList();
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
            if (rules.checkpointCursors()) {
                Paging.putCursors(list, page.data(), JobView.Checkpoint::id);
            }
            return json.ok(list);
        });
    }
}
