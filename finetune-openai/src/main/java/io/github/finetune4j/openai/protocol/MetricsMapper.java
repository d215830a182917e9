package io.github.finetune4j.openai.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.finetune4j.core.model.TrainingMetrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the metric objects of {@code metrics} events and checkpoints. */
final class MetricsMapper {
    private static final String STEP = "step";
    private static final String TOTAL_STEPS = "total_steps";

    private MetricsMapper() {
    }

    /**
     * Every numeric member except {@code step} and {@code total_steps} becomes a named value; nulls and
     * non-numbers are skipped.
     *
     * @param node the metrics object, may be null
     * @param fallbackStep the step to use when the object has none
     */
    static TrainingMetrics fromWire(JsonNode node, long fallbackStep) {
        if (node == null || !node.isObject()) {
            return new TrainingMetrics(fallbackStep, 0, Map.of());
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String name = e.getKey();
            JsonNode value = e.getValue();
            if (!name.equals(STEP) && !name.equals(TOTAL_STEPS) && value.isNumber()
                    && Double.isFinite(value.asDouble())) {
                values.put(name, value.asDouble());
            }
        }
        long step = node.path(STEP).isNumber() ? node.path(STEP).asLong() : fallbackStep;
        long totalSteps = node.path(TOTAL_STEPS).isNumber() ? node.path(TOTAL_STEPS).asLong() : 0;
        return new TrainingMetrics(step, totalSteps, values);
    }
}
