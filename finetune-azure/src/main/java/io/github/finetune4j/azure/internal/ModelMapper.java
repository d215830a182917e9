package io.github.finetune4j.azure.internal;

import io.github.finetune4j.core.model.ModelInfo;

import java.util.Optional;

/**
 * Maps catalog entries: {@code capabilities.fine_tune} becomes {@link ModelInfo#fineTunable()},
 * {@code deprecation.fine_tune} and {@code deprecation.inference} (unix seconds) become the UTC dates
 * {@link ModelInfo#fineTuneDeprecation()} and {@link ModelInfo#inferenceDeprecation()}.
 */
final class ModelMapper {
    private ModelMapper() {
    }

    static ModelInfo fromWire(ModelDto dto) {
        Wire.require(dto, "model");
        ModelDto.Capabilities caps = dto.capabilities();
        ModelDto.Deprecation deprecation = dto.deprecation();
        return new ModelInfo(Wire.requireText(dto.id(), "id"),
                Optional.ofNullable(dto.ownedBy()).filter(s -> !s.isBlank()),
                Optional.empty(),
                Optional.ofNullable(caps == null ? null : caps.fineTune()),
                deprecation == null ? Optional.empty() : Wire.date(deprecation.fineTune()),
                deprecation == null ? Optional.empty() : Wire.date(deprecation.inference()));
    }
}
