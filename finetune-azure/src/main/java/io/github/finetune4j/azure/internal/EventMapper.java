package io.github.finetune4j.azure.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.TrainingMetrics;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Maps wire events and checkpoints. */
final class EventMapper {
    private static final String METRICS = "metrics";

    private EventMapper() {
    }

    static JobEvent event(EventDto dto) {
        Wire.require(dto, "event");
        return new JobEvent(Wire.requireText(dto.id(), "id"), Wire.instant(dto.createdAt(), "created_at"),
                AzureStatuses.level(dto.level()), dto.message() == null ? "" : dto.message(), metrics(dto));
    }

    /** Metrics events carry {@code step}, {@code total_steps} and numeric values in {@code data}. */
    private static Optional<TrainingMetrics> metrics(EventDto dto) {
        JsonNode data = dto.data();
        if (!METRICS.equals(dto.type()) || data == null || !data.isObject()) {
            return Optional.empty();
        }
        Map<String, Double> values = new HashMap<>();
        for (Map.Entry<String, JsonNode> field : data.properties()) {
            String name = field.getKey();
            if (!name.equals("step") && !name.equals("total_steps") && field.getValue().isNumber()) {
                values.put(name, field.getValue().asDouble());
            }
        }
        return Optional.of(new TrainingMetrics(data.path("step").asLong(0), data.path("total_steps").asLong(0),
                values));
    }

    static Checkpoint checkpoint(CheckpointDto dto, JobId job) {
        Wire.require(dto, "checkpoint");
        String model = Wire.requireText(dto.fineTunedModelCheckpoint(), "fine_tuned_model_checkpoint");
        long step = dto.stepNumber() == null ? 0 : dto.stepNumber();
        Map<String, Double> values = new HashMap<>();
        if (dto.metrics() != null) {
            dto.metrics().forEach((k, v) -> {
                if (k != null && v != null) {
                    values.put(k, v);
                }
            });
        }
        JobId owner = dto.fineTuningJobId() == null || dto.fineTuningJobId().isBlank() ? job
                : JobId.of(dto.fineTuningJobId());
        return new Checkpoint(dto.id() == null || dto.id().isBlank() ? model : dto.id(), owner,
                Wire.instant(dto.createdAt(), "created_at"), model, step, new TrainingMetrics(step, 0, values));
    }
}
