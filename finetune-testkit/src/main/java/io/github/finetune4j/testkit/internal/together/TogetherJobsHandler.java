package io.github.finetune4j.testkit.internal.together;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.Request;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.http.Route;
import io.github.finetune4j.testkit.internal.protocol.JsonResponses;
import io.github.finetune4j.testkit.internal.state.EmulatorState;
import io.github.finetune4j.testkit.internal.state.FineTuneMethodType;
import io.github.finetune4j.testkit.internal.state.Hyperparameters;
import io.github.finetune4j.testkit.internal.state.IdStyle;
import io.github.finetune4j.testkit.internal.state.JobRecord;
import io.github.finetune4j.testkit.internal.state.JobSpec;
import io.github.finetune4j.testkit.internal.state.JobStatus;
import io.github.finetune4j.testkit.internal.state.JobTimeline;
import io.github.finetune4j.testkit.internal.state.StoredFile;
import io.github.finetune4j.testkit.internal.state.TrainingFileValidator;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Together's {@code /fine-tunes}: create (LoRA or full, SFT or DPO, from a checkpoint), list (newest first, no
 * paging), retrieve (with events), delete, cancel, events (oldest first), checkpoints (newest first) and metrics
 * (oldest first, with the optional step and time filters of the request body).
 */
final class TogetherJobsHandler {

    private static final Set<String> METRICS_KEYS = Set.of("global_step_from", "global_step_to", "logged_at_from",
            "logged_at_to");

    private final EmulatorState state;
    private final TogetherStore store;
    private final TogetherJson json;

    TogetherJobsHandler(EmulatorState state, TogetherStore store, TogetherJson json) {
        this.state = state;
        this.store = store;
        this.json = json;
    }

    List<Route> routes() {
        return List.of(
                Route.of("POST", "/fine-tunes", this::create),
                Route.of("GET", "/fine-tunes", this::list),
                Route.of("GET", "/fine-tunes/{id}", this::retrieve),
                Route.of("DELETE", "/fine-tunes/{id}", this::delete),
                Route.of("POST", "/fine-tunes/{id}/cancel", this::cancel),
                Route.of("GET", "/fine-tunes/{id}/events", this::events),
                Route.of("GET", "/fine-tunes/{id}/checkpoints", this::checkpoints),
                Route.of("GET", "/fine-tunes/{id}/metrics", this::metrics));
    }

    private Response create(Request request) {
        TogetherJobParams params = TogetherJobRequest.create(body(request));
        return state.transaction(s -> {
            TrainingFileValidator.Result training = usableFile(s, params.trainingFile, "training_file", params);
            TrainingFileValidator.Result validation = params.validationFile == null ? null
                    : usableFile(s, params.validationFile, "validation_file", params);
            String fromCheckpoint = params.fromCheckpoint == null ? null
                    : resolveCheckpoint(s, params.fromCheckpoint, params.model);
            long trainTokens = training.data().tokenEstimate() * params.nEpochs;
            long evalTokens = validation == null ? 0 : validation.data().tokenEstimate() * params.nEvals;
            double price = (trainTokens + evalTokens) / 1e6
                    * TogetherCatalog.pricePerMillion(params.model, params.lora, params.dpo);
            if (price > store.creditLimit()) {
                throw new ApiError(402, "credit_limit", String.format(java.util.Locale.ROOT, "The estimated price "
                        + "of $%.2f exceeds your credit limit of $%.2f. Add credits or lower n_epochs.", price,
                        store.creditLimit()), null, "insufficient_credits", Map.of());
            }
            JobSpec spec = new JobSpec(params.model.id(), params.trainingFile, params.validationFile, params.suffix,
                    params.randomSeed == null ? null : params.randomSeed.longValue(), null,
                    params.dpo ? FineTuneMethodType.DPO : FineTuneMethodType.SUPERVISED,
                    new Hyperparameters(params.nEpochs, params.resolvedBatchSize(), null,
                            params.dpo ? params.dpoBeta : null), null, null);
            StoredFile trainingFile = s.files().get(params.trainingFile).orElseThrow();
            StoredFile validationFile = params.validationFile == null ? null
                    : s.files().get(params.validationFile).orElseThrow();
            JobRecord core = s.jobs().create(spec, IdStyle.TOGETHER, params.model.id(), trainingFile, validationFile,
                    training, validation, s.now());
            TogetherJob job = new TogetherJob(core, params, trainTokens, evalTokens, price, fromCheckpoint);
            store.putJob(job);
            return json.ok(json.truncated(job, view(job)));
        });
    }

