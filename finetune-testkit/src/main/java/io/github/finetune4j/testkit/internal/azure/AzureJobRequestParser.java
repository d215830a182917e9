package io.github.finetune4j.testkit.internal.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.finetune4j.testkit.internal.state.FineTuneMethodType;
import io.github.finetune4j.testkit.internal.state.Hyperparameters;
import io.github.finetune4j.testkit.internal.state.JobSpec;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses an Azure create-job body. The dated GA route takes the authoring spec's {@code FineTuningJobCreation}
 * ({@code model}, {@code training_file}, {@code validation_file}, {@code hyperparameters}, {@code suffix},
 * {@code seed}); previews from {@value AzureApiVersion#PREVIEW_JOB_FEATURES} and v1 add {@code method} and
 * {@code integrations}, v1 also {@code metadata}. Every route takes {@code trainingType}, which the service
 * requires in practice although no spec declares it: without it the service answers, misleadingly, that the base
 * model does not support fine-tuning, and so does the emulator (with a hint). Hyperparameters may be numbers,
 * {@code "auto"} or {@code -1} (the service chooses). Other keys are rejected, so that typos show in tests.
 */
final class AzureJobRequestParser {

    static final String BASE_MODEL_NOT_SUPPORTED = "The specified base model does not support fine-tuning.";

    private static final Set<String> DATED_KEYS = Set.of("model", "training_file", "validation_file",
            "hyperparameters", "suffix", "seed", "trainingType");
    private static final Set<String> PREVIEW_KEYS = Set.of("method", "integrations");
    private static final Set<String> HYPERPARAMETER_KEYS = Set.of("n_epochs", "batch_size",
            "learning_rate_multiplier");
    private static final Set<String> DPO_KEYS = Set.of("n_epochs", "batch_size", "learning_rate_multiplier", "beta");
    private static final Map<String, String> TRAINING_TYPES = Map.of("standard", "Standard", "globalstandard",
            "GlobalStandard", "global", "GlobalStandard", "developer", "Developer", "developertier", "Developer",
            "datazonestandard", "DataZoneStandard", "datazone", "DataZoneStandard", "1", "Standard", "2",
            "GlobalStandard", "3", "Developer");
    private static final Pattern SUFFIX = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private AzureJobRequestParser() {
    }

    static JobSpec parse(JsonNode body, AzureApiVersion version) {
        boolean previewFeatures = version.hasPreviewJobFeatures();
        boolean v1 = version.route() == AzureRoute.V1;
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String key = field.getKey();
            boolean allowed = DATED_KEYS.contains(key) || (previewFeatures && PREVIEW_KEYS.contains(key))
                    || (v1 && key.equals("metadata"));
            if (!allowed) {
                throw AzureErrors.invalidPayload("The request contains the unknown field '" + key + "'"
                        + (PREVIEW_KEYS.contains(key) ? ", which needs api-version "
                        + AzureApiVersion.PREVIEW_JOB_FEATURES + " or later, or the v1 route" : "") + ".", key);
            }
        }
        String model = AzureRequests.requiredString(body, "model");
        String trainingFile = AzureRequests.requiredString(body, "training_file");
        String validationFile = AzureRequests.optionalString(body, "validation_file");
        String suffix = AzureRequests.optionalString(body, "suffix");
        if (suffix != null && !SUFFIX.matcher(suffix).matches()) {
            throw AzureErrors.invalidPayload("The suffix can contain up to 40 characters (a-z, A-Z, 0-9, - and _).",
                    "suffix");
        }
        Long seed = seed(body.get("seed"));
        FineTuneMethodType method = FineTuneMethodType.SUPERVISED;
        JsonNode hyperparameters = body.get("hyperparameters");
        JsonNode methodNode = body.get("method");
        if (methodNode != null && !methodNode.isNull()) {
            String type = AzureRequests.requiredString(methodNode, "type");
            if (type.equals("dpo")) {
                method = FineTuneMethodType.DPO;
            } else if (!type.equals("supervised")) {
                throw AzureErrors.invalidPayload("The method type '" + type + "' is not supported by the "
                        + "FineTuningEmulator; use 'supervised' or 'dpo'.", "method.type");
            }
            JsonNode inner = methodNode.path(type).path("hyperparameters");
            if (!inner.isMissingNode() && !inner.isNull()) {
                hyperparameters = inner;
            }
        }
        Hyperparameters parsed = hyperparameters(hyperparameters,
                method == FineTuneMethodType.DPO ? DPO_KEYS : HYPERPARAMETER_KEYS);
        JsonNode integrations = body.get("integrations");
        if (integrations != null && !integrations.isNull() && !integrations.isArray()) {
            throw AzureErrors.invalidPayload("The field 'integrations' must be an array.", "integrations");
        }
        String trainingType = trainingType(body.get("trainingType"));
        return new JobSpec(model, trainingFile, validationFile, suffix, seed, metadata(body.get("metadata")), method,
                parsed, integrations == null || integrations.isNull() ? null : integrations, trainingType);
    }

    private static String trainingType(JsonNode node) {
        if (node == null || node.isNull()) {
            throw AzureErrors.invalidPayload(BASE_MODEL_NOT_SUPPORTED + " (FineTuningEmulator: the service answers "
                    + "this when trainingType is missing; send \"trainingType\": \"Standard\", \"GlobalStandard\" or "
                    + "\"Developer\".)", "trainingType");
        }
        String canonical = node.isTextual() || node.isIntegralNumber()
                ? TRAINING_TYPES.get(node.asText().strip().toLowerCase(Locale.ROOT)) : null;
        if (canonical == null) {
            throw AzureErrors.invalidPayload("The trainingType '" + node.asText() + "' is not supported; use "
                    + "'Standard', 'GlobalStandard', 'DataZoneStandard' or 'Developer'.", "trainingType");
        }
        return canonical;
    }

    private static Long seed(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || node.asLong() < 0 || node.asLong() > Integer.MAX_VALUE) {
            throw AzureErrors.invalidPayload("The seed must be an integer from 0 to 2147483647.", "seed");
        }
        return node.asLong();
    }

    private static Map<String, String> metadata(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject() || node.size() > 16) {
            throw AzureErrors.invalidPayload("The metadata must be an object of at most 16 string pairs.",
                    "metadata");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isTextual()) {
                throw AzureErrors.invalidPayload("The metadata values must be strings.", "metadata");
            }
            out.put(entry.getKey(), entry.getValue().asText());
        }
        return out;
    }

    private static Hyperparameters hyperparameters(JsonNode node, Set<String> allowed) {
        if (node == null || node.isNull()) {
            return Hyperparameters.AUTO;
        }
        if (!node.isObject()) {
            throw AzureErrors.invalidPayload("The hyperparameters must be an object.", "hyperparameters");
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!allowed.contains(field.getKey())) {
                throw AzureErrors.invalidPayload("The hyperparameter '" + field.getKey() + "' is not supported.",
                        "hyperparameters." + field.getKey());
            }
        }
        Double epochs = number(node, "n_epochs", true, 1, 50);
        Double batch = number(node, "batch_size", true, 1, 256);
        Double lr = number(node, "learning_rate_multiplier", false, 0, 10);
        Double beta = number(node, "beta", false, 0, 2);
        return new Hyperparameters(epochs == null ? null : epochs.intValue(), batch == null ? null : batch.intValue(),
                lr, beta);
    }

    /** Reads {@code "auto"}, {@code -1} or null (the service chooses: null) or a number in range. */
    private static Double number(JsonNode node, String key, boolean integer, double min, double max) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().equals("auto"))
                || (value.isNumber() && value.asDouble() == -1)) {
            return null;
        }
        String name = "hyperparameters." + key;
        if (!value.isNumber() || (integer && !value.isIntegralNumber())) {
            throw AzureErrors.invalidPayload("The hyperparameter '" + key + "' must be " + (integer ? "an integer"
                    : "a number") + ", \"auto\" or -1.", name);
        }
        double d = value.asDouble();
        boolean inRange = integer ? d >= min && d <= max : d > min && d <= max;
        if (!inRange) {
            throw AzureErrors.invalidPayload("The hyperparameter '" + key + "' is out of range: " + value + ".",
                    name);
        }
        return d;
    }
}
