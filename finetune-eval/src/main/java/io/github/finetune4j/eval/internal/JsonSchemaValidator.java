package io.github.finetune4j.eval.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a JSON value against a JSON Schema, for the keywords format tasks use: {@code type} (one or several),
 * {@code enum}, {@code const}, {@code properties}, {@code required}, {@code additionalProperties} (boolean or
 * schema), {@code items}, {@code minItems}, {@code maxItems}, {@code minLength}, {@code maxLength},
 * {@code pattern}, {@code minimum}, {@code maximum}, {@code exclusiveMinimum}, {@code exclusiveMaximum},
 * {@code allOf}, {@code anyOf}, {@code oneOf} and {@code not}. Other keywords ({@code $ref}, {@code format}, ...)
 * are ignored. Thread-safe and stateless apart from the schema.
 */
public final class JsonSchemaValidator {
    private final JsonNode schema;

    /**
     * Creates a validator.
     *
     * @param schema the schema, a JSON object (or {@code true}/{@code false})
     */
    public JsonSchemaValidator(JsonNode schema) {
        this.schema = schema;
    }

    /**
     * Validates a value.
     *
     * @param value the value
     * @return the first violation as {@code "<path>: <problem>"}, or empty when valid
     */
    public Optional<String> firstViolation(JsonNode value) {
        return check(schema, value, "$");
    }

    private Optional<String> check(JsonNode s, JsonNode v, String path) {
        if (s == null || s.isMissingNode() || s.isNull()) {
            return Optional.empty();
        }
        if (s.isBoolean()) {
            return s.asBoolean() ? Optional.empty() : fail(path, "no value is allowed here");
        }
        Optional<String> problem = checkType(s, v, path)
                .or(() -> checkEnum(s, v, path))
                .or(() -> checkObject(s, v, path))
                .or(() -> checkArray(s, v, path))
                .or(() -> checkString(s, v, path))
                .or(() -> checkNumber(s, v, path));
        return problem.or(() -> checkCombinators(s, v, path));
    }

