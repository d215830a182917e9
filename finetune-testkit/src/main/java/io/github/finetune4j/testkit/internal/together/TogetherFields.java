package io.github.finetune4j.testkit.internal.together;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.finetune4j.testkit.internal.http.ApiError;

import java.util.Map;
import java.util.Set;

/**
 * Typed reads of request fields, with the 400 a wrong type or an unknown key gets. Keys are named with their
 * path, e.g. {@code training_type.lora_r}.
 */
final class TogetherFields {

    private TogetherFields() {
    }

    static void rejectUnknown(JsonNode object, Set<String> known, String path) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (!known.contains(field.getKey())) {
                throw ApiError.invalidRequest("Unknown parameter '" + path + field.getKey() + "'. The "
                        + "FineTuningEmulator accepts exactly the fields of Together's API spec.",
                        path + field.getKey(), "invalid_parameter");
            }
        }
    }

    static boolean present(JsonNode object, String key) {
        JsonNode value = object.get(key);
        return value != null && !value.isNull();
    }

    static String string(JsonNode object, String key, String path) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(path + key, "a string", value);
        }
        return value.asText();
    }

    static String requiredString(JsonNode object, String key, String path) {
        String value = string(object, key, path);
        if (value == null || value.isBlank()) {
            throw ApiError.invalidRequest("Missing required parameter '" + path + key + "'.", path + key,
                    "missing_required_parameter");
        }
        return value;
    }

    static Integer integer(JsonNode object, String key, String path) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw wrongType(path + key, "an integer", value);
        }
        return value.asInt();
    }

    static Double number(JsonNode object, String key, String path) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw wrongType(path + key, "a number", value);
        }
        return value.asDouble();
    }

    static Boolean bool(JsonNode object, String key, String path) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw wrongType(path + key, "a boolean", value);
        }
        return value.asBoolean();
    }

    static JsonNode object(JsonNode object, String key, String path) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw wrongType(path + key, "an object", value);
        }
        return value;
    }

    static void range(String param, double value, double min, double max) {
        if (value < min || value > max) {
            throw ApiError.invalidRequest("Invalid value for '" + param + "': " + format(value) + " is not within ["
                    + format(min) + ", " + format(max) + "].", param, "invalid_value");
        }
    }

    static ApiError invalid(String message, String param) {
        return ApiError.invalidRequest(message, param, "invalid_value");
    }

    private static ApiError wrongType(String param, String expected, JsonNode value) {
        return ApiError.invalidRequest("Invalid type for '" + param + "': expected " + expected + ", got "
                + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ".", param, "invalid_type");
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }
}
