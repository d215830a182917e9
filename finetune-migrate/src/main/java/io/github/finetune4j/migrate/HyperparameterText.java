package io.github.finetune4j.migrate;

import io.github.finetune4j.core.model.HyperparameterValue;
import io.github.finetune4j.core.model.Hyperparameters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Hyperparameters as name to value text ({@code 3}, {@code 1.8}, {@code auto}), for the manifest and output. */
final class HyperparameterText {
    static final String EPOCHS = "epochs";
    static final String BATCH_SIZE = "batch_size";
    static final String LEARNING_RATE_MULTIPLIER = "learning_rate_multiplier";
    static final String BETA = "beta";

    private HyperparameterText() {
    }

    static Map<String, String> of(Hyperparameters h) {
        Map<String, String> out = new LinkedHashMap<>();
        h.epochs().ifPresent(v -> out.put(EPOCHS, v.toString()));
        h.batchSize().ifPresent(v -> out.put(BATCH_SIZE, v.toString()));
        h.learningRateMultiplier().ifPresent(v -> out.put(LEARNING_RATE_MULTIPLIER, v.toString()));
        h.beta().ifPresent(v -> out.put(BETA, v.toString()));
        return out;
    }

    static Hyperparameters parse(Map<String, String> values) {
        return Hyperparameters.builder()
                .epochs(value(values.get(EPOCHS)))
                .batchSize(value(values.get(BATCH_SIZE)))
                .learningRateMultiplier(value(values.get(LEARNING_RATE_MULTIPLIER)))
                .beta(value(values.get(BETA)))
                .build();
    }

    static String describe(Map<String, String> values) {
        if (values.isEmpty()) {
            return "provider defaults";
        }
        StringBuilder out = new StringBuilder();
        values.forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return out.toString();
    }

    static String epochs(Hyperparameters h) {
        return h.epochs().map(HyperparameterValue::toString).orElse("-");
    }

    private static Optional<HyperparameterValue> value(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Optional.of(text.equals("auto") ? HyperparameterValue.auto()
                : HyperparameterValue.of(Double.parseDouble(text)));
    }
}
