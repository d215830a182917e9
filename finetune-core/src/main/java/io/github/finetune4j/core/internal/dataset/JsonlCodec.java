package io.github.finetune4j.core.internal.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.Example;
import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.core.model.PreferenceExample;
import io.github.finetune4j.core.model.Role;
import io.github.finetune4j.core.model.Severity;
import io.github.finetune4j.core.model.ToolCall;
import io.github.finetune4j.core.model.ToolDefinition;
import io.github.finetune4j.core.model.TrainingRecord;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Converts training records to and from the providers' JSONL line format. */
public final class JsonlCodec {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonlCodec() {
    }

    /**
     * One record as a JSON line (without the newline).
     *
     * @param record the record
     * @return the compact JSON text
     */
    public static String toLine(TrainingRecord record) {
        try {
            return MAPPER.writeValueAsString(toJson(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a training record", e);
        }
    }

    /**
     * One record as a JSON tree.
     *
     * @param record the record
     * @return the tree
     */
    public static ObjectNode toJson(TrainingRecord record) {
        ObjectNode root = MAPPER.createObjectNode();
        if (record instanceof Example) {
            Example example = (Example) record;
            ArrayNode messages = root.putArray("messages");
            example.messages().forEach(m -> messages.add(messageJson(m)));
            if (!example.tools().isEmpty()) {
                ArrayNode tools = root.putArray("tools");
                example.tools().forEach(t -> tools.add(toolJson(t)));
            }
            example.parallelToolCalls().ifPresent(p -> root.put("parallel_tool_calls", p));
        } else {
            PreferenceExample pair = (PreferenceExample) record;
            ArrayNode input = root.putObject("input").putArray("messages");
            pair.input().forEach(m -> input.add(messageJson(m)));
            root.putArray("preferred_output").add(messageJson(pair.preferred()));
            root.putArray("non_preferred_output").add(messageJson(pair.nonPreferred()));
        }
        return root;
    }

    /**
     * One message as the chat wire format.
     *
     * @param message the message
     * @return the tree
     */
    public static ObjectNode messageJson(Message message) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("role", message.role().wireName());
        message.content().ifPresent(c -> node.put("content", c));
        message.name().ifPresent(n -> node.put("name", n));
        if (!message.toolCalls().isEmpty()) {
            ArrayNode calls = node.putArray("tool_calls");
            for (ToolCall call : message.toolCalls()) {
                ObjectNode c = calls.addObject();
                c.put("id", call.id());
                c.put("type", "function");
                ObjectNode f = c.putObject("function");
                f.put("name", call.functionName());
                f.put("arguments", call.arguments());
            }
        }
        message.toolCallId().ifPresent(id -> node.put("tool_call_id", id));
        message.weight().ifPresent(w -> node.put("weight", w));
        return node;
    }

    private static ObjectNode toolJson(ToolDefinition tool) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", "function");
        ObjectNode f = node.putObject("function");
        f.put("name", tool.name());
        tool.description().ifPresent(d -> f.put("description", d));
        tool.parametersSchema().ifPresent(p -> {
            try {
                f.set("parameters", MAPPER.readTree(p));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("tool " + tool.name() + ": parameters schema is not valid JSON", e);
            }
        });
        return node;
    }

    /**
     * Reads one line's JSON tree into a record.
     *
     * @param node the parsed line
     * @param source the file name for issues
     * @param line the 1-based line number
     * @return the record
     * @throws LineException with the issue if the line is not a valid record
     */
    public static TrainingRecord fromJson(JsonNode node, String source, long line) {
        Reader r = new Reader(source, line);
        if (!node.isObject()) {
            throw r.fail("", "data_type", "line is not a JSON object");
        }
        if (node.has("messages")) {
            return r.example(node);
        }
        if (node.has("input") || node.has("preferred_output")) {
            return r.preference(node);
        }
        throw r.fail("messages", "missing_messages_list", "line has neither \"messages\" nor a DPO \"input\"");
    }

    /** A line that is not a valid record; carries the issue. */
    public static final class LineException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient DatasetIssue issue;

        LineException(DatasetIssue issue) {
            super(issue.toString(), null, false, false);
            this.issue = issue;
        }

