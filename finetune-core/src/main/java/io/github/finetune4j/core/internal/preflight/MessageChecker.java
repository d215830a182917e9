package io.github.finetune4j.core.internal.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import static io.github.finetune4j.core.internal.preflight.Names.quote;
import static io.github.finetune4j.core.internal.preflight.Names.type;

/**
 * Checks one chat message and counts its tokens: the chat template's overhead for the role (the cookbook's formula:
 * 3 plus the tokens of the role), plus the tokens of every string value (content parts, tool calls and legacy
 * function calls by their text, name and arguments), plus the template's extra for a {@code name}.
 */
final class MessageChecker {
    static final Set<String> CHAT_ROLES = Set.of("system", "user", "assistant", "tool", "function");
    private static final Map<String, Set<String>> KEYS = Map.of(
            "system", Set.of("role", "content", "name"),
            "user", Set.of("role", "content", "name"),
            "assistant", Set.of("role", "content", "name", "weight", "tool_calls", "function_call", "refusal"),
            "tool", Set.of("role", "content", "tool_call_id"),
            "function", Set.of("role", "content", "name"));
    private static final Set<String> ANY_KEYS = Set.of("role", "content", "name", "weight", "tool_calls",
            "function_call", "refusal", "tool_call_id");
    private static final int MAX_IMAGES = 10;

    private final ToolCallChecker calls;

    MessageChecker(JsonReaders json) {
        this.calls = new ToolCallChecker(json);
    }

