package io.github.finetune4j.testkit.internal.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.protocol.JsonResponses;
import io.github.finetune4j.testkit.internal.protocol.ProtocolJson;
import io.github.finetune4j.testkit.internal.state.FineTuneMethodType;
import io.github.finetune4j.testkit.internal.state.Hyperparameters;
import io.github.finetune4j.testkit.internal.state.JobRecord;
import io.github.finetune4j.testkit.internal.state.JobStatus;
import io.github.finetune4j.testkit.internal.state.JobView;
import io.github.finetune4j.testkit.internal.state.ModelRecord;
import io.github.finetune4j.testkit.internal.state.StoredFile;
import io.github.finetune4j.testkit.internal.state.TrainingCurve;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON shapes of the OpenAI API ({@code OpenAIFile}, {@code FineTuningJob}, {@code FineTuningJobEvent},
 * {@code FineTuningJobCheckpoint}, {@code Model}, lists and errors), built from the emulator's state. The Azure
 * v1 route uses them too, with Azure's status words.
 */
public final class OpenAiJson implements ProtocolJson {

    private final ObjectMapper mapper;
    private final String organizationId;

    /**
     * Creates the renderer.
     *
     * @param mapper the mapper
     * @param organizationId the {@code organization_id} jobs report, or null to report null
     */
    public OpenAiJson(ObjectMapper mapper, String organizationId) {
        this.mapper = mapper;
        this.organizationId = organizationId;
    }

    @Override
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Renders an error in OpenAI's error body.
     *
     * @param error the error
     * @return the response
     */
    public Response error(ApiError error) {
        ObjectNode body = object();
        ObjectNode inner = body.putObject("error");
        inner.put("message", error.getMessage());
        inner.put("type", error.type());
        inner.put("param", error.param());
        inner.put("code", error.code());
        return JsonResponses.withHeaders(respond(error.status(), body), error);
    }

    @Override
    public ObjectNode list(List<? extends JsonNode> data, Boolean hasMore) {
        ObjectNode list = object();
        list.put("object", "list");
        ArrayNode array = list.putArray("data");
        data.forEach(array::add);
        if (hasMore != null) {
            list.put("has_more", hasMore);
        }
        return list;
    }

    @Override
    public ObjectNode file(StoredFile file, Instant now) {
        ObjectNode node = object();
        node.put("id", file.id());
        node.put("object", "file");
        node.put("bytes", file.bytes());
        node.put("created_at", file.createdAt().getEpochSecond());
        node.put("filename", file.filename());
        node.put("purpose", file.purpose());
        node.put("status", file.status(now) == StoredFile.Status.PROCESSED ? "processed" : "uploaded");
        return node;
    }

    @Override
    public ObjectNode job(JobRecord job, JobView view, Instant now) {
        return job(job, view);
    }