    private Optional<String> checkType(JsonNode s, JsonNode v, String path) {
        JsonNode type = s.get("type");
        if (type == null) {
            return Optional.empty();
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (hasType(v, t.asText())) {
                    return Optional.empty();
                }
            }
            return fail(path, "expected one of " + type + " but was " + typeOf(v));
        }
        return hasType(v, type.asText()) ? Optional.empty()
                : fail(path, "expected " + type.asText() + " but was " + typeOf(v));
    }

    private Optional<String> checkEnum(JsonNode s, JsonNode v, String path) {
        JsonNode values = s.get("enum");
        if (values != null && values.isArray()) {
            for (JsonNode allowed : values) {
                if (sameValue(allowed, v)) {
                    return Optional.empty();
                }
            }
            return fail(path, "not one of " + values);
        }
        JsonNode constant = s.get("const");
        if (constant != null && !sameValue(constant, v)) {
            return fail(path, "must be " + constant);
        }
        return Optional.empty();
    }

    private Optional<String> checkObject(JsonNode s, JsonNode v, String path) {
        if (!v.isObject()) {
            return Optional.empty();
        }
        JsonNode required = s.get("required");
        if (required != null) {
            for (JsonNode name : required) {
                if (!v.has(name.asText())) {
                    return fail(path, "missing required property '" + name.asText() + "'");
                }
            }
        }
        JsonNode properties = s.path("properties");
        JsonNode additional = s.get("additionalProperties");
        for (Map.Entry<String, JsonNode> field : v.properties()) {
            String childPath = path + "." + field.getKey();
            if (properties.has(field.getKey())) {
                Optional<String> p = check(properties.get(field.getKey()), field.getValue(), childPath);
                if (p.isPresent()) {
                    return p;
                }
            } else if (additional != null) {
                if (additional.isBoolean() && !additional.asBoolean()) {
                    return fail(path, "property '" + field.getKey() + "' is not allowed");
                }
                Optional<String> p = check(additional, field.getValue(), childPath);
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> checkArray(JsonNode s, JsonNode v, String path) {
        if (!v.isArray()) {
            return Optional.empty();
        }
        if (s.has("minItems") && v.size() < s.get("minItems").asInt()) {
            return fail(path, "has " + v.size() + " items, fewer than " + s.get("minItems").asInt());
        }
        if (s.has("maxItems") && v.size() > s.get("maxItems").asInt()) {
            return fail(path, "has " + v.size() + " items, more than " + s.get("maxItems").asInt());
        }
        JsonNode items = s.get("items");
        if (items != null && (items.isObject() || items.isBoolean())) {
            for (int i = 0; i < v.size(); i++) {
                Optional<String> p = check(items, v.get(i), path + "[" + i + "]");
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> checkString(JsonNode s, JsonNode v, String path) {
        if (!v.isTextual()) {
            return Optional.empty();
        }
        int length = v.asText().codePointCount(0, v.asText().length());
        if (s.has("minLength") && length < s.get("minLength").asInt()) {
            return fail(path, "shorter than " + s.get("minLength").asInt() + " characters");
        }
        if (s.has("maxLength") && length > s.get("maxLength").asInt()) {
            return fail(path, "longer than " + s.get("maxLength").asInt() + " characters");
        }
        if (s.has("pattern") && !Pattern.compile(s.get("pattern").asText()).matcher(v.asText()).find()) {
            return fail(path, "does not match " + s.get("pattern").asText());
        }
        return Optional.empty();
    }

    private Optional<String> checkNumber(JsonNode s, JsonNode v, String path) {
        if (!v.isNumber()) {
            return Optional.empty();
        }
        double x = v.asDouble();
        if (s.has("minimum") && x < s.get("minimum").asDouble()) {
            return fail(path, x + " is below the minimum " + s.get("minimum").asText());
        }
        if (s.has("maximum") && x > s.get("maximum").asDouble()) {
            return fail(path, x + " is above the maximum " + s.get("maximum").asText());
        }
        if (s.path("exclusiveMinimum").isNumber() && x <= s.get("exclusiveMinimum").asDouble()) {
            return fail(path, x + " is not above " + s.get("exclusiveMinimum").asText());
        }
        if (s.path("exclusiveMaximum").isNumber() && x >= s.get("exclusiveMaximum").asDouble()) {
            return fail(path, x + " is not below " + s.get("exclusiveMaximum").asText());
        }
        return Optional.empty();
    }

    private Optional<String> checkCombinators(JsonNode s, JsonNode v, String path) {
        for (JsonNode sub : s.path("allOf")) {
            Optional<String> p = check(sub, v, path);
            if (p.isPresent()) {
                return p;
            }
        }
        if (s.has("anyOf")) {
            boolean any = false;
            for (JsonNode sub : s.get("anyOf")) {
                any |= check(sub, v, path).isEmpty();
            }
            if (!any) {
                return fail(path, "matches none of anyOf");
            }
        }
        if (s.has("oneOf")) {
            int matches = 0;
            for (JsonNode sub : s.get("oneOf")) {
                matches += check(sub, v, path).isEmpty() ? 1 : 0;
            }
            if (matches != 1) {
                return fail(path, "matches " + matches + " schemas of oneOf, not exactly one");
            }
        }
        if (s.has("not") && check(s.get("not"), v, path).isEmpty()) {
            return fail(path, "matches the schema in not");
        }
        return Optional.empty();
    }

    private static boolean hasType(JsonNode v, String type) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            case "number" -> v.isNumber();
            case "integer" -> v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()));
            default -> true;
        };
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static String typeOf(JsonNode v) {
        if (v.isObject()) {
            return "object";
        }
        if (v.isArray()) {
            return "array";
        }
        if (v.isTextual()) {
            return "string";
        }
        if (v.isBoolean()) {
            return "boolean";
        }
        if (v.isNull()) {
            return "null";
        }
        return v.isIntegralNumber() ? "integer" : "number";
    }

    private static Optional<String> fail(String path, String problem) {
        return Optional.of(path + ": " + problem);
    }
}
