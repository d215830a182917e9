package io.github.finetune4j.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.finetune4j.core.model.ModelInfo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Translates model objects. */
final class ModelMapper {
    private ModelMapper() {
    }

    static ModelInfo fromWire(ModelDto dto) {
        WireFormatException.require(dto, "model");
        return new ModelInfo(WireFormatException.requireText(dto.id(), "id"),
                Optional.ofNullable(dto.ownedBy()).filter(s -> !s.isBlank()),
                shutdownDate(dto.shutdownDate()));
    }

    /** {@code YYYY-MM-DD} (also the date part of an ISO date-time), or Unix seconds; anything else is absent. */
    static Optional<LocalDate> shutdownDate(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isIntegralNumber() && node.asLong() > 0) {
            return Optional.of(LocalDate.ofInstant(Instant.ofEpochSecond(node.asLong()), ZoneOffset.UTC));
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
}
