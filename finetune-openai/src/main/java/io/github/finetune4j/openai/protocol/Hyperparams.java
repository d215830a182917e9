package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.finetune4j.core.model.HyperparameterValue;
import io.github.finetune4j.core.model.Hyperparameters;

import java.util.Optional;

/**
 * Converts hyperparameters between the core records and the wire's {@code "auto"}-or-number values. Reading is
 * tolerant: {@code "auto"}, a number, a numeric string, and Azure's {@code -1} ("chosen by the service", read as
 * auto). Writing sends numbers as integers where whole (3, not 3.0) and "auto" as {@code "auto"}, or leaves it out
 * for dialects whose schema only takes numbers (leaving a value out lets the service choose as well).
 */
final class Hyperparams {
    private static final String AUTO = "auto";

    private Hyperparams() {
    }

    /** The wire object, or null when nothing would be sent. */
    static ObjectNode toWire(Hyperparameters h, boolean sendAuto) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        put(node, "n_epochs", h.epochs(), sendAuto);
        put(node, "batch_size", h.batchSize(), sendAuto);
        put(node, "learning_rate_multiplier", h.learningRateMultiplier(), sendAuto);
        put(node, "beta", h.beta(), sendAuto);
        return node.isEmpty() ? null : node;
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

    /** {@code "auto"}, a number (negative: auto), or a numeric string; anything else (null, missing) is empty. */
    static Optional<HyperparameterValue> fromWire(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return number(node.asDouble());
        }
        if (node.isTextual()) {
            String text = node.asText().trim();
            if (text.equalsIgnoreCase(AUTO)) {
                return Optional.of(HyperparameterValue.auto());
            }
            try {
                return number(Double.parseDouble(text));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static void put(ObjectNode node, String name, Optional<HyperparameterValue> value, boolean sendAuto) {
        if (value.isEmpty()) {
            return;
        }
        HyperparameterValue v = value.get();
        if (v.isAuto()) {
            if (sendAuto) {
                node.set(name, TextNode.valueOf(AUTO));
            }
            return;
        }
        double d = v.number().orElseThrow();
        node.set(name, d == Math.rint(d) && Math.abs(d) < 1e15 ? LongNode.valueOf((long) d) : DoubleNode.valueOf(d));
    }

    private static Optional<HyperparameterValue> number(double d) {
        if (!Double.isFinite(d)) {
            return Optional.empty();
        }
        return Optional.of(d < 0 ? HyperparameterValue.auto() : HyperparameterValue.of(d));
    }
}