    private Response list(Request request) {
        return state.transaction(s -> {
            List<ObjectNode> data = new ArrayList<>();
            List<TogetherJob> jobs = new ArrayList<>();
            store.jobs().forEach(jobs::add);
            Collections.reverse(jobs);
            jobs.forEach(job -> data.add(json.truncated(job, view(job))));
            return json.ok(json.list(data));
        });
    }

    private Response retrieve(Request request) {
        return state.transaction(s -> {
            TogetherJob job = store.job(request.pathParam("id"));
            TogetherDataCheck.Report report = store.file(job.params.trainingFile).map(TogetherStore.FileInfo::report)
                    .orElse(null);
            long bytes = s.files().get(job.params.trainingFile).map(StoredFile::bytes).orElse(0L);
            return json.ok(json.full(job, view(job), report == null ? 0 : report.lines(), bytes));
        });
    }

    private Response delete(Request request) {
        String id = request.pathParam("id");
        return state.transaction(s -> {
            store.job(id);
            s.jobs().delete(id);
            store.removeJob(id);
            ObjectNode body = json.object();
            body.put("message", "Fine-tune job " + id + " and its checkpoints were deleted.");
            return json.ok(body);
        });
    }

    private Response cancel(Request request) {
        String id = request.pathParam("id");
        return state.transaction(s -> {
            TogetherJob job = store.job(id);
            JobStatus status = JobTimeline.phase(job.core, s.now()).status();
            if (status.isTerminal()) {
                throw ApiError.invalidRequest("Fine-tune job " + id + " is " + view(job).status()
                        + " and can no longer be cancelled.", "id", "invalid_state");
            }
            s.jobs().cancel(id);
            return json.ok(json.truncated(job, view(job)));
        });
    }

    private Response events(Request request) {
        return state.transaction(s -> {
            TogetherJob job = store.job(request.pathParam("id"));
            List<ObjectNode> data = new ArrayList<>();
            view(job).events().forEach(e -> data.add(json.event(job, e)));
            return json.ok(json.list(data));
        });
    }

    private Response checkpoints(Request request) {
        return state.transaction(s -> {
            TogetherJob job = store.job(request.pathParam("id"));
            List<ObjectNode> data = new ArrayList<>();
            view(job).checkpoints().forEach(c -> data.add(json.checkpoint(c)));
            return json.ok(json.list(data));
        });
    }

    /** Metrics take an optional JSON body of filters, though the request is a GET. */
    private Response metrics(Request request) {
        JsonNode filter = request.body().length == 0 ? state.mapper().createObjectNode() : body(request);
        TogetherFields.rejectUnknown(filter, METRICS_KEYS, "");
        Integer fromStep = TogetherFields.integer(filter, "global_step_from", "");
        Integer toStep = TogetherFields.integer(filter, "global_step_to", "");
        Instant from = instant(filter, "logged_at_from");
        Instant to = instant(filter, "logged_at_to");
        return state.transaction(s -> {
            TogetherJob job = store.job(request.pathParam("id"));
            ObjectNode body = json.object();
            ArrayNode metrics = body.putArray("metrics");
            for (TogetherView.Metric metric : view(job).metrics()) {
                boolean wanted = (fromStep == null || metric.step() >= fromStep)
                        && (toStep == null || metric.step() <= toStep)
                        && (from == null || !metric.at().isBefore(from)) && (to == null || !metric.at().isAfter(to));
                if (wanted) {
                    ObjectNode entry = metrics.addObject();
                    metric.values().forEach((key, value) -> {
                        if (value instanceof Integer) {
                            entry.put(key, value.intValue());
                        } else {
                            entry.put(key, value.doubleValue());
                        }
                    });
                }
            }
            return json.ok(body);
        });
    }