    /**
     * Renders a {@code FineTuningJob} with OpenAI's status words.
     *
     * @param job the job
     * @param view its state now
     * @return the node
     */
    public ObjectNode job(JobRecord job, JobView view) {
        ObjectNode node = object();
        node.put("object", "fine_tuning.job");
        node.put("id", job.id());
        node.put("model", job.spec().model());
        node.put("created_at", job.createdAt().getEpochSecond());
        node.put("finished_at", seconds(view.finishedAt()));
        node.put("fine_tuned_model", view.status() == JobStatus.SUCCEEDED ? job.fineTunedModel() : null);
        node.put("organization_id", organizationId);
        ArrayNode results = node.putArray("result_files");
        if (view.status() == JobStatus.SUCCEEDED && job.resultFileId() != null) {
            results.add(job.resultFileId());
        }
        node.put("status", view.status().name().toLowerCase(Locale.ROOT));
        node.put("validation_file", job.spec().validationFile());
        node.put("training_file", job.spec().trainingFile());
        ObjectNode hyperparameters = hyperparameters(job, view.validated());
        node.set("hyperparameters", hyperparameters.deepCopy());
        ObjectNode method = node.putObject("method");
        String type = job.spec().method() == FineTuneMethodType.DPO ? "dpo" : "supervised";
        method.put("type", type);
        ObjectNode methodHyperparameters = hyperparameters.deepCopy();
        if (job.spec().method() == FineTuneMethodType.DPO) {
            Double beta = job.spec().hyperparameters().beta();
            if (beta != null || view.validated()) {
                methodHyperparameters.put("beta", beta != null ? beta : job.resolved().beta());
            } else {
                methodHyperparameters.put("beta", "auto");
            }
        }
        method.putObject(type).set("hyperparameters", methodHyperparameters);
        node.put("trained_tokens", view.status() == JobStatus.SUCCEEDED ? job.trainedTokens() : null);
        if (view.error() == null) {
            node.putNull("error");
        } else {
            ObjectNode error = node.putObject("error");
            error.put("code", view.error().code());
            error.put("message", view.error().message());
            error.put("param", view.error().param());
        }
        node.set("integrations", job.spec().integrations() == null ? null : job.spec().integrations().deepCopy());
        node.put("seed", job.seed());
        node.put("estimated_finish", seconds(view.estimatedFinish()));
        if (job.spec().metadata() == null) {
            node.putNull("metadata");
        } else {
            ObjectNode metadata = node.putObject("metadata");
            job.spec().metadata().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> metadata.put(e.getKey(), e.getValue()));
        }
        node.put("user_provided_suffix", job.spec().suffix());
        return node;
    }

    @Override
    public ObjectNode event(JobView.Event event) {
        ObjectNode node = object();
        node.put("object", "fine_tuning.job.event");
        node.put("id", event.id());
        node.put("created_at", event.createdAt().getEpochSecond());
        node.put("level", event.level().name().toLowerCase(Locale.ROOT));
        node.put("message", event.message());
        ObjectNode data = node.putObject("data");
        event.data().forEach((key, value) -> putNumber(data, key, value));
        node.put("type", event.metrics() ? "metrics" : "message");
        return node;
    }

    @Override
    public ObjectNode checkpoint(JobRecord job, JobView.Checkpoint checkpoint) {
        ObjectNode node = object();
        node.put("object", "fine_tuning.job.checkpoint");
        node.put("id", checkpoint.id());
        node.put("created_at", checkpoint.createdAt().getEpochSecond());
        node.put("fine_tuned_model_checkpoint", checkpoint.model());
        ObjectNode metrics = node.putObject("metrics");
        TrainingCurve.StepMetrics m = checkpoint.metrics();
        metrics.put("step", m.step());
        metrics.put("train_loss", m.trainLoss());
        metrics.put("train_mean_token_accuracy", m.trainAccuracy());
        if (m.hasValidation()) {
            metrics.put("valid_loss", m.validLoss());
            metrics.put("valid_mean_token_accuracy", m.validAccuracy());
            metrics.put("full_valid_loss", m.fullValidLoss());
            metrics.put("full_valid_mean_token_accuracy", m.fullValidAccuracy());
        }
        node.put("fine_tuning_job_id", job.id());
        node.put("step_number", checkpoint.step());
        return node;
    }

    /**
     * Renders a {@code Model}.
     *
     * @param model the model
     * @return the node
     */
    public ObjectNode model(ModelRecord model) {
        ObjectNode node = object();
        node.put("id", model.id());
        node.put("object", "model");
        node.put("created", model.created().getEpochSecond());
        node.put("owned_by", model.ownedBy());
        if (model.shutdownDate() != null) {
            node.put("shutdown_date", model.shutdownDate());
        }
        return node;
    }

    @Override
    public ObjectNode deleted(String id, String object) {
        ObjectNode node = object();
        node.put("id", id);
        node.put("object", object);
        node.put("deleted", true);
        return node;
    }

    private ObjectNode hyperparameters(JobRecord job, boolean resolved) {
        Hyperparameters requested = job.spec().hyperparameters();
        Hyperparameters.Resolved values = job.resolved();
        ObjectNode node = object();
        if (requested.batchSize() != null || resolved) {
            node.put("batch_size", values.batchSize());
        } else {
            node.put("batch_size", "auto");
        }
        if (requested.learningRateMultiplier() != null || resolved) {
            node.put("learning_rate_multiplier", values.learningRateMultiplier());
        } else {
            node.put("learning_rate_multiplier", "auto");
        }
        if (requested.nEpochs() != null || resolved) {
            node.put("n_epochs", values.nEpochs());
        } else {
            node.put("n_epochs", "auto");
        }
        return node;
    }

    private static void putNumber(ObjectNode node, String key, Number value) {
        if (value instanceof Integer || value instanceof Long) {
            node.put(key, value.longValue());
        } else {
            node.put(key, value.doubleValue());
        }
    }

    private static Long seconds(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }
}
