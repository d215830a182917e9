package io.github.finetune4j.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small validator for the JSON Schema subset used by the OpenAI and Together specs: {@code $ref}, {@code type}
 * (also as a list), {@code nullable}, {@code enum}, {@code const}, {@code required}, {@code properties},
 * {@code additionalProperties}, {@code items}, {@code anyOf}/{@code oneOf}/{@code allOf}, {@code minimum} and
 * {@code maximum} (with the 3.0-style boolean {@code exclusiveMinimum} the spec still has). Formats, string
 * lengths and patterns are not checked. It reads the Azure Swagger 2.0 specs too ({@code definitions}, responses
 * with a {@code schema}); their {@code $ref}s into files that are not stored (ARM's {@code common-types}) accept
 * anything.
 *
 * <p>The specs are the project's copies under {@code /spec/} of this module's resources (see its README). The
 * testkit checks the emulator's answers with it, the provider modules the requests they send.
 */
public final class SpecSchemas {

    private final JsonNode spec;
    private final boolean externalRefsAcceptAnything;

    private SpecSchemas(JsonNode spec, boolean externalRefsAcceptAnything) {
        this.spec = spec;
        this.externalRefsAcceptAnything = externalRefsAcceptAnything;
    }

    /**
     * Loads the OpenAI spec subset.
     *
     * @return the schemas
     */
    public static SpecSchemas load() {
        return loadYaml("openai-finetuning-openapi.yaml");
    }

    /**
     * Loads an OpenAPI YAML spec from {@code /spec/}.
     *
     * @param resource the file name, e.g. {@code together-finetuning-openapi.yaml}
     * @return the schemas
     */
    public static SpecSchemas loadYaml(String resource) {
        try (InputStream in = SpecSchemas.class.getResourceAsStream("/spec/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no spec " + resource);
            }
            return new SpecSchemas(new ObjectMapper(new YAMLFactory()).readTree(in), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The schema of an operation's JSON request body.
     *
     * @param path the spec's path template, e.g. {@code /fine-tunes}
     * @param method the lower-case method, e.g. {@code post}
     * @return the schema
     * @throws IllegalArgumentException if the operation has no JSON request body
     */
    public JsonNode requestSchema(String path, String method) {
        JsonNode schema = spec.path("paths").path(path).path(method).path("requestBody").path("content")
                .path("application/json").path("schema");
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException("no JSON request body for " + method + " " + path);
        }
        return schema;
    }

    /**
     * Loads a Swagger 2.0 JSON spec from {@code /spec/}.
     *
     * @param resource the file name, e.g. {@code azure-openai-authoring-2024-10-21.json}
     * @return the schemas
     */
    public static SpecSchemas loadSwagger(String resource) {
        try (InputStream in = SpecSchemas.class.getResourceAsStream("/spec/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no spec " + resource);
            }
            return new SpecSchemas(new ObjectMapper().readTree(in), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The schema of a Swagger 2.0 operation's response.
     *
     * @param path the path template, e.g. {@code /files}
     * @param method the lower-case method
     * @param status the status, e.g. {@code 201}
     * @return the schema
     * @throws IllegalArgumentException if there is none
     */
    public JsonNode swaggerResponseSchema(String path, String method, String status) {
        JsonNode schema = spec.path("paths").path(path).path(method).path("responses").path(status).path("schema");
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException("no " + status + " schema for " + method + " " + path);
        }
        return schema;
    }

    /**
     * A Swagger 2.0 definition.
     *
     * @param name e.g. {@code FineTuningJob}
     * @return the schema
     * @throws IllegalArgumentException if there is none
     */
    public JsonNode definition(String name) {
        JsonNode schema = spec.path("definitions").path(name);
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException("no definition " + name);
        }
        return schema;
    }

    /**
     * The schema of an operation's 200 JSON response.
     *
     * @param path the path template, e.g. {@code /fine_tuning/jobs}
     * @param method the lower-case method
     * @return the schema
     * @throws IllegalArgumentException if there is none
     */
    public JsonNode responseSchema(String path, String method) {
        JsonNode schema = spec.path("paths").path(path).path(method).path("responses").path("200")
                .path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException("no 200 JSON response for " + method + " " + path);
        }
        return schema;
    }

    /**
     * The operation of an OpenAPI spec, for checking a request's path, query parameters and body.
     *
     * @param path the path template, e.g. {@code /fine-tunes/{id}/cancel}
     * @param method the lower-case method
     * @return the operation object, or a missing node when the spec has no such operation
     */
    public JsonNode operation(String path, String method) {
        return spec.path("paths").path(path).path(method);
    }

    /**
     * The path templates of an OpenAPI spec.
     *
     * @return e.g. {@code /fine-tunes/{id}}, in the spec's order
     */
    public List<String> paths() {
        List<String> paths = new ArrayList<>();
        spec.path("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }

    /**
     * A component schema of an OpenAPI spec.
     *
     * @param name e.g. {@code FileResponse}
     * @return the schema
     * @throws IllegalArgumentException if there is none
     */
    public JsonNode component(String name) {
        JsonNode schema = spec.path("components").path("schemas").path(name);
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException("no schema " + name);
        }
        return schema;
    }

    /**
     * Validates a value.
     *
     * @param value the JSON value
     * @param schema the schema
     * @return the violations, as JSON-pointer-like paths with a reason; empty when valid
     */
    public List<String> validate(JsonNode value, JsonNode schema) {
        List<String> errors = new ArrayList<>();
        check(value, schema, "$", errors);
        return errors;
    }

    private void check(JsonNode value, JsonNode schema, String at, List<String> errors) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith("#/") && externalRefsAcceptAnything) {
                return;
            }
            check(value, resolve(ref), at, errors);
            return;
        }
        if (schema.has("allOf")) {
            // OpenAPI 3.0 idiom: allOf [ {$ref X}, {nullable: true} ] means "X or null".
            boolean nullable = false;
            for (JsonNode member : schema.get("allOf")) {
                nullable |= member.path("nullable").asBoolean(false);
            }
            if (value.isNull() && nullable) {
                return;
            }
            schema.get("allOf").forEach(s -> check(value, s, at, errors));
        }
        if (schema.has("anyOf") && countValid(value, schema.get("anyOf"), at) == 0) {
            errors.add(at + ": matches none of anyOf");
        }
        if (schema.has("oneOf") && countValid(value, schema.get("oneOf"), at) != 1) {
            errors.add(at + ": does not match exactly one of oneOf");
        }
        if (value.isNull()) {
            if (schema.has("type") && !typeAllows(schema, "null") && !schema.path("nullable").asBoolean(false)) {
                errors.add(at + ": null not allowed");
            }
            return;
        }
        if (schema.has("type") && !matchesType(value, schema.get("type"))) {
            errors.add(at + ": expected type " + schema.get("type") + " but was " + value.getNodeType());
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            errors.add(at + ": " + value + " is not the constant " + schema.get("const"));
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode option : schema.get("enum")) {
                found |= option.equals(value);
            }
            if (!found) {
                errors.add(at + ": " + value + " not in enum " + schema.get("enum"));
            }
        }
        if (value.isNumber()) {
            checkRange(value, schema, at, errors);
        }
        if (value.isObject()) {
            checkObject(value, schema, at, errors);
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), at + "[" + i + "]", errors);
            }
        }
    }

    private void checkObject(JsonNode value, JsonNode schema, String at, List<String> errors) {
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                errors.add(at + ": missing required property " + required.asText());
            }
        }
        JsonNode properties = schema.path("properties");
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String childAt = at + "." + field.getKey();
            if (properties.has(field.getKey())) {
                check(field.getValue(), properties.get(field.getKey()), childAt, errors);
            } else if (schema.has("additionalProperties")) {
                JsonNode additional = schema.get("additionalProperties");
                if (additional.isBoolean() && !additional.asBoolean()) {
                    errors.add(at + ": property " + field.getKey() + " not allowed");
                } else if (additional.isObject()) {
                    check(field.getValue(), additional, childAt, errors);
                }
            }
        }
    }

    private static void checkRange(JsonNode value, JsonNode schema, String at, List<String> errors) {
        double number = value.asDouble();
        if (schema.has("minimum")) {
            double min = schema.get("minimum").asDouble();
            boolean exclusive = schema.path("exclusiveMinimum").asBoolean(false);
            if (exclusive ? number <= min : number < min) {
                errors.add(at + ": " + number + " below minimum " + min);
            }
        }
        if (schema.has("maximum") && number > schema.get("maximum").asDouble()) {
            errors.add(at + ": " + number + " above maximum " + schema.get("maximum"));
        }
    }

    private int countValid(JsonNode value, JsonNode options, String at) {
        int valid = 0;
        for (JsonNode option : options) {
            List<String> errors = new ArrayList<>();
            check(value, option, at, errors);
            if (errors.isEmpty()) {
                valid++;
            }
        }
        return valid;
    }

    private static boolean typeAllows(JsonNode schema, String type) {
        JsonNode declared = schema.get("type");
        if (declared.isArray()) {
            for (JsonNode t : declared) {
                if (t.asText().equals(type)) {
                    return true;
                }
            }
            return false;
        }
        return declared.asText().equals(type);
    }

    private static boolean matchesType(JsonNode value, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (matchesType(value, t)) {
                    return true;
                }
            }
            return false;
        }
        switch (type.asText()) {
            case "string":
                return value.isTextual();
            case "integer":
                return value.isIntegralNumber();
            case "number":
                return value.isNumber();
            case "boolean":
                return value.isBoolean();
            case "object":
                return value.isObject();
            case "array":
                return value.isArray();
            case "null":
                return value.isNull();
            default:
                throw new IllegalArgumentException("unknown type " + type);
        }
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("external $ref " + ref);
        }
        JsonNode node = spec;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part.replace("~1", "/").replace("~0", "~"));
        }
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("dangling $ref " + ref);
        }
        return node;
    }
}
