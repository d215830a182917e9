package io.github.finetune4j.testkit.internal.azure;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.http.Route;
import io.github.finetune4j.testkit.internal.openai.Paging;
import io.github.finetune4j.testkit.internal.state.EmulatorState;
import io.github.finetune4j.testkit.internal.state.IdStyle;
import io.github.finetune4j.testkit.internal.state.JobRecord;
import io.github.finetune4j.testkit.internal.state.JobSpec;
import io.github.finetune4j.testkit.internal.state.JobView;
import io.github.finetune4j.testkit.internal.state.ModelRecord;
import io.github.finetune4j.testkit.internal.state.StoredFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * {@code /fine_tuning/jobs}: create (201 with {@code Location} on the dated route, 200 on v1), list, get, cancel,
 * events and checkpoints on both routes; delete (204) on the dated route only; pause and resume on v1 and on
 * dated previews from {@value AzureApiVersion#PREVIEW_JOB_FEATURES}. As on Azure, a job can only be created
 * from files that have been processed.
 */
final class AzureJobsHandler {

    private static final int DEFAULT_JOBS_LIMIT = 20;
    private static final int DEFAULT_EVENTS_LIMIT = 20;
    private static final int DEFAULT_CHECKPOINTS_LIMIT = 10;

    private final EmulatorState state;
    private final AzureJson json;
    private final AzureRoute route;

    AzureJobsHandler(EmulatorState state, AzureJson json) {
        this.state = state;
        this.json = json;
        this.route = json.route();
    }

    List<Route> routes() {
        List<Route> routes = new ArrayList<>(List.of(
                Route.of("POST", "/fine_tuning/jobs", this::create),
                Route.of("GET", "/fine_tuning/jobs", this::list),
                Route.of("GET", "/fine_tuning/jobs/{id}", r -> one(r, (s, id) -> s.jobs().get(id))),
                Route.of("POST", "/fine_tuning/jobs/{id}/cancel", r -> one(r, (s, id) -> s.jobs().cancel(id))),
                Route.of("POST", "/fine_tuning/jobs/{id}/pause", r -> preview(r, (s, id) -> s.jobs().pause(id))),
                Route.of("POST", "/fine_tuning/jobs/{id}/resume", r -> preview(r, (s, id) -> s.jobs().resume(id))),
                Route.of("GET", "/fine_tuning/jobs/{id}/events", this::events),
                Route.of("GET", "/fine_tuning/jobs/{id}/checkpoints", this::checkpoints)));
        if (route == AzureRoute.DATED) {
            routes.add(Route.of("DELETE", "/fine_tuning/jobs/{id}", this::delete));
        }
        return routes;
    }

    private Response create(Request request) {
        AzureApiVersion version = AzureApiVersion.of(request, route);
        JobSpec spec = AzureJobRequestParser.parse(AzureRequests.json(state.mapper(), request), version);
        return state.transaction(s -> {
            requireTunable(s, spec.model());
            requireUsable(s, spec.trainingFile(), "training_file");
            if (spec.validationFile() != null) {
                requireUsable(s, spec.validationFile(), "validation_file");
            }
            JobRecord job = s.jobs().create(spec, IdStyle.AZURE);
            ObjectNode body = json.job(job, s.jobs().view(job), s.now());
            if (route == AzureRoute.V1) {
                return json.ok(body);
            }
            return json.respond(201, body).withHeader("Location", AzureRequests.origin(request) + route.root()
                    + "/fine_tuning/jobs/" + job.id() + version.query());
        });
    }

    private Response one(Request request, BiFunction<EmulatorState, String, JobRecord> action) {
        String id = request.pathParam("id");
        return state.transaction(s -> {
            JobRecord job = action.apply(s, id);
            return json.ok(json.job(job, s.jobs().view(job), s.now()));
        });
    }

    /** Pause and resume exist on v1 and on recent previews only; elsewhere the path is unknown. */
    private Response preview(Request request, BiFunction<EmulatorState, String, JobRecord> action) {
        if (!AzureApiVersion.of(request, route).hasPreviewJobFeatures()) {
            throw AzureErrors.resourceNotFound();
        }
        return one(request, action);
    }

    private Response delete(Request request) {
        String id = request.pathParam("id");
        return state.transaction(s -> {
            JobRecord job = s.jobs().get(id);
            boolean deployed = s.deployments().all().stream().anyMatch(d -> !d.isDeleting()
                    && d.servedModel() != null && (d.servedModel().equals(job.fineTunedModel())
                    || d.servedModel().startsWith(job.fineTunedModel() + ":ckpt-step-")));
            if (deployed) {
                throw AzureErrors.of(409, "conflict", "The fine-tuned model of job " + id + " is deployed. Delete "
                        + "its deployments first.", null);
            }
            s.jobs().delete(id);
            return new Response(204, Map.of(), new byte[0]);
        });
    }

    private Response list(Request request) {
        int limit = Paging.limit(request, DEFAULT_JOBS_LIMIT);
        String after = request.queryParam("after");
        Map<String, String> filter = route == AzureRoute.V1 ? metadataFilter(request) : Map.of();
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
            if (route == AzureRoute.V1) {
                list.put("first_id", page.data().isEmpty() ? null : page.data().get(0).id());
                list.put("last_id", page.data().isEmpty() ? null : page.data().get(page.data().size() - 1).id());
            }
            return json.ok(list);
        });
    }

    private static void requireTunable(EmulatorState s, String model) {
        boolean tunable = s.config().baseModels().contains(model)
                || s.models().get(model).filter(ModelRecord::isFineTuned).isPresent();
        if (!tunable) {
            throw AzureErrors.invalidPayload(AzureJobRequestParser.BASE_MODEL_NOT_SUPPORTED, "model");
        }
    }

    /** Azure refuses files that are not processed yet, or whose processing failed. */
    private static void requireUsable(EmulatorState s, String id, String param) {
        StoredFile file = s.files().get(id).orElseThrow(() ->
                AzureErrors.invalidPayload("The file '" + id + "' given as " + param + " does not exist.", param));
        String status = AzureWords.fileStatus(file, s.now());
        if (status.equals("error")) {
            throw AzureErrors.invalidPayload("The file '" + id + "' given as " + param + " failed processing: "
                    + file.processingError(), param);
        }
        if (!status.equals("processed")) {
            throw AzureErrors.of(400, "unexpectedEntityState", "The file '" + id + "' given as " + param + " is "
                    + status + "; wait until its status is processed before creating a job.", param);
        }
    }

    /** Reads {@code metadata[key]=value} pairs, as the OpenAI-compatible v1 list does. */
    private static Map<String, String> metadataFilter(Request request) {
        Map<String, String> filter = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : request.query().entrySet()) {
            String key = entry.getKey();
            if (key.startsWith("metadata[") && key.endsWith("]") && !entry.getValue().isEmpty()) {
                filter.put(key.substring("metadata[".length(), key.length() - 1), entry.getValue().get(0));
            }
        }
        return filter;
    }
}
