package io.github.finetune4j.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.finetune4j.core.model.HyperparameterValue;
import io.github.finetune4j.core.model.Hyperparameters;

import java.util.Optional;

/** Converts hyperparameters between the core records and the wire's {@code "auto"}-or-number values. */
final class Hyperparams {
    private static final String AUTO = "auto";

    private Hyperparams() {
    }

    /** Wire form of hyperparameters; null when none is set, so that nothing is sent. */
    static HyperparametersDto toWire(Hyperparameters h) {
        HyperparametersDto dto = new HyperparametersDto(toWire(h.epochs()), toWire(h.batchSize()),
                toWire(h.learningRateMultiplier()), toWire(h.beta()));
        return dto.isEmpty() ? null : dto;
    }

    /** Core form; a null DTO means "nothing reported". */
    static Hyperparameters fromWire(HyperparametersDto dto) {
        if (dto == null) {
            return Hyperparameters.defaults();
        }
        return Hyperparameters.builder()
                .epochs(fromWire(dto.nEpochs()))
                .batchSize(fromWire(dto.batchSize()))
                .learningRateMultiplier(fromWire(dto.learningRateMultiplier()))
                .beta(fromWire(dto.beta()))
                .build();
    }

    /** {@code "auto"}, an integer node for whole numbers (3, not 3.0), a double node otherwise, or null. */
    static JsonNode toWire(Optional<HyperparameterValue> value) {
        if (value.isEmpty()) {
            return null;
        }
        HyperparameterValue v = value.get();
        if (v.isAuto()) {
            return TextNode.valueOf(AUTO);
        }
        double d = v.number().orElseThrow();
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return LongNode.valueOf((long) d);
        }
        return DoubleNode.valueOf(d);
    }

    /** Tolerant: {@code "auto"}, a number, or a numeric string; anything else (null, missing, other) is empty. */
    static Optional<HyperparameterValue> fromWire(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return finite(node.asDouble());
        }
        if (node.isTextual()) {
            String text = node.asText().trim();
            if (text.equalsIgnoreCase(AUTO)) {
                return Optional.of(HyperparameterValue.auto());
            }
            try {
                return finite(Double.parseDouble(text));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<HyperparameterValue> finite(double d) {
        return Double.isFinite(d) ? Optional.of(HyperparameterValue.of(d)) : Optional.empty();
    }
}
