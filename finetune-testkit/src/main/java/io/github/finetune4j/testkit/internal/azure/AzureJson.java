package io.github.finetune4j.testkit.internal.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.openai.OpenAiJson;
import io.github.finetune4j.testkit.internal.protocol.JsonResponses;
import io.github.finetune4j.testkit.internal.protocol.ProtocolJson;
import io.github.finetune4j.testkit.internal.state.Hyperparameters;
import io.github.finetune4j.testkit.internal.state.JobRecord;
import io.github.finetune4j.testkit.internal.state.JobStatus;
import io.github.finetune4j.testkit.internal.state.JobView;
import io.github.finetune4j.testkit.internal.state.StoredFile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The JSON of one Azure route. On v1 the OpenAI shapes (snake_case, {@code "auto"} hyperparameters, nulls for
 * absent values, {@code organization_id: null}) with Azure's status and level words; on the dated route the GA
 * shapes of the authoring spec 2024-10-21 ({@code File}, {@code FineTuningJob}, {@code FineTuningJobEvent},
 * {@code FineTuningJobCheckpoint}), numeric hyperparameters with {@code -1} for "chosen by the service" until the
 * files are validated, and absent values left out. Errors: v1 {@code {"error":{"code","message","param","type"}}},
 * dated {@code {"error":{"code","message","target"}}}.
 */
final class AzureJson implements ProtocolJson {

    private final ObjectMapper mapper;
    private final AzureRoute route;
    private final OpenAiJson openAi;
    private final Duration transition;

    AzureJson(ObjectMapper mapper, AzureRoute route, Duration transition) {
        this.mapper = mapper;
        this.route = route;
        this.transition = transition;
        this.openAi = new OpenAiJson(mapper, null);
    }

    AzureRoute route() {
        return route;
    }

    @Override
    public ObjectMapper mapper() {
        return mapper;
    }

    Response error(ApiError error) {
        ObjectNode body = object();
        ObjectNode inner = body.putObject("error");
        inner.put("code", AzureErrors.code(error));
        inner.put("message", AzureErrors.message(error));
        if (route == AzureRoute.V1) {
            inner.put("param", error.param());
            inner.put("type", error.status() >= 500 ? "server_error" : "invalid_request_error");
        } else if (error.param() != null) {
            inner.put("target", error.param());
        }
        Response response = JsonResponses.withHeaders(respond(error.status(), body), error);
        String retryMs = error.headers().get("retry-after-ms");
        if (retryMs != null) {
            response = response.withHeader("x-ms-retry-after-ms", retryMs);
        }
        return response;
    }

    /** A list; {@code hasMore} null leaves {@code has_more} out (the dated file list has no paging). */
    @Override
    public ObjectNode list(List<? extends JsonNode> data, Boolean hasMore) {
        return openAi.list(data, hasMore);
    }

    @Override
    public ObjectNode file(StoredFile file, Instant now) {
        String status = AzureWords.fileStatus(file, now);
        if (route == AzureRoute.V1) {
            ObjectNode node = openAi.file(file, now);
            node.put("status", status);
            if (status.equals("error")) {
                node.put("status_details", file.processingError());
            }
            return node;
        }
        ObjectNode node = object();
        node.put("object", "file");
        node.put("id", file.id());
        node.put("created_at", file.createdAt().getEpochSecond());
        node.put("status", status);
        node.put("bytes", file.bytes());
        node.put("purpose", file.purpose());
        node.put("filename", file.filename());
        if (status.equals("error")) {
            node.put("status_details", file.processingError());
        }
        return node;
    }

    @Override
    public ObjectNode job(JobRecord job, JobView view, Instant now) {
        String status = AzureWords.jobStatus(job, view.status(), now, transition);
        if (route == AzureRoute.V1) {
            ObjectNode node = openAi.job(job, view);
            node.put("status", status);
            return node;
        }
        boolean succeeded = view.status() == JobStatus.SUCCEEDED;
        ObjectNode node = object();
        node.put("object", "fine_tuning.job");
        node.put("id", job.id());
        node.put("created_at", job.createdAt().getEpochSecond());
        node.put("status", status);
        node.put("model", job.spec().model());
        if (succeeded) {
            node.put("fine_tuned_model", job.fineTunedModel());
        }
        node.put("training_file", job.spec().trainingFile());
        if (job.spec().validationFile() != null) {
            node.put("validation_file", job.spec().validationFile());
        }
        ArrayNode results = node.putArray("result_files");
        if (succeeded && job.resultFileId() != null) {
            results.add(job.resultFileId());
        }
        if (view.finishedAt() != null) {
            node.put("finished_at", view.finishedAt().getEpochSecond());
        }
        if (succeeded) {
            node.put("trained_tokens", job.trainedTokens());
        }
        if (view.error() != null) {
            ObjectNode error = node.putObject("error");
            error.put("code", view.error().code());
            error.put("message", view.error().message());
            if (view.error().param() != null) {
                error.put("param", view.error().param());
            }
        }
        if (view.estimatedFinish() != null) {
            node.put("estimated_finish", view.estimatedFinish().getEpochSecond());
        }
        node.set("hyperparameters", datedHyperparameters(job, view.validated()));
        if (job.spec().suffix() != null) {
            node.put("suffix", job.spec().suffix());
        }
        node.put("seed", job.seed());
        return node;
    }

    @Override
    public ObjectNode event(JobView.Event event) {
        if (route == AzureRoute.V1) {
            ObjectNode node = openAi.event(event);
            node.put("level", AzureWords.level(event.level()));
            return node;
        }
        ObjectNode node = object();
        node.put("object", "fine_tuning.job.event");
        node.put("id", event.id());
        node.put("created_at", event.createdAt().getEpochSecond());
        node.put("level", AzureWords.level(event.level()));
        node.put("message", event.message());
        node.put("type", event.metrics() ? "metrics" : "message");
        if (event.metrics()) {
            ObjectNode data = node.putObject("data");
            event.data().forEach((key, value) -> {
                if (value instanceof Integer || value instanceof Long) {
                    data.put(key, value.longValue());
                } else {
                    data.put(key, value.doubleValue());
                }
            });
        }
        return node;
    }

    @Override
    public ObjectNode checkpoint(JobRecord job, JobView.Checkpoint checkpoint) {
        return openAi.checkpoint(job, checkpoint);
    }

    @Override
    public ObjectNode deleted(String id, String object) {
        return openAi.deleted(id, object);
    }

    private ObjectNode datedHyperparameters(JobRecord job, boolean validated) {
        Hyperparameters requested = job.spec().hyperparameters();
        Hyperparameters.Resolved resolved = job.resolved();
        ObjectNode node = object();
        node.put("n_epochs", requested.nEpochs() != null || validated ? resolved.nEpochs() : -1);
        node.put("batch_size", requested.batchSize() != null || validated ? resolved.batchSize() : -1);
        if (requested.learningRateMultiplier() != null || validated) {
            node.put("learning_rate_multiplier", resolved.learningRateMultiplier());
        } else {
            node.put("learning_rate_multiplier", -1);
        }
        return node;
    }
}