    /**
     * Checks a message.
     *
     * @param node the message
     * @param field its path, for example {@code messages[2]}
     * @param st the example's shared state
     * @param ctx the line
     * @param allowWeight whether {@code weight} is allowed on assistant messages here
     * @return the message's tokens
     */
    int check(JsonNode node, String field, ExampleState st, LineContext ctx, boolean allowWeight) {
        if (!node.isObject()) {
            ctx.error(field, "data_type", "message must be a JSON object, not " + type(node));
            return 0;
        }
        ObjectNode m = (ObjectNode) node;
        String role = null;
        JsonNode roleNode = m.get("role");
        int tokens = ctx.template.message(roleNode != null && roleNode.isTextual() ? roleNode.textValue() : "", ctx,
                field + ".role");
        if (roleNode == null) {
            ctx.error(field + ".role", "message_missing_key", "message has no \"role\"");
        } else if (!roleNode.isTextual()) {
            ctx.error(field + ".role", "unrecognized_role", "\"role\" must be a string, not " + type(roleNode));
        } else {
            if (CHAT_ROLES.contains(roleNode.textValue())) {
                role = roleNode.textValue();
            } else {
                ctx.error(field + ".role", "unrecognized_role", "unknown role " + quote(roleNode.textValue())
                        + " (system, user, assistant, tool or function)");
            }
        }
        Set<String> allowed = role == null ? ANY_KEYS : KEYS.get(role);
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            boolean weightHere = "weight".equals(key) && !allowWeight;
            if (!allowed.contains(key) || weightHere) {
                ctx.error(field + "." + key, "message_unrecognized_key", "key " + quote(key) + " is not allowed in "
                        + (role == null ? "a message" : "a" + ("assistant".equals(role) ? "n " : " ") + role
                        + " message"));
                if (e.getValue().isTextual()) {
                    tokens += ctx.plain(e.getValue().textValue(), field + "." + key);
                }
            }
        }
        boolean assistant = "assistant".equals(role);
        int callTokens = assistant ? calls.toolCalls(m, field, st, ctx) + calls.functionCall(m, field, st, ctx) : 0;
        boolean hasAlternative = assistant && (hasItems(m.get("tool_calls")) || isSet(m.get("function_call"))
                || (m.get("refusal") != null && m.get("refusal").isTextual()));
        int contentTokens = content(m, role, field, hasAlternative, st, ctx);
        tokens += contentTokens + callTokens;
        tokens += name(m, role, field, ctx);
        tokens += refusal(m, field, ctx, allowed);
        tokens += toolCallId(m, role, field, st, ctx);
        if (assistant) {
            st.hasAssistant = true;
            st.assistantTokens += contentTokens;
            if (weight(m, field, ctx, allowWeight)) {
                st.hasTrainableAssistant = true;
            }
        } else if ("system".equals(role)) {
            st.hasSystem = true;
        } else if ("user".equals(role)) {
            st.hasUser = true;
        }
        st.lastRole = role;
        if (st.images > MAX_IMAGES) {
            ctx.error(field + ".content", "too_many_images", "an example may hold at most " + MAX_IMAGES + " images");
            st.images = Integer.MIN_VALUE;
        }
        return tokens;
    }

    private static boolean hasItems(JsonNode n) {
        return n != null && n.isArray() && !n.isEmpty();
    }

    private static boolean isSet(JsonNode n) {
        return n != null && !n.isNull();
    }

    private int content(ObjectNode m, String role, String field, boolean hasAlternative, ExampleState st,
                        LineContext ctx) {
        JsonNode c = m.get("content");
        String f = field + ".content";
        if (c == null) {
            if (!hasAlternative) {
                ctx.error(f, "message_missing_key", "message has no \"content\"");
            }
            return 0;
        }
        if (c.isNull()) {
            if (!hasAlternative && !"function".equals(role)) {
                ctx.error(f, "missing_content", "\"content\" is null");
            }
            return 0;
        }
        if (c.isTextual()) {
            if (c.textValue().isEmpty() && !hasAlternative) {
                ctx.error(f, "missing_content", "\"content\" is empty");
            }
            return ctx.text(m, "content", f);
        }
        if (c.isArray()) {
            if (c.isEmpty()) {
                if (!hasAlternative) {
                    ctx.error(f, "missing_content", "\"content\" is an empty array");
                }
                return 0;
            }
            return parts((ArrayNode) c, role, f, st, ctx);
        }
        ctx.error(f, "missing_content", "\"content\" must be a string or an array of content parts, not " + type(c));
        return 0;
    }

    private int parts(ArrayNode parts, String role, String f, ExampleState st, LineContext ctx) {
        int tokens = 0;
        for (int j = 0; j < parts.size(); j++) {
            String pf = f + "[" + j + "]";
            JsonNode part = parts.get(j);
            if (!part.isObject()) {
                ctx.error(pf, "invalid_content_part", "content part must be an object, not " + type(part));
                continue;
            }
            ObjectNode p = (ObjectNode) part;
            JsonNode typeNode = p.get("type");
            String partType = typeNode != null && typeNode.isTextual() ? typeNode.textValue() : null;
            if (partType == null) {
                ctx.error(pf + ".type", "invalid_content_part", "content part has no \"type\"");
            } else if ("text".equals(partType)) {
                tokens += textField(p, "text", pf, ctx);
            } else if ("refusal".equals(partType) && "assistant".equals(role)) {
                tokens += textField(p, "refusal", pf, ctx);
            } else if ("image_url".equals(partType)) {
                if (!"user".equals(role)) {
                    ctx.error(pf, "image_not_allowed", "images are only allowed in user messages");
                }
                JsonNode url = p.get("image_url");
                if (url == null || !url.isObject() || url.get("url") == null || !url.get("url").isTextual()) {
                    ctx.error(pf + ".image_url", "invalid_content_part",
                            "image part needs \"image_url\": {\"url\": ...}");
                }
                st.images++;
            } else {
                ctx.error(pf + ".type", "unsupported_content_part", "content parts of type " + quote(partType)
                        + " are not supported for fine-tuning");
            }
        }
        return tokens;
    }

    private static int textField(ObjectNode p, String key, String pf, LineContext ctx) {
        JsonNode t = p.get(key);
        if (t == null || !t.isTextual()) {
            ctx.error(pf + "." + key, "invalid_content_part", "a " + key + " part needs a string " + quote(key));
            return 0;
        }
        return ctx.text(p, key, pf + "." + key);
    }

    private static int name(ObjectNode m, String role, String field, LineContext ctx) {
        JsonNode n = m.get("name");
        if (n == null) {
            if ("function".equals(role)) {
                ctx.error(field + ".name", "message_missing_key", "function message has no \"name\"");
            }
            return 0;
        }
        if (!n.isTextual()) {
            ctx.error(field + ".name", "invalid_value", "\"name\" must be a string, not " + type(n));
            return ctx.template.name();
        }
        return ctx.text(m, "name", field + ".name") + ctx.template.name();
    }

    private static int refusal(ObjectNode m, String field, LineContext ctx, Set<String> allowed) {
        JsonNode r = m.get("refusal");
        if (r == null || r.isNull() || !allowed.contains("refusal")) {
            return 0;
        }
        if (!r.isTextual()) {
            ctx.error(field + ".refusal", "invalid_value", "\"refusal\" must be a string, not " + type(r));
            return 0;
        }
        return ctx.text(m, "refusal", field + ".refusal");
    }

    private static int toolCallId(ObjectNode m, String role, String field, ExampleState st, LineContext ctx) {
        JsonNode id = m.get("tool_call_id");
        if (!"tool".equals(role)) {
            return 0;
        }
        if (id == null || !id.isTextual() || id.textValue().isEmpty()) {
            ctx.error(field + ".tool_call_id", "tool_call_id_missing",
                    "tool message needs the \"tool_call_id\" of the call it answers");
            return 0;
        }
        if (!st.openCalls.remove(id.textValue())) {
            ctx.error(field + ".tool_call_id", "tool_call_id_unmatched", st.callIds.contains(id.textValue())
                    ? "answers tool call " + quote(id.textValue()) + ", which was already answered"
                    : "answers tool call " + quote(id.textValue()) + ", which no earlier assistant message made");
        }
        return ctx.plain(id.textValue(), field + ".tool_call_id");
    }

    private static boolean weight(ObjectNode m, String field, LineContext ctx, boolean allowWeight) {
        JsonNode w = m.get("weight");
        if (w == null || w.isNull() || !allowWeight) {
            return true;
        }
        if (!w.isIntegralNumber() || (w.longValue() != 0 && w.longValue() != 1)) {
            ctx.error(field + ".weight", "invalid_weight", "\"weight\" must be 0 or 1, not "
                    + (w.isNumber() ? w.asText() : type(w)));
            return true;
        }
        return w.longValue() == 1;
    }
}
