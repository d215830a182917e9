package io.github.finetune4j.testkit.internal.together;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.http.Response;
import io.github.finetune4j.testkit.internal.protocol.JsonResponses;
import io.github.finetune4j.testkit.internal.state.StoredFile;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of Together's API subset ({@code FileResponse}, {@code FinetuneResponse} and its truncated form,
 * {@code FineTuneEvent}, {@code FineTuneCheckpoint}, {@code ErrorData}), plus the newer fields the live service
 * adds ({@code processing_status}, {@code validation_report}, {@code steps_completed}, {@code total_steps}). Job,
 * event and checkpoint times are ISO-8601 strings; file times are Unix seconds. Secrets of a request
 * ({@code wandb_api_key}, {@code hf_api_token}) never appear.
 */
final class TogetherJson {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper;
    private final String organization;

    TogetherJson(ObjectMapper mapper, String organization) {
        this.mapper = mapper;
        this.organization = organization;
    }

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    Response ok(JsonNode node) {
        return JsonResponses.of(mapper, 200, node);
    }

    static String iso(Instant instant) {
        return ISO.format(instant);
    }

    Response error(ApiError error) {
        ObjectNode body = object();
        ObjectNode inner = body.putObject("error");
        inner.put("message", error.getMessage());
        // Together words a rate limit as its dynamic limiter does.
        inner.put("type", error.status() == 429 && !error.isVerbatim() ? "dynamic_request_limited" : error.type());
        inner.put("param", error.param());
        inner.put("code", error.code());
        return JsonResponses.withHeaders(JsonResponses.of(mapper, error.status(), body), error);
    }

    ObjectNode list(List<? extends JsonNode> items) {
        ObjectNode list = object();
        list.put("object", "list");
        ArrayNode data = list.putArray("data");
        items.forEach(data::add);
        return list;
    }

    ObjectNode file(StoredFile file, String fileType, TogetherDataCheck.Report report, Instant now) {
        ObjectNode node = object();
        boolean processed = !now.isBefore(file.readyAt());
        node.put("id", file.id());
        node.put("object", "file");
        node.put("created_at", file.createdAt().getEpochSecond());
        node.put("filename", file.filename());
        node.put("bytes", file.bytes());
        node.put("purpose", file.purpose());
        node.put("FileType", fileType);
        node.put("Processed", processed);
        node.put("LineCount", processed && report != null ? report.lines() : 0);
        if (report == null) {
            node.put("processing_status", processed ? "COMPLETED" : "PENDING");
            return node;
        }
        node.put("processing_status", !processed ? "PENDING" : report.valid() ? "COMPLETED" : "INVALID_FORMAT");
        if (processed) {
            ObjectNode validation = node.putObject("validation_report");
            validation.put("valid", report.valid());
            validation.put("dataset_format", report.format());
            validation.put("nlines", report.lines());
            if (report.error() != null) {
                validation.put("error", report.error());
            }
        }
        return node;
    }

    /** The truncated job of create, list and cancel: no events. */
    ObjectNode truncated(TogetherJob job, TogetherView view) {
        ObjectNode node = common(job, view);
        node.putArray("events");
        return node;
    }

    /** The full job of {@code GET /fine-tunes/{id}}: with its events and counters. */
    ObjectNode full(TogetherJob job, TogetherView view, long trainingFileLines, long trainingFileBytes) {
        ObjectNode node = common(job, view);
        ArrayNode events = node.putArray("events");
        view.events().forEach(e -> events.add(event(job, e)));
        node.put("job_id", job.id());
        node.put("param_count", job.params.model.paramCount());
        node.put("epochs_completed", view.completedSteps() / job.core.stepsPerEpoch());
        node.put("queue_depth", view.status().equals("queued") ? 1 : 0);
        node.put("trainingfile_numlines", trainingFileLines);
        node.put("trainingfile_size", trainingFileBytes);
        if (job.params.trainOnInputs == null) {
            node.put("train_on_inputs", "auto");
        } else {
            node.put("train_on_inputs", job.params.trainOnInputs.booleanValue());
        }
        if (view.status().equals("completed")) {
            node.put("model_output_path", "s3://together-emulator/finetune/" + job.id() + "/"
                    + job.outputName());
        }
        if (job.wandbUrl != null) {
            node.put("wandb_url", job.wandbUrl);
        }
        return node;
    }

