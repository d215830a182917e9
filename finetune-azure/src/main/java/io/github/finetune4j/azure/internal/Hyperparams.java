package io.github.finetune4j.azure.internal;

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
 * Hyperparameters between the core records and the wire. Reading accepts numbers, {@code "auto"} and the dated
 * route's {@code -1} ("chosen by the service"), which all become {@link HyperparameterValue#auto()} except numbers.
 * Writing sends numbers; "auto" is sent as {@code "auto"} on v1 and left out on the dated route, whose schema only
 * has numbers (leaving a value out lets the service choose).
 */
final class Hyperparams {
    private static final String AUTO = "auto";

    private Hyperparams() {
    }

    static Hyperparameters fromWire(HyperparametersDto dto) {
        if (dto == null) {
            return Hyperparameters.defaults();
        }
        return Hyperparameters.builder()
                .epochs(value(dto.nEpochs()))
                .batchSize(value(dto.batchSize()))
                .learningRateMultiplier(value(dto.learningRateMultiplier()))
                .beta(value(dto.beta()))
                .build();
    }

    static Optional<HyperparameterValue> value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            double d = node.asDouble();
            if (d < 0) {
                return Optional.of(HyperparameterValue.auto());
            }
            return Double.isFinite(d) ? Optional.of(HyperparameterValue.of(d)) : Optional.empty();
        }
        if (node.isTextual() && node.asText().trim().equalsIgnoreCase(AUTO)) {
            return Optional.of(HyperparameterValue.auto());
        }
        return Optional.empty();
    }

    /** The wire object, or null when nothing would be sent. */
    static ObjectNode toWire(Hyperparameters h, boolean autoAllowed) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        put(node, "n_epochs", h.epochs(), autoAllowed);
        put(node, "batch_size", h.batchSize(), autoAllowed);
        put(node, "learning_rate_multiplier", h.learningRateMultiplier(), autoAllowed);
        put(node, "beta", h.beta(), autoAllowed);
        return node.isEmpty() ? null : node;
    }

    private static void put(ObjectNode node, String name, Optional<HyperparameterValue> value, boolean autoAllowed) {
        if (value.isEmpty()) {
            return;
        }
        HyperparameterValue v = value.get();
        if (v.isAuto()) {
            if (autoAllowed) {
                node.set(name, TextNode.valueOf(AUTO));
            }
            return;
        }
        double d = v.number().orElseThrow();
        node.set(name, d == Math.rint(d) && Math.abs(d) < 1e15 ? LongNode.valueOf((long) d) : DoubleNode.valueOf(d));
    }
}
