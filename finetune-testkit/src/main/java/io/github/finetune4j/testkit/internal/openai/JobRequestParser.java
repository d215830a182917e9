package io.github.finetune4j.testkit.internal.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.finetune4j.testkit.internal.http.ApiError;
import io.github.finetune4j.testkit.internal.state.FineTuneMethodType;
import io.github.finetune4j.testkit.internal.state.Hyperparameters;
import io.github.finetune4j.testkit.internal.state.JobSpec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Parses and checks a {@code CreateFineTuningJobRequest} body. Unknown keys are rejected, as the service rejects
 * them, so that a client sending {@code nEpochs} instead of {@code n_epochs} finds out in its tests.
 */
final class JobRequestParser {

    private static final Set<String> KEYS = Set.of("model", "training_file", "validation_file", "hyperparameters",
            "suffix", "seed", "integrations", "method", "metadata");
    private static final Set<String> SUPERVISED_KEYS = Set.of("batch_size", "learning_rate_multiplier", "n_epochs");
    private static final Set<String> DPO_KEYS = Set.of("batch_size", "learning_rate_multiplier", "n_epochs", "beta");
    private static final int MAX_METADATA = 16;
    private static final int MAX_INTEGRATIONS = 5;

    private JobRequestParser() {
    }

    static JobSpec parse(JsonNode body) {
        RequestBodies.rejectUnknownKeys(body, KEYS);
        String model = RequestBodies.requiredString(body, "model");
        String trainingFile = RequestBodies.requiredString(body, "training_file");
        String validationFile = RequestBodies.optionalString(body, "validation_file");
        String suffix = RequestBodies.optionalString(body, "suffix");
        if (suffix != null && (suffix.isEmpty() || suffix.length() > 64)) {
            throw ApiError.invalidRequest("Invalid 'suffix': string must be 1 to 64 characters long, got "
                    + suffix.length() + ".", "suffix");
        }
        Long seed = seed(body.get("seed"));
        Map<String, String> metadata = metadata(body.get("metadata"));
        JsonNode integrations = integrations(body.get("integrations"));

        FineTuneMethodType method = FineTuneMethodType.SUPERVISED;
        JsonNode hyperparameters = body.get("hyperparameters");
        String hyperparametersParam = "hyperparameters";
        JsonNode methodNode = body.get("method");
        if (methodNode != null && !methodNode.isNull()) {
            if (!methodNode.isObject()) {
                throw RequestBodies.invalidType("method", "an object");
            }
            String type = RequestBodies.requiredString(methodNode, "type");
            switch (type) {
                case "supervised":
                    method = FineTuneMethodType.SUPERVISED;
                    break;
                case "dpo":
                    method = FineTuneMethodType.DPO;
                    break;
                case "reinforcement":
                    throw ApiError.invalidRequest("Reinforcement fine-tuning is not supported by the "
                            + "FineTuningEmulator; use 'supervised' or 'dpo'.", "method.type");
                default:
                    throw ApiError.invalidRequest("Invalid 'method.type': '" + type
                            + "' is not one of ['supervised', 'dpo', 'reinforcement'].", "method.type");
            }
            JsonNode inner = methodNode.path(type).path("hyperparameters");
            if (!inner.isMissingNode() && !inner.isNull()) {
                if (hyperparameters != null && !hyperparameters.isNull()) {
                    throw ApiError.invalidRequest("Specify hyperparameters either in 'method' or at the top level "
                            + "(deprecated), not in both.", "hyperparameters");
                }
                hyperparameters = inner;
                hyperparametersParam = "method." + type + ".hyperparameters";
            }
        }
        Hyperparameters parsed = hyperparameters(hyperparameters, hyperparametersParam,
                method == FineTuneMethodType.DPO ? DPO_KEYS : SUPERVISED_KEYS);
        return new JobSpec(model, trainingFile, validationFile, suffix, seed, metadata, method, parsed, integrations,
                null);
    }

    private static Long seed(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || node.asLong() < 0 || node.asLong() > Integer.MAX_VALUE) {
            throw ApiError.invalidRequest("Invalid 'seed': expected an integer from 0 to 2147483647.", "seed");
        }
        return node.asLong();
    }

    private static Map<String, String> metadata(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw RequestBodies.invalidType("metadata", "an object");
        }
        if (node.size() > MAX_METADATA) {
            throw ApiError.invalidRequest("Invalid 'metadata': at most 16 key-value pairs are allowed.", "metadata");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (entry.getKey().length() > 64 || !entry.getValue().isTextual()
                    || entry.getValue().asText().length() > 512) {
                throw ApiError.invalidRequest("Invalid 'metadata': keys must be strings of at most 64 characters "
                        + "and values strings of at most 512 characters.", "metadata");
            }
            out.put(entry.getKey(), entry.getValue().asText());
        }
        return out;
    }

    private static JsonNode integrations(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.size() > MAX_INTEGRATIONS) {
            throw ApiError.invalidRequest("Invalid 'integrations': expected an array of at most 5 items.",
                    "integrations");
        }
        for (JsonNode item : node) {
            if (!"wandb".equals(item.path("type").asText()) || !item.path("wandb").path("project").isTextual()) {
                throw ApiError.invalidRequest("Invalid 'integrations': each item needs type 'wandb' and "
                        + "wandb.project.", "integrations");
            }
        }
        return node;
    }

    private static Hyperparameters hyperparameters(JsonNode node, String param, Set<String> allowed) {
        if (node == null || node.isNull()) {
            return Hyperparameters.AUTO;
        }
        if (!node.isObject()) {
            throw RequestBodies.invalidType(param, "an object");
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            if (!allowed.contains(key)) {
                throw ApiError.invalidRequest("Extra inputs are not permitted: " + param + "." + key, param + "."
                        + key);
            }
        }
        Double epochs = number(node, "n_epochs", param, true, 1, 50);
        Double batch = number(node, "batch_size", param, true, 1, 256);
        Double lr = number(node, "learning_rate_multiplier", param, false, 0, Double.MAX_VALUE);
        Double beta = number(node, "beta", param, false, 0, 2);
        return new Hyperparameters(epochs == null ? null : epochs.intValue(), batch == null ? null : batch.intValue(),
                lr, beta);
    }

    /** Reads "auto" (null) or a number; integers within [min, max], other numbers within (min, max]. */
    private static Double number(JsonNode node, String key, String param, boolean integer, double min, double max) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().equals("auto"))) {
            return null;
        }
        String name = param + "." + key;
        if (!value.isNumber() || (integer && !value.isIntegralNumber())) {
            throw ApiError.invalidRequest("Invalid '" + name + "': expected 'auto' or " + (integer ? "an integer"
                    : "a number") + ".", name);
        }
        double d = value.asDouble();
        boolean inRange = integer ? d >= min && d <= max : d > min && d <= max;
        if (!inRange) {
            throw ApiError.invalidRequest("Invalid '" + name + "': " + value + " is out of range.", name);
        }
        return d;
    }
}
