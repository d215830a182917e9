package io.github.finetune4j.openai.internal;

import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.JobError;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.core.spi.JobCreation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Translates jobs between the core records and the OpenAI wire form. */
final class JobMapper {
    private final String providerId;

    JobMapper(String providerId) {
        this.providerId = Objects.requireNonNull(providerId, "providerId");
    }

    /** The create request body, without the extra body properties (merged by {@link CreateJobBody}). */
    static CreateJobDto toWire(JobCreation c) {
        HyperparametersDto hyper = Hyperparams.toWire(c.hyperparameters());
        MethodConfigDto config = hyper == null ? null : new MethodConfigDto(hyper);
        MethodDto method = c.method() == FineTuneMethod.DPO
                ? new MethodDto(c.method().wireName(), null, config, null)
                : new MethodDto(c.method().wireName(), config, null, null);
        return new CreateJobDto(c.baseModel(), c.trainingFile().value(),
                c.validationFile().map(FileId::value).orElse(null), c.suffix().orElse(null),
                c.seed().orElse(null), c.metadata(), method);
    }

    JobSnapshot fromWire(JobDto dto) {
        WireFormatException.require(dto, "job");
        String rawStatus = WireFormatException.requireText(dto.status(), "status");
        MethodDto method = dto.method();
        FineTuneMethod fineTuneMethod = method(method);
        HyperparametersDto hyper = methodHyperparameters(method, fineTuneMethod);
        return JobSnapshot.builder()
                .id(JobId.of(WireFormatException.requireText(dto.id(), "id")))
                .rawStatus(rawStatus)
                .status(JobStatus.parse(rawStatus))
                .provider(providerId)
                .baseModel(WireFormatException.requireText(dto.model(), "model"))
                .fineTunedModel(blankToNull(dto.fineTunedModel()))
                .error(error(dto.error()))
                .createdAt(Times.required(dto.createdAt(), "created_at"))
                .finishedAt(Times.optional(dto.finishedAt()).orElse(null))
                .estimatedFinish(Times.optional(dto.estimatedFinish()).orElse(null))
                .trainingFile(FileId.of(WireFormatException.requireText(dto.trainingFile(), "training_file")))
                .validationFile(blankToNull(dto.validationFile()) == null ? null : FileId.of(dto.validationFile()))
                .method(fineTuneMethod)
                .hyperparameters(Hyperparams.fromWire(hyper != null ? hyper : dto.hyperparameters()))
                .trainedTokens(dto.trainedTokens())
                .resultFiles(dto.resultFiles() == null ? List.of()
                        : dto.resultFiles().stream().filter(f -> f != null && !f.isBlank()).map(FileId::of).toList())
                .seed(dto.seed())
                .suffix(blankToNull(dto.userProvidedSuffix()))
                .metadata(metadata(dto.metadata()))
                .build();
    }

    /** {@code dpo} maps to DPO; {@code supervised}, a missing method and (for now) other types to SUPERVISED. */
    private static FineTuneMethod method(MethodDto method) {
        if (method != null && method.type() != null
                && method.type().trim().toLowerCase(Locale.ROOT).equals(FineTuneMethod.DPO.wireName())) {
            return FineTuneMethod.DPO;
        }
        return FineTuneMethod.SUPERVISED;
    }

    private static HyperparametersDto methodHyperparameters(MethodDto method, FineTuneMethod type) {
        if (method == null) {
            return null;
        }
        MethodConfigDto config = type == FineTuneMethod.DPO ? method.dpo()
                : method.supervised() != null ? method.supervised() : method.reinforcement();
        return config == null ? null : config.hyperparameters();
    }

    /** Null, {@code {}} and an object whose fields are all null mean "no error". */
    private static JobError error(JobErrorDto dto) {
        if (dto == null) {
            return null;
        }
        String message = blankToNull(dto.message());
        String code = blankToNull(dto.code());
        if (message == null && code == null) {
            return null;
        }
        return JobError.of(code, message != null ? message : code, blankToNull(dto.param()));
    }

    private static Map<String, String> metadata(Map<String, String> wire) {
        if (wire == null) {
            return Map.of();
        }
        Map<String, String> copy = new java.util.LinkedHashMap<>();
        wire.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
