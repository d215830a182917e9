package io.github.finetune4j.core.internal.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.Set;

import static io.github.finetune4j.core.internal.preflight.Names.quote;
import static io.github.finetune4j.core.internal.preflight.Names.type;

/**
 * Checks an example's {@code tools} (and legacy {@code functions}) and records the declared function names. The
 * definitions are counted as the tokens of their compact JSON, an approximation of the hidden prompt the provider
 * renders them into.
 */
final class ToolDeclarations {
    private ToolDeclarations() {
    }

    /**
     * Checks {@code owner.tools}, {@code owner.functions} and {@code owner.parallel_tool_calls}.
     *
     * @param owner the line, or the DPO {@code input} object
     * @param prefix the owner's path with a trailing dot, or empty
     * @return the tokens of the definitions
     */
    static int check(ObjectNode owner, String prefix, ExampleState st, LineContext ctx) {
        int tokens = 0;
        JsonNode tools = owner.get("tools");
        if (tools != null && !tools.isNull()) {
            st.declaredTools = new HashSet<>();
            tokens += declarations(tools, prefix + "tools", true, st.declaredTools, ctx);
        }
        JsonNode functions = owner.get("functions");
        if (functions != null && !functions.isNull()) {
            st.declaredFunctions = new HashSet<>();
            tokens += declarations(functions, prefix + "functions", false, st.declaredFunctions, ctx);
        }
        JsonNode parallel = owner.get("parallel_tool_calls");
        if (parallel != null && !parallel.isNull() && !parallel.isBoolean()) {
            ctx.error(prefix + "parallel_tool_calls", "invalid_value",
                    "\"parallel_tool_calls\" must be true or false, not " + type(parallel));
        }
        return tokens;
    }

    private static int declarations(JsonNode list, String field, boolean wrapped, Set<String> names, LineContext ctx) {
        if (!list.isArray()) {
            ctx.error(field, "invalid_tool_definition", "\"" + field + "\" must be an array, not " + type(list));
            return 0;
        }
        for (int i = 0; i < list.size(); i++) {
            String f = field + "[" + i + "]";
            JsonNode item = list.get(i);
            if (!item.isObject()) {
                ctx.error(f, "invalid_tool_definition", "a tool definition must be an object, not " + type(item));
                continue;
            }
            JsonNode fn = item;
            if (wrapped) {
                JsonNode t = item.get("type");
                if (t == null || !"function".equals(t.textValue())) {
                    ctx.error(f + ".type", "invalid_tool_definition", "tool \"type\" must be \"function\"");
                }
                fn = item.get("function");
                f = f + ".function";
                if (fn == null || !fn.isObject()) {
                    ctx.error(f, "invalid_tool_definition", "a tool needs a \"function\" object");
                    continue;
                }
            }
            JsonNode name = fn.get("name");
            if (name == null || !name.isTextual()) {
                ctx.error(f + ".name", "invalid_tool_definition", "a function needs a string \"name\"");
            } else {
                if (!Names.validFunctionName(name.textValue())) {
                    ctx.error(f + ".name", "invalid_tool_name", "function name " + quote(name.textValue())
                            + " must be 1 to 64 characters of a-z, A-Z, 0-9, _ and -");
                }
                if (!names.add(name.textValue())) {
                    ctx.error(f + ".name", "invalid_tool_definition", "function " + quote(name.textValue())
                            + " is declared twice");
                }
            }
            JsonNode params = fn.get("parameters");
            if (params != null && !params.isNull() && !params.isObject()) {
                ctx.error(f + ".parameters", "invalid_tool_definition",
                        "\"parameters\" must be a JSON Schema object, not " + type(params));
            }
        }
        return ctx.plain(list.toString(), field);
    }
}
