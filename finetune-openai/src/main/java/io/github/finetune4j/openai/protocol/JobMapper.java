package io.github.finetune4j.openai.protocol;

import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.FineTuneMethod;
import io.github.finetune4j.core.model.JobError;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Translates jobs from the wire, tolerating what the dialects differ in: the nulls Azure sends
 * ({@code result_files}, {@code error}), hyperparameters in {@code method.<type>} or at the top level (Azure's
 * dated route), {@code user_provided_suffix} or {@code suffix}, and the dialect's status words.
 */
final class JobMapper {
    private final OpenAiDialect dialect;

    JobMapper(OpenAiDialect dialect) {
        this.dialect = dialect;
    }

    JobSnapshot fromWire(JobDto dto) {
        WireFormatException.require(dto, "job");
        String rawStatus = WireFormatException.requireText(dto.status(), "status");
        MethodDto method = dto.method();
        FineTuneMethod fineTuneMethod = method(method);
        HyperparametersDto hyper = methodHyperparameters(method, fineTuneMethod);
        String suffix = blankToNull(dto.userProvidedSuffix()) != null ? dto.userProvidedSuffix() : dto.suffix();
        return JobSnapshot.builder()
                .id(JobId.of(WireFormatException.requireText(dto.id(), "id")))
                .rawStatus(rawStatus)
                .status(dialect.jobStatus(rawStatus))
                .provider(dialect.providerId())
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
                .suffix(blankToNull(suffix))
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
        Map<String, String> copy = new LinkedHashMap<>();
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