        /**
         * The issue.
         *
         * @return the issue
         */
        public DatasetIssue issue() {
            return issue;
        }
    }

    private static final class Reader {
        private final String source;
        private final long line;

        Reader(String source, long line) {
            this.source = source;
            this.line = line;
        }

        LineException fail(String field, String code, String message) {
            return new LineException(new DatasetIssue(source, line, field, code, Severity.ERROR, message));
        }

        Example example(JsonNode node) {
            List<Message> messages = messages(node.get("messages"), "messages");
            List<ToolDefinition> tools = new ArrayList<>();
            JsonNode toolsNode = node.get("tools");
            if (toolsNode != null && !toolsNode.isNull()) {
                if (!toolsNode.isArray()) {
                    throw fail("tools", "tools_type", "\"tools\" must be an array");
                }
                for (int i = 0; i < toolsNode.size(); i++) {
                    tools.add(tool(toolsNode.get(i), "tools[" + i + "]"));
                }
            }
            JsonNode parallel = node.get("parallel_tool_calls");
            Optional<Boolean> parallelCalls = parallel != null && parallel.isBoolean()
                    ? Optional.of(parallel.booleanValue()) : Optional.empty();
            return new Example(messages, tools, parallelCalls);
        }

        PreferenceExample preference(JsonNode node) {
            JsonNode input = node.get("input");
            if (input == null || !input.isObject()) {
                throw fail("input", "dpo_missing_input", "DPO line needs an \"input\" object with \"messages\"");
            }
            List<Message> messages = messages(input.get("messages"), "input.messages");
            Message preferred = singleAssistant(node.get("preferred_output"), "preferred_output");
            Message nonPreferred = singleAssistant(node.get("non_preferred_output"), "non_preferred_output");
            return new PreferenceExample(messages, preferred, nonPreferred);
        }

        private Message singleAssistant(JsonNode node, String field) {
            if (node == null || !node.isArray() || node.size() != 1) {
                throw fail(field, "dpo_output_shape", "\"" + field + "\" must be an array of exactly one assistant message");
            }
            Message m = message(node.get(0), field + "[0]");
            if (m.role() != Role.ASSISTANT) {
                throw fail(field + "[0].role", "dpo_output_role", "\"" + field + "\" must hold an assistant message");
            }
            return m;
        }

        private List<Message> messages(JsonNode node, String field) {
            if (node == null || !node.isArray() || node.isEmpty()) {
                throw fail(field, "missing_messages_list", "\"" + field + "\" must be a non-empty array");
            }
            List<Message> result = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                result.add(message(node.get(i), field + "[" + i + "]"));
            }
            return result;
        }

        private Message message(JsonNode node, String field) {
            if (node == null || !node.isObject()) {
                throw fail(field, "data_type", "message must be a JSON object");
            }
            JsonNode roleNode = node.get("role");
            if (roleNode == null || !roleNode.isTextual()) {
                throw fail(field + ".role", "message_missing_key", "message has no \"role\"");
            }
            Role role = Role.parse(roleNode.textValue()).orElseThrow(() -> fail(field + ".role", "unrecognized_role",
                    "unknown role \"" + roleNode.textValue() + "\" (system, user, assistant or tool)"));
            JsonNode contentNode = node.get("content");
            Optional<String> content;
            if (contentNode == null || contentNode.isNull()) {
                content = Optional.empty();
            } else if (contentNode.isTextual()) {
                content = Optional.of(contentNode.textValue());
            } else if (contentNode.isArray()) {
                content = Optional.of(textOfParts(contentNode, field));
            } else {
                throw fail(field + ".content", "missing_content", "\"content\" must be a string");
            }
            List<ToolCall> calls = new ArrayList<>();
            JsonNode callsNode = node.get("tool_calls");
            if (callsNode != null && !callsNode.isNull()) {
                if (!callsNode.isArray()) {
                    throw fail(field + ".tool_calls", "tool_calls_type", "\"tool_calls\" must be an array");
                }
                for (int i = 0; i < callsNode.size(); i++) {
                    calls.add(toolCall(callsNode.get(i), field + ".tool_calls[" + i + "]"));
                }
            }
            if (content.isEmpty() && calls.isEmpty()) {
                throw fail(field + ".content", "missing_content", "message has no content");
            }
            Optional<Integer> weight = Optional.empty();
            JsonNode weightNode = node.get("weight");
            if (weightNode != null && !weightNode.isNull()) {
                if (!weightNode.isIntegralNumber() || (weightNode.intValue() != 0 && weightNode.intValue() != 1)) {
                    throw fail(field + ".weight", "invalid_weight", "\"weight\" must be 0 or 1");
                }
                if (role != Role.ASSISTANT) {
                    throw fail(field + ".weight", "invalid_weight", "\"weight\" is only allowed on assistant messages");
                }
                weight = Optional.of(weightNode.intValue());
            }
            Optional<String> name = text(node, "name");
            Optional<String> toolCallId = text(node, "tool_call_id");
            if (role == Role.TOOL && toolCallId.isEmpty()) {
                throw fail(field + ".tool_call_id", "message_missing_key", "tool message has no \"tool_call_id\"");
            }
            return new Message(role, content, name, weight, calls, toolCallId);
        }

        private String textOfParts(JsonNode parts, String field) {
            StringBuilder sb = new StringBuilder();
            for (Iterator<JsonNode> it = parts.elements(); it.hasNext(); ) {
                JsonNode part = it.next();
                JsonNode text = part.get("text");
                if (text != null && text.isTextual()) {
                    sb.append(text.textValue());
                } else if (!part.has("image_url")) {
                    throw fail(field + ".content", "missing_content", "content part has neither text nor image_url");
                }
            }
            return sb.toString();
        }

        private ToolCall toolCall(JsonNode node, String field) {
            JsonNode function = node == null ? null : node.get("function");
            Optional<String> id = node == null ? Optional.empty() : text(node, "id");
            if (id.isEmpty() || function == null || !function.isObject()) {
                throw fail(field, "tool_call_shape", "tool call needs \"id\" and a \"function\" object");
            }
            Optional<String> fname = text(function, "name");
            Optional<String> args = text(function, "arguments");
            if (fname.isEmpty() || args.isEmpty()) {
                throw fail(field + ".function", "tool_call_shape",
                        "function call needs \"name\" and \"arguments\" (a JSON string)");
            }
            return new ToolCall(id.get(), fname.get(), args.get());
        }

        private ToolDefinition tool(JsonNode node, String field) {
            JsonNode function = node == null ? null : node.get("function");
            if (function == null || !function.isObject() || text(function, "name").isEmpty()) {
                throw fail(field, "tool_shape", "tool needs a \"function\" object with a \"name\"");
            }
            String name = text(function, "name").get();
            if (!name.matches("[a-zA-Z0-9_-]{1,64}")) {
                throw fail(field + ".function.name", "tool_name", "tool name must match [a-zA-Z0-9_-]{1,64}");
            }
            JsonNode params = function.get("parameters");
            return new ToolDefinition(name, text(function, "description"),
                    params == null || params.isNull() ? Optional.empty() : Optional.of(params.toString()));
        }

        private static Optional<String> text(JsonNode node, String key) {
            JsonNode v = node.get(key);
            return v != null && v.isTextual() ? Optional.of(v.textValue()) : Optional.empty();
        }
    }
}