    private ObjectNode common(TogetherJob job, TogetherView view) {
        TogetherJobParams p = job.params;
        ObjectNode node = object();
        node.put("id", job.id());
        node.put("status", view.status());
        node.put("created_at", iso(job.core.createdAt()));
        node.put("updated_at", iso(view.updatedAt()));
        node.put("started_at", iso(view.startedAt()));
        node.put("user_id", "user_" + organization);
        node.put("owner_address", organization + "@finetune4j-emulator.invalid");
        node.put("total_price", view.billedNanoDollars());
        node.put("token_count", job.trainTokens);
        node.put("training_file", p.trainingFile);
        if (p.validationFile != null) {
            node.put("validation_file", p.validationFile);
        }
        node.put("packing", p.packing);
        if (p.maxSeqLength != null) {
            node.put("max_seq_length", p.maxSeqLength);
        }
        node.put("model", p.model.id());
        node.put("model_output_name", view.status().equals("completed") ? job.outputName() : "");
        if (p.suffix != null) {
            node.put("suffix", p.suffix);
        }
        node.put("n_epochs", p.nEpochs);
        node.put("n_evals", p.nEvals);
        node.put("n_checkpoints", p.nCheckpoints);
        node.put("batch_size", p.resolvedBatchSize());
        trainingType(node.putObject("training_type"), p);
        trainingMethod(node.putObject("training_method"), p);
        node.put("learning_rate", p.learningRate);
        ObjectNode scheduler = node.putObject("lr_scheduler");
        scheduler.put("lr_scheduler_type", p.schedulerType);
        ObjectNode args = scheduler.putObject("lr_scheduler_args");
        args.put("min_lr_ratio", p.minLrRatio);
        if (p.numCycles != null) {
            args.put("num_cycles", p.numCycles);
        }
        node.put("warmup_ratio", p.warmupRatio);
        node.put("max_grad_norm", p.maxGradNorm);
        node.put("weight_decay", p.weightDecay);
        if (p.randomSeed == null) {
            node.putNull("random_seed");
        } else {
            node.put("random_seed", p.randomSeed);
        }
        putIfPresent(node, Map.of("wandb_project_name", nullToEmpty(p.wandbProjectName),
                "wandb_name", nullToEmpty(p.wandbName), "from_checkpoint", nullToEmpty(job.fromCheckpoint),
                "from_hf_model", nullToEmpty(p.fromHfModel), "hf_model_revision", nullToEmpty(p.hfModelRevision),
                "hf_output_repo_name", nullToEmpty(p.hfOutputRepoName)));
        ObjectNode progress = node.putObject("progress");
        progress.put("estimate_available", view.secondsRemaining() >= 0);
        progress.put("seconds_remaining", Math.max(0, view.secondsRemaining()));
        node.put("steps_completed", view.completedSteps());
        node.put("total_steps", job.core.totalSteps());
        return node;
    }

    ObjectNode event(TogetherJob job, TogetherView.Event event) {
        ObjectNode node = object();
        node.put("object", "fine-tune-event");
        node.put("created_at", iso(event.at()));
        node.put("level", event.level());
        node.put("message", event.message());
        node.put("type", event.type());
        node.put("param_count", job.params.model.paramCount());
        node.put("token_count", job.trainTokens);
        node.put("total_steps", job.core.totalSteps());
        node.put("wandb_url", job.wandbUrl == null ? "" : job.wandbUrl);
        node.put("step", event.step());
        node.put("checkpoint_path", event.checkpointPath());
        node.put("model_path", event.modelPath());
        node.put("training_offset", event.step());
        node.put("hash", event.hash());
        return node;
    }

    ObjectNode checkpoint(TogetherView.Checkpoint checkpoint) {
        ObjectNode node = object();
        node.put("step", checkpoint.step());
        node.put("created_at", iso(checkpoint.createdAt()));
        node.put("path", checkpoint.path());
        node.put("checkpoint_type", checkpoint.type());
        return node;
    }

    private static void trainingType(ObjectNode node, TogetherJobParams p) {
        if (!p.lora) {
            node.put("type", "Full");
            return;
        }
        node.put("type", "Lora");
        node.put("lora_r", p.loraR);
        node.put("lora_alpha", p.loraAlpha);
        node.put("lora_dropout", p.loraDropout);
        node.put("lora_trainable_modules", p.loraModules);
    }

    /** {@code train_on_inputs} is declared boolean here: "auto" masks the prompt, as {@code false} does. */
    private static void trainingMethod(ObjectNode node, TogetherJobParams p) {
        if (!p.dpo) {
            node.put("method", "sft");
            node.put("train_on_inputs", Boolean.TRUE.equals(p.trainOnInputs));
            return;
        }
        node.put("method", "dpo");
        node.put("dpo_beta", p.dpoBeta);
        node.put("rpo_alpha", p.rpoAlpha);
        node.put("dpo_normalize_logratios_by_length", p.dpoNormalize);
        node.put("dpo_reference_free", p.dpoReferenceFree);
        node.put("simpo_gamma", p.simpoGamma);
    }

    private static void putIfPresent(ObjectNode node, Map<String, String> values) {
        values.entrySet().stream().sorted(Map.Entry.comparingByKey()).filter(e -> !e.getValue().isEmpty())
                .forEach(e -> node.put(e.getKey(), e.getValue()));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
