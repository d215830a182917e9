package io.github.finetune4j.core.internal.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

import static io.github.finetune4j.core.internal.preflight.Names.quote;
import static io.github.finetune4j.core.internal.preflight.Names.type;

/**
 * Checks an assistant message's {@code tool_calls} (and legacy {@code function_call}): ids present and unique,
 * functions declared, arguments a string holding valid JSON. Counts the name and arguments of each call.
 */
final class ToolCallChecker {
    private final JsonReaders json;

    ToolCallChecker(JsonReaders json) {
        this.json = json;
    }

    int toolCalls(ObjectNode m, String field, ExampleState st, LineContext ctx) {
        JsonNode calls = m.get("tool_calls");
        if (calls == null || calls.isNull()) {
            return 0;
        }
        String f = field + ".tool_calls";
        if (!calls.isArray()) {
            ctx.error(f, "invalid_tool_call", "\"tool_calls\" must be an array, not " + type(calls));
            return 0;
        }
        int tokens = 0;
        for (int j = 0; j < calls.size(); j++) {
            String cf = f + "[" + j + "]";
            JsonNode call = calls.get(j);
            if (!call.isObject()) {
                ctx.error(cf, "invalid_tool_call", "tool call must be an object, not " + type(call));
                continue;
            }
            JsonNode id = call.get("id");
            if (id == null || !id.isTextual() || id.textValue().isEmpty()) {
                ctx.error(cf + ".id", "invalid_tool_call", "tool call needs a string \"id\"");
            } else {
                if (!st.callIds.add(id.textValue())) {
                    ctx.error(cf + ".id", "tool_call_id_duplicate", "tool call id " + quote(id.textValue())
                            + " is used twice in this example");
                }
                st.openCalls.add(id.textValue());
            }
            JsonNode type = call.get("type");
            if (type != null && !"function".equals(type.textValue())) {
                ctx.error(cf + ".type", "invalid_tool_call", "tool call \"type\" must be \"function\"");
            }
            JsonNode fn = call.get("function");
            if (fn == null || !fn.isObject()) {
                ctx.error(cf + ".function", "invalid_tool_call", "tool call needs a \"function\" object");
                continue;
            }
            tokens += function((ObjectNode) fn, cf + ".function", st.declaredTools, "tools", ctx);
        }
        return tokens;
    }

    int functionCall(ObjectNode m, String field, ExampleState st, LineContext ctx) {
        JsonNode fc = m.get("function_call");
        if (fc == null || fc.isNull()) {
            return 0;
        }
        if (!fc.isObject()) {
            ctx.error(field + ".function_call", "invalid_tool_call", "\"function_call\" must be an object");
            return 0;
        }
        return function((ObjectNode) fc, field + ".function_call", st.declaredFunctions, "functions", ctx);
    }

    private int function(ObjectNode fn, String f, Set<String> declared, String declaredIn, LineContext ctx) {
        int tokens = 0;
        JsonNode name = fn.get("name");
        if (name == null || !name.isTextual() || name.textValue().isEmpty()) {
            ctx.error(f + ".name", "invalid_tool_call", "function call needs a string \"name\"");
        } else {
            tokens += ctx.plain(name.textValue(), f + ".name");
            if (declared == null) {
                ctx.error(f + ".name", "undeclared_function", "calls function " + quote(name.textValue())
                        + " but the example declares no \"" + declaredIn + "\"");
            } else if (!declared.contains(name.textValue())) {
                ctx.error(f + ".name", "undeclared_function", "calls function " + quote(name.textValue())
                        + ", which is not declared in \"" + declaredIn + "\"");
            }
        }
        JsonNode args = fn.get("arguments");
        if (args == null || args.isNull()) {
            ctx.error(f + ".arguments", "invalid_tool_call", "function call needs \"arguments\"");
        } else if (!args.isTextual()) {
            ctx.error(f + ".arguments", "tool_arguments_not_string",
                    "\"arguments\" must be a string holding JSON, not " + type(args));
        } else {
            String raw = args.textValue();
            tokens += ctx.text(fn, "arguments", f + ".arguments");
            if (!json.isValid(raw)) {
                ctx.error(f + ".arguments", "tool_arguments_invalid_json", "\"arguments\" is not valid JSON");
            }
        }
        return tokens;
    }
}
