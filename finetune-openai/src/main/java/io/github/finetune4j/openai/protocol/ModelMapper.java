package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.finetune4j.core.model.ModelInfo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Translates model objects: {@code shutdown_date} becomes {@link ModelInfo#shutdownDate()},
 * {@code capabilities.fine_tune} becomes {@link ModelInfo#fineTunable()}, {@code deprecation.fine_tune} and
 * {@code deprecation.inference} (Unix seconds) become the UTC dates {@link ModelInfo#fineTuneDeprecation()} and
 * {@link ModelInfo#inferenceDeprecation()}.
 */
final class ModelMapper {
    private ModelMapper() {
    }

    static ModelInfo fromWire(ModelDto dto) {
        WireFormatException.require(dto, "model");
        ModelDto.Capabilities caps = dto.capabilities();
        ModelDto.Deprecation deprecation = dto.deprecation();
        return new ModelInfo(WireFormatException.requireText(dto.id(), "id"),
                Optional.ofNullable(dto.ownedBy()).filter(s -> !s.isBlank()),
                shutdownDate(dto.shutdownDate()),
                Optional.ofNullable(caps == null ? null : caps.fineTune()),
                deprecation == null ? Optional.empty() : date(deprecation.fineTune()),
                deprecation == null ? Optional.empty() : date(deprecation.inference()));
    }

    /** {@code YYYY-MM-DD} (also the date part of an ISO date-time), or Unix seconds; anything else is absent. */
    static Optional<LocalDate> shutdownDate(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isIntegralNumber()) {
            return date(node.asLong());
        }
        if (node.isTextual() && node.asText().trim().length() >= 10) {
            try {
                return Optional.of(LocalDate.parse(node.asText().trim().substring(0, 10)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(Long unixSeconds) {
        return Times.optional(unixSeconds).map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC));
    }
}
