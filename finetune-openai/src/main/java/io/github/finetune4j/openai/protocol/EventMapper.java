package io.github.finetune4j.openai.protocol;

import io.github.finetune4j.core.model.Checkpoint;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.TrainingMetrics;

import java.util.Optional;

/** Translates job events (with the dialect's level words) and checkpoints. */
final class EventMapper {
    private static final String METRICS = "metrics";

    private final OpenAiDialect dialect;

    EventMapper(OpenAiDialect dialect) {
        this.dialect = dialect;
    }

    /** A {@code type: "metrics"} event with a {@code data} object carries {@link TrainingMetrics}. */
    JobEvent event(EventDto dto) {
        WireFormatException.require(dto, "event");
        Optional<TrainingMetrics> metrics = METRICS.equals(dto.type()) && dto.data() != null && dto.data().isObject()
                ? Optional.of(MetricsMapper.fromWire(dto.data(), 0))
                : Optional.empty();
        return new JobEvent(WireFormatException.requireText(dto.id(), "id"),
                Times.required(dto.createdAt(), "created_at"),
                dialect.eventLevel(dto.level()),
                dto.message() == null ? "" : dto.message(),
                metrics);
    }

    /**
     * Maps a checkpoint; the job id falls back to the job that was asked for when the answer leaves it out, and the
     * checkpoint id to its model name when it has none.
     */
    static Checkpoint checkpoint(CheckpointDto dto, JobId requested) {
        WireFormatException.require(dto, "checkpoint");
        long step = dto.stepNumber() == null ? 0 : dto.stepNumber();
        String job = dto.fineTuningJobId();
        String model = WireFormatException.requireText(dto.fineTunedModelCheckpoint(), "fine_tuned_model_checkpoint");
        return new Checkpoint(dto.id() == null || dto.id().isBlank() ? model : dto.id(),
                job == null || job.isBlank() ? requested : JobId.of(job),
                Times.required(dto.createdAt(), "created_at"),
                model,
                step,
                MetricsMapper.fromWire(dto.metrics(), step));
    }
}
