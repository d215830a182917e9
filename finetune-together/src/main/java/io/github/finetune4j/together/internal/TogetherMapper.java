package io.github.finetune4j.together.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.EventLevel;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FileInfo;
import io.github.finetune4j.core.model.FileStatus;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.HyperparameterValue;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.model.JobError;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.core.model.TrainingHistory;
import io.github.finetune4j.core.model.TrainingMetrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns Together's answers into the core's records. Status words: {@code pending} is the file check
 * ({@link JobStatus#VALIDATING_FILES}), {@code queued}, then {@code running}, {@code compressing} and
 * {@code uploading} are all {@link JobStatus#RUNNING} (the weights are packed and stored), and so is
 * {@code cancel_requested} until the job has stopped; {@code completed} is {@link JobStatus#SUCCEEDED},
 * {@code cancelled} {@link JobStatus#CANCELLED}, {@code error} and py1's {@code user_error}
 * {@link JobStatus#FAILED}. Words are read case-insensitively; unknown ones are {@link JobStatus#UNKNOWN} with the raw
 * word kept. Stateless.
 */
final class TogetherMapper {
    static final String PROVIDER = "together";
    /** {@link JobSnapshot#settings()}: {@code full} or {@code lora}, from {@code training_type.type}. */
    static final String TRAINING_TYPE = "training_type";
    /** {@link JobSnapshot#settings()}: the LoRA rank {@code training_type.lora_r}. */
    static final String LORA_RANK = "lora_r";
    /** {@link JobSnapshot#settings()}: the LoRA alpha {@code training_type.lora_alpha}. */
    static final String LORA_ALPHA = "lora_alpha";
    /** {@link JobSnapshot#settings()}: the absolute {@code learning_rate}. */
    static final String LEARNING_RATE = "learning_rate";
    /** {@link JobSnapshot#settings()}: {@code n_checkpoints}. */
    static final String CHECKPOINTS = "n_checkpoints";
    /** {@link JobSnapshot#settings()}: {@code n_evals}. */
    static final String EVALUATIONS = "n_evals";

    private TogetherMapper() {
    }

    static JobStatus jobStatus(String raw) {
        switch (lower(raw)) {
            case "pending": return JobStatus.VALIDATING_FILES;
            case "queued": return JobStatus.QUEUED;
            case "running": case "compressing": case "uploading": case "cancel_requested": return JobStatus.RUNNING;
            case "completed": return JobStatus.SUCCEEDED;
            case "cancelled": case "canceled": return JobStatus.CANCELLED;
            case "error": case "user_error": return JobStatus.FAILED;
            default: return JobStatus.UNKNOWN;
        }
    }

    /** {@code info}, {@code warning}, {@code error}, their {@code legacy_} forms and py1's upper case. */
    static EventLevel eventLevel(String raw) {
        String level = lower(raw).replace("legacy_", "");
        switch (level) {
            case "info": return EventLevel.INFO;
            case "warning": case "iwarning": case "warn": return EventLevel.WARN;
            case "error": case "ierror": return EventLevel.ERROR;
            default: return EventLevel.UNKNOWN;
        }
    }

    /**
     * A file. The service checks an upload after it returns: {@code processing_status} {@code PENDING} (or
     * {@code Processed: false} without it) is pending, {@code COMPLETED} processed, {@code INVALID_FORMAT} and
     * {@code FAILED} an error whose details are the file check's reason.
     */
    static FileInfo file(Dtos.FileDto dto) {
        Objects.requireNonNull(dto, "file");
        String processing = lower(dto.processingStatus());
        FileStatus status;
        Optional<String> details = Optional.empty();
        switch (processing) {
            case "completed":
                status = FileStatus.PROCESSED;
                break;
            case "invalid_format":
            case "failed":
                status = FileStatus.ERROR;
                String reason = dto.validationReport() == null ? null : dto.validationReport().error();
                details = Optional.of("Together's file check: " + dto.processingStatus()
                        + (reason == null || reason.isBlank() ? "" : ": " + reason));
                break;
            case "pending":
            case "processing":
                status = FileStatus.PENDING;
                break;
            default:
                status = Boolean.TRUE.equals(dto.processed()) ? FileStatus.PROCESSED : FileStatus.PENDING;
        }
        return new FileInfo(FileId.of(text(dto.id(), "id")), text(dto.filename(), "filename"),
                dto.bytes() == null ? 0 : dto.bytes(), Instant.ofEpochSecond(dto.createdAt() == null ? 0
                : dto.createdAt()), dto.purpose() == null ? "" : dto.purpose(), status, details);
    }

    static JobSnapshot job(Dtos.JobDto dto, Instant now) {
        Objects.requireNonNull(dto, "job");
        String raw = text(dto.status(), "status");
        JobStatus status = jobStatus(raw);
        Instant created = Instant.parse(text(dto.createdAt(), "created_at"));
        FineTuneMethod method = dto.trainingMethod() != null && "dpo".equalsIgnoreCase(dto.trainingMethod().method())
                ? FineTuneMethod.DPO : FineTuneMethod.SUPERVISED;
        Hyperparameters.Builder hyper = Hyperparameters.builder();
        // as the service reports them, without the request builder's ranges
        if (dto.epochs() != null) {
            hyper.epochs(Optional.of(HyperparameterValue.of(dto.epochs())));
        }
        JsonNode batch = dto.batchSize();
        if (batch != null && batch.isIntegralNumber()) {
            hyper.batchSize(Optional.of(HyperparameterValue.of(batch.asLong())));
        } else if (batch != null && batch.isTextual()) {
            hyper.batchSizeAuto();
        }
        if (method == FineTuneMethod.DPO && dto.trainingMethod().dpoBeta() != null) {
            hyper.beta(Optional.of(HyperparameterValue.of(dto.trainingMethod().dpoBeta())));
        }
        JobSnapshot.Builder job = JobSnapshot.builder().id(JobId.of(text(dto.id(), "id"))).status(status)
                .rawStatus(raw).provider(PROVIDER).baseModel(text(dto.model(), "model")).createdAt(created)
                .trainingFile(FileId.of(text(dto.trainingFile(), "training_file"))).method(method)
                .hyperparameters(hyper.build()).settings(settings(dto));
        present(dto.modelOutputName()).ifPresent(job::fineTunedModel);
        present(dto.validationFile()).map(FileId::of).ifPresent(job::validationFile);
        present(dto.suffix()).ifPresent(job::suffix);
        if (dto.randomSeed() != null) {
            job.seed(dto.randomSeed());
        }
        if (dto.tokenCount() != null && dto.tokenCount() > 0) {
            job.trainedTokens(dto.tokenCount());
        }
        if (status.isTerminal()) {
            present(dto.updatedAt()).map(Instant::parse).ifPresent(job::finishedAt);
        } else if (dto.progress() != null && Boolean.TRUE.equals(dto.progress().estimateAvailable())
                && dto.progress().secondsRemaining() != null && status == JobStatus.RUNNING
                && "running".equalsIgnoreCase(raw)) {
            job.estimatedFinish(now.plusSeconds(dto.progress().secondsRemaining()));
        }
        if (status == JobStatus.FAILED) {
            job.error(error(dto));
        }
        return job.build();
    }

    /**
     * What the job reports of the settings {@link JobBodies#settings} names, in the same form (type in lower case,
     * numbers as Java prints them); a field the job leaves out is left out.
     */
    static Map<String, String> settings(Dtos.JobDto dto) {
        Map<String, String> settings = new HashMap<>();
        JsonNode type = dto.trainingType();
        if (type != null && type.isObject()) {
            JsonNode word = type.get("type");
            if (word != null && word.isTextual() && !word.asText().isBlank()) {
                settings.put(TRAINING_TYPE, lower(word.asText()));
            }
            JsonNode rank = type.get("lora_r");
            if (rank != null && rank.isIntegralNumber()) {
                settings.put(LORA_RANK, Long.toString(rank.asLong()));
            }
            JsonNode alpha = type.get("lora_alpha");
            if (alpha != null && alpha.isIntegralNumber()) {
                settings.put(LORA_ALPHA, Long.toString(alpha.asLong()));
            }
        }
        if (dto.learningRate() != null) {
            settings.put(LEARNING_RATE, Double.toString(dto.learningRate()));
        }
        if (dto.checkpoints() != null) {
            settings.put(CHECKPOINTS, Integer.toString(dto.checkpoints()));
        }
        if (dto.evaluations() != null) {
            settings.put(EVALUATIONS, Integer.toString(dto.evaluations()));
        }
        return settings;
    }

    /** The job object has no error field: the last {@code job_error} (or error-level) event says why. */
    private static JobError error(Dtos.JobDto dto) {
        List<Dtos.EventDto> events = dto.events() == null ? List.of() : dto.events();
        for (int i = events.size() - 1; i >= 0; i--) {
            Dtos.EventDto e = events.get(i);
            if (e != null && ("job_error".equalsIgnoreCase(e.type()) || "job_user_error".equalsIgnoreCase(e.type())
                    || eventLevel(e.level()) == EventLevel.ERROR) && e.message() != null) {
                return JobError.of(lower(e.type()), e.message(), null);
            }
        }
        return JobError.of(lower(dto.status()), "the job ended with status " + dto.status()
                + " (Together reports the reason in the job's events)", null);
    }

    /** The event's {@code hash} identifies it; without one, its time, type and message do. */
    static JobEvent event(Dtos.EventDto dto) {
        Objects.requireNonNull(dto, "event");
        String created = text(dto.createdAt(), "created_at");
        String message = dto.message() == null ? "" : dto.message();
        String id = present(dto.hash()).orElseGet(() -> sha256(created + "\n" + dto.type() + "\n" + message));
        return new JobEvent(id, Instant.parse(created), eventLevel(dto.level()), message, Optional.empty());
    }

    /**
     * A checkpoint; the final merged and adapter checkpoints share their path (the output name), so the id is the
     * path with the type.
     */
    static Checkpoint checkpoint(Dtos.CheckpointDto dto, JobId job) {
        Objects.requireNonNull(dto, "checkpoint");
        String path = text(dto.path(), "path");
        long step = dto.step() == null ? 0 : dto.step();
        String type = present(dto.checkpointType()).orElse("");
        return new Checkpoint(type.isEmpty() ? path : path + " (" + type + ")", job,
                Instant.parse(text(dto.createdAt(), "created_at")), path, step,
                new TrainingMetrics(step, 0, Map.of()));
    }

    /**
     * The metrics, oldest first: each entry's {@code train/global_step} is its step; {@code train/loss} and
     * {@code eval/loss} are the core's {@code train_loss} and {@code valid_loss}, every other scalar keeps its
     * name with {@code /} as {@code _}.
     */
    static TrainingHistory metrics(Dtos.MetricsDto dto) {
        TrainingHistory.Builder history = TrainingHistory.builder();
        if (dto == null || dto.metrics() == null) {
            return history.build();
        }
        for (Map<String, JsonNode> entry : dto.metrics()) {
            JsonNode step = entry == null ? null : entry.get("train/global_step");
            if (step == null || !step.isNumber()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> value : entry.entrySet()) {
                if (value.getKey().equals("train/global_step") || value.getValue() == null
                        || !value.getValue().isNumber() || !Double.isFinite(value.getValue().asDouble())) {
                    continue;
                }
                history.add(metricName(value.getKey()), step.asLong(), value.getValue().asDouble());
            }
        }
        return history.build();
    }

    private static String metricName(String wire) {
        switch (wire) {
            case "train/loss": return TrainingMetrics.TRAIN_LOSS;
            case "eval/loss": return TrainingMetrics.VALID_LOSS;
            default: return wire.replace('/', '_');
        }
    }

    private static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static String lower(String raw) {
        return raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
