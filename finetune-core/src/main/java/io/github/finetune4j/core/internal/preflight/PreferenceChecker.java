package io.github.finetune4j.core.internal.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Set;

import static io.github.finetune4j.core.internal.preflight.Names.quote;
import static io.github.finetune4j.core.internal.preflight.Names.type;

/**
 * Checks a DPO line: {@code input.messages} ending with a user turn, and {@code preferred_output} and
 * {@code non_preferred_output} holding exactly one assistant message each. Tokens: the input messages and both
 * outputs with the cookbook formula; assistant tokens: the content of both outputs.
 */
final class PreferenceChecker {
    private static final Set<String> TOP_KEYS = Set.of("input", "preferred_output", "non_preferred_output");
    private static final Set<String> INPUT_KEYS = Set.of("messages", "tools", "parallel_tool_calls");

    private final MessageChecker messages;

    PreferenceChecker(MessageChecker messages) {
        this.messages = messages;
    }

    void check(ObjectNode root, LineContext ctx) {
        unknownKeys(root, TOP_KEYS, "", ctx);
        ExampleState st = new ExampleState();
        int tokens = 0;
        int count = 0;
        JsonNode input = root.get("input");
        if (input == null || !input.isObject()) {
            ctx.error("input", "dpo_missing_input", "a preference line needs an \"input\" object with \"messages\"");
        } else {
            ObjectNode in = (ObjectNode) input;
            unknownKeys(in, INPUT_KEYS, "input.", ctx);
            tokens += ToolDeclarations.check(in, "input.", st, ctx);
            JsonNode list = in.get("messages");
            if (list == null || list.isNull() || !list.isArray() || list.isEmpty()) {
                ctx.error("input.messages", "missing_messages_list", "\"input.messages\" must be a non-empty array");
            } else {
                for (int i = 0; i < list.size(); i++) {
                    tokens += messages.check(list.get(i), "input.messages[" + i + "]", st, ctx, true);
                }
                count = list.size();
                if (!"user".equals(st.lastRole)) {
                    ctx.error("input.messages", "dpo_not_single_turn", "the input must end with a user message: a"
                            + " preference pair trains the single assistant turn that answers it");
                }
            }
        }
        ExampleState outputs = st.sharingDeclarations();
        tokens += output(root, "preferred_output", outputs, ctx);
        tokens += output(root, "non_preferred_output", outputs, ctx);
        tokens += ctx.template.example(st.hasSystem, ctx);
        JsonNode preferred = root.path("preferred_output").path(0);
        JsonNode other = root.path("non_preferred_output").path(0);
        if (preferred.isObject() && preferred.equals(other)) {
            ctx.warning("non_preferred_output", "dpo_outputs_identical",
                    "the preferred and the non-preferred output are the same");
        }
        ctx.counted = true;
        ctx.tokens = tokens;
        ctx.assistantTokens = outputs.assistantTokens;
        ctx.messages = count;
    }

    private int output(ObjectNode root, String key, ExampleState st, LineContext ctx) {
        JsonNode out = root.get(key);
        if (out == null || !out.isArray() || out.size() != 1) {
            ctx.error(key, "dpo_output_shape", "\"" + key + "\" must be an array holding exactly one assistant message"
                    + (out == null ? "" : ", not " + (out.isArray() ? out.size() + " items" : type(out))));
            return 0;
        }
        JsonNode m = out.get(0);
        JsonNode role = m.get("role");
        if (m.isObject() && role != null && role.isTextual() && !"assistant".equals(role.textValue())) {
            ctx.error(key + "[0].role", "dpo_output_role", "\"" + key + "\" must hold an assistant message, not "
                    + quote(role.textValue()));
            return 0;
        }
        return messages.check(m, key + "[0]", st, ctx, false);
    }

    private static void unknownKeys(ObjectNode node, Set<String> allowed, String prefix, LineContext ctx) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                ctx.warning(prefix + key, "unrecognized_key", "key " + quote(key)
                        + " is not part of the preference training format");
            }
        }
    }
}
