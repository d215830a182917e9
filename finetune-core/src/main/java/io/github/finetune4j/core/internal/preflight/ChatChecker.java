package io.github.finetune4j.core.internal.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Set;

import static io.github.finetune4j.core.internal.preflight.Names.quote;
import static io.github.finetune4j.core.internal.preflight.Names.type;

/** Checks a supervised (chat) line: {@code messages}, {@code tools}, {@code parallel_tool_calls}. */
final class ChatChecker {
    private static final Set<String> TOP_KEYS = Set.of("messages", "tools", "parallel_tool_calls", "functions");

    private final MessageChecker messages;

    ChatChecker(MessageChecker messages) {
        this.messages = messages;
    }

    void check(ObjectNode root, LineContext ctx) {
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!TOP_KEYS.contains(key)) {
                ctx.warning(key, "unrecognized_key", "key " + quote(key) + " is not part of the chat training format");
            }
        }
        JsonNode list = root.get("messages");
        if (list == null || list.isNull()) {
            ctx.error("messages", "missing_messages_list", "line has no \"messages\" list");
            return;
        }
        if (!list.isArray()) {
            ctx.error("messages", "missing_messages_list", "\"messages\" must be an array, not " + type(list));
            return;
        }
        if (list.isEmpty()) {
            ctx.error("messages", "missing_messages_list", "\"messages\" is empty");
            return;
        }
        ExampleState st = new ExampleState();
        int tokens = ToolDeclarations.check(root, "", st, ctx);
        for (int i = 0; i < list.size(); i++) {
            tokens += messages.check(list.get(i), "messages[" + i + "]", st, ctx, true);
        }
        tokens += ctx.template.example(st.hasSystem, ctx);
        if (!st.hasAssistant) {
            ctx.error("messages", "example_missing_assistant_message",
                    "example has no assistant message to learn from");
        } else if (!st.hasTrainableAssistant) {
            ctx.error("messages", "assistant_weights_all_zero",
                    "every assistant message has weight 0, so there is nothing to train on");
        }
        if (!st.hasSystem) {
            ctx.warning("messages", "missing_system_message", "example has no system message");
        }
        if (!st.hasUser) {
            ctx.warning("messages", "missing_user_message", "example has no user message");
        }
        ctx.counted = true;
        ctx.tokens = tokens;
        ctx.assistantTokens = st.assistantTokens;
        ctx.messages = list.size();
    }
}