    private TogetherView view(TogetherJob job) {
        return TogetherView.of(job, state.now(), state.config().transitionDuration());
    }

    /** A file a job can use: known, for fine-tuning, processed and valid, in the format the method needs. */
    private TrainingFileValidator.Result usableFile(EmulatorState s, String id, String param,
                                                    TogetherJobParams params) {
        StoredFile file = s.files().get(id).orElseThrow(() -> ApiError.invalidRequest("File " + id + " given as "
                + param + " does not exist.", param, "file_not_found"));
        if (!file.purpose().equals("fine-tune")) {
            throw ApiError.invalidRequest("File " + id + " was uploaded with purpose '" + file.purpose() + "'; "
                    + param + " needs purpose 'fine-tune'.", param, "invalid_value");
        }
        if (s.now().isBefore(file.readyAt())) {
            throw ApiError.invalidRequest("File " + id + " is still being processed (processing_status PENDING); "
                    + "wait until it is COMPLETED.", param, "file_not_ready");
        }
        TogetherDataCheck.Report report = store.file(id).map(TogetherStore.FileInfo::report).orElseThrow();
        if (!report.valid()) {
            throw ApiError.invalidRequest("File " + id + " failed the file check (INVALID_FORMAT): "
                    + report.error(), param, "invalid_file_format");
        }
        boolean preference = "preference".equals(report.format());
        if (params.dpo && !preference && !TogetherDataCheck.UNCHECKED.equals(report.format())) {
            throw ApiError.invalidRequest("DPO needs a file in the preference format; " + id + " is "
                    + report.format() + ".", param, "invalid_file_format");
        }
        if (!params.dpo && preference) {
            throw ApiError.invalidRequest("File " + id + " is in the preference format, which only DPO takes; "
                    + "send \"training_method\": {\"method\": \"dpo\"}.", param, "invalid_file_format");
        }
        return report.asTrainingResult();
    }

    /** Resolves {@code ft-…}, an output name, or either with {@code :step}, to a completed job's checkpoint. */
    private String resolveCheckpoint(EmulatorState s, String reference, TogetherModel model) {
        String name = reference;
        Integer step = null;
        int colon = reference.lastIndexOf(':');
        if (colon > 0 && reference.substring(colon + 1).matches("\\d+")) {
            name = reference.substring(0, colon);
            step = Integer.parseInt(reference.substring(colon + 1));
        }
        TogetherJob parent = null;
        for (TogetherJob job : store.jobs()) {
            if (job.id().equals(name) || job.outputName().equals(name)) {
                parent = job;
            }
        }
        if (parent == null || !view(parent).status().equals("completed")) {
            throw ApiError.invalidRequest("Checkpoint '" + reference + "' does not exist: from_checkpoint takes a "
                    + "completed job's id or output name, optionally with :STEP.", "from_checkpoint",
                    "invalid_value");
        }
        if (!parent.params.model.id().equals(model.id())) {
            throw ApiError.invalidRequest("Checkpoint '" + reference + "' was trained from " + parent.params.model.id()
                    + ", not from " + model.id() + ".", "model", "invalid_value");
        }
        if (step != null) {
            int wanted = step;
            boolean exists = wanted == parent.core.totalSteps() || parent.checkpointSteps.contains(wanted);
            if (!exists) {
                throw ApiError.invalidRequest("Job " + parent.id() + " has no checkpoint at step " + wanted + "; its "
                        + "checkpoints are at " + parent.checkpointSteps + " and " + parent.core.totalSteps() + ".",
                        "from_checkpoint", "invalid_value");
            }
            return parent.id() + ":" + wanted;
        }
        return parent.id();
    }

    private JsonNode body(Request request) {
        JsonNode body = JsonResponses.objectBody(state.mapper(), request);
        if (body == null) {
            throw ApiError.invalidRequest("The request body must be a JSON object.", null, "invalid_json");
        }
        return body;
    }

    private static Instant instant(JsonNode filter, String key) {
        String value = TogetherFields.string(filter, key, "");
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiError.invalidRequest("Invalid value for '" + key + "': expected an ISO-8601 date-time such "
                    + "as 2024-01-01T00:00:00Z.", key, "invalid_value");
        }
    }
}
