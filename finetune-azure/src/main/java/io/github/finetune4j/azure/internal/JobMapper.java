package io.github.finetune4j.azure.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.model.JobError;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Maps wire jobs to {@link JobSnapshot}s, tolerating the nulls Azure sends ({@code result_files}, {@code error}). */
final class JobMapper {
    private JobMapper() {
    }

    static JobSnapshot fromWire(JobDto dto) {
        Wire.require(dto, "job");
        String raw = Wire.requireText(dto.status(), "status");
        FineTuneMethod method = method(dto.method());
        JobSnapshot.Builder b = JobSnapshot.builder()
                .id(JobId.of(Wire.requireText(dto.id(), "id")))
                .status(AzureStatuses.job(raw))
                .rawStatus(raw)
                .provider(AzureOpenAiProvider.ID)
                .baseModel(Wire.requireText(dto.model(), "model"))
                .fineTunedModel(blankToNull(dto.fineTunedModel()))
                .error(error(dto.error()))
                .createdAt(Wire.instant(dto.createdAt(), "created_at"))
                .trainingFile(FileId.of(Wire.requireText(dto.trainingFile(), "training_file")))
                .validationFile(dto.validationFile() == null || dto.validationFile().isBlank() ? null
                        : FileId.of(dto.validationFile()))
                .method(method)
                .hyperparameters(hyperparameters(dto, method))
                .trainedTokens(dto.trainedTokens())
                .resultFiles(resultFiles(dto.resultFiles()))
                .seed(dto.seed())
                .suffix(blankToNull(dto.suffix()))
                .metadata(metadata(dto.metadata()));
        Wire.optionalInstant(dto.finishedAt()).ifPresent(b::finishedAt);
        Wire.optionalInstant(dto.estimatedFinish()).ifPresent(b::estimatedFinish);
        return b.build();
    }

    private static FineTuneMethod method(JsonNode method) {
        String type = method == null ? null : method.path("type").asText(null);
        return type != null && type.toLowerCase(Locale.ROOT).equals(FineTuneMethod.DPO.wireName())
                ? FineTuneMethod.DPO : FineTuneMethod.SUPERVISED;
    }

    /** Top-level {@code hyperparameters} (dated route), else {@code method.<type>.hyperparameters} (v1). */
    private static Hyperparameters hyperparameters(JobDto dto, FineTuneMethod method) {
        if (dto.hyperparameters() != null) {
            return Hyperparams.fromWire(dto.hyperparameters());
        }
        JsonNode nested = dto.method() == null ? null : dto.method().path(method.wireName()).path("hyperparameters");
        if (nested == null || !nested.isObject()) {
            return Hyperparameters.defaults();
        }
        return Hyperparams.fromWire(new HyperparametersDto(nested.get("n_epochs"), nested.get("batch_size"),
                nested.get("learning_rate_multiplier"), nested.get("beta")));
    }

    /** A null error, or one with neither code nor message, means none. */
    private static JobError error(JobErrorDto dto) {
        if (dto == null || dto.code() == null && dto.message() == null) {
            return null;
        }
        String message = dto.message() != null ? dto.message() : dto.code();
        return JobError.of(dto.code(), message, dto.param());
    }

    private static List<FileId> resultFiles(List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        return ids.stream().filter(id -> id != null && !id.isBlank()).map(FileId::of).collect(Collectors.toList());
    }

    private static Map<String, String> metadata(Map<String, String> metadata) {
        if (metadata == null) {
            return Map.of();
        }
        return metadata.entrySet().stream().filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
