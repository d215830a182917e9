package io.github.finetune4j.testkit.internal.together;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.testkit.internal.blob.Blob;
import io.github.finetune4j.testkit.internal.state.JobError;
import io.github.finetune4j.testkit.internal.state.JsonlLines;
import io.github.finetune4j.testkit.internal.state.TrainingData;
import io.github.finetune4j.testkit.internal.state.TrainingFileValidator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Together's check of an uploaded JSONL file, as the service runs it after an upload: UTF-8, every line a JSON
 * object in one of the four formats (conversational {@code messages}, instruction {@code prompt}/{@code completion},
 * generic {@code text}, preference {@code input}/{@code preferred_output}/{@code non_preferred_output}), the same
 * format on every line, messages with a known role and content, at least one assistant turn, and at least one
 * sample. The first problem makes the file {@code INVALID_FORMAT}, with the line in the report's {@code error}.
 */
final class TogetherDataCheck {

    /** The format of a file that was not checked line by line (Parquet, CSV). */
    static final String UNCHECKED = "unchecked";

    private static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");

    /**
     * The outcome of the check.
     *
     * @param valid whether the file can be trained on
     * @param format {@code conversational}, {@code instruction}, {@code generic}, {@code preference} or
     *     {@value #UNCHECKED}; null when invalid before a format was seen
     * @param lines the number of non-blank lines
     * @param error why it is invalid, or null
     * @param data the pairs and token estimate for training, or null when invalid
     */
    record Report(boolean valid, String format, int lines, String error, TrainingData data) {

        /** The result a job of this file is created with. */
        TrainingFileValidator.Result asTrainingResult() {
            return valid ? new TrainingFileValidator.Result(data, null)
                    : new TrainingFileValidator.Result(null, new JobError("invalid_training_file", error,
                            "training_file"));
        }
    }

    private final ObjectMapper mapper;

    TogetherDataCheck(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A file that is not JSONL: accepted as is, its tokens estimated from its size. */
    static Report unchecked(Blob content) {
        long tokens = Math.max(1, content.size() / 4);
        return new Report(true, UNCHECKED, 0, null, new TrainingData(1, List.of(), tokens, 0));
    }

    Report check(Blob content) {
        List<TrainingData.QaPair> pairs = new ArrayList<>();
        String[] format = new String[1];
        JsonlLines.Summary read = JsonlLines.read(content, mapper, (lineNumber, node) -> {
            String lineFormat = formatOf(node);
            if (lineFormat == null) {
                return "Line " + lineNumber + " matches none of the formats (conversational \"messages\", "
                        + "instruction \"prompt\"/\"completion\", generic \"text\", preference \"input\"/"
                        + "\"preferred_output\"/\"non_preferred_output\").";
            }
            if (format[0] != null && !format[0].equals(lineFormat)) {
                return "Line " + lineNumber + " has the " + lineFormat + " format, but the file started with the "
                        + format[0] + " format; use one format per file.";
            }
            format[0] = lineFormat;
            return checkLine(node, lineFormat, lineNumber,
                    pairs.size() < TrainingFileValidator.MAX_PAIRS ? pairs : new ArrayList<>());
        });
        if (read.problem() != null) {
            return invalid(format[0], read.examples(), read.problem());
        }
        if (read.examples() == 0) {
            return invalid(format[0], 0, "The file has no samples; at least 1 is needed.");
        }
        return new Report(true, format[0], read.examples(), null, new TrainingData(read.examples(), pairs,
                read.tokenEstimate(), read.longExamples()));
    }

    private static Report invalid(String format, int lines, String error) {
        return new Report(false, format, lines, error, null);
    }

    private static String formatOf(JsonNode node) {
        if (node.has("input") && node.has("preferred_output") && node.has("non_preferred_output")) {
            return "preference";
        }
        if (node.has("messages")) {
            return "conversational";
        }
        if (node.has("prompt") && node.has("completion")) {
            return "instruction";
        }
        if (node.has("text")) {
            return "generic";
        }
        return null;
    }

    private static String checkLine(JsonNode node, String format, int line, List<TrainingData.QaPair> pairs) {
        switch (format) {
            case "conversational":
                return conversation(node.get("messages"), line, "messages", pairs, null);
            case "instruction":
                if (!node.get("prompt").isTextual() || !node.get("completion").isTextual()) {
                    return "Line " + line + ": \"prompt\" and \"completion\" must be strings.";
                }
                pairs.add(new TrainingData.QaPair(node.get("prompt").asText(), node.get("completion").asText()));
                return null;
            case "generic":
                return node.get("text").isTextual() ? null : "Line " + line + ": \"text\" must be a string.";
            default:
                return preference(node, line, pairs);
        }
    }

    private static String preference(JsonNode node, int line, List<TrainingData.QaPair> pairs) {
        for (String key : List.of("preferred_output", "non_preferred_output")) {
            JsonNode output = node.get(key);
            if (!output.isArray() || output.size() != 1 || !"assistant".equals(output.get(0).path("role").asText())
                    || !output.get(0).path("content").isTextual()) {
                return "Line " + line + ": \"" + key + "\" must hold exactly one assistant message.";
            }
        }
        String answer = node.get("preferred_output").get(0).get("content").asText();
        return conversation(node.get("input").get("messages"), line, "input.messages", pairs, answer);
    }

    /** Checks a message list; with {@code answer} null it must contain an assistant turn itself. */
    private static String conversation(JsonNode messages, int line, String key, List<TrainingData.QaPair> pairs,
                                       String answer) {
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            return "Line " + line + ": \"" + key + "\" must be a non-empty list of messages.";
        }
        String lastUser = null;
        String previousRole = null;
        boolean assistant = false;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String role = message.path("role").asText(null);
            if (role == null || !ROLES.contains(role)) {
                return "Line " + line + ", " + key + "[" + i + "]: unknown or missing role; use one of "
                        + ROLES.stream().sorted().toList() + ".";
            }
            if (!message.has("content")) {
                return "Line " + line + ", " + key + "[" + i + "]: missing \"content\".";
            }
            if (role.equals(previousRole) && !role.equals("tool")) {
                return "Line " + line + ", " + key + "[" + i + "]: two \"" + role + "\" messages in a row.";
            }
            previousRole = role;
            String text = message.get("content").isTextual() ? message.get("content").asText() : null;
            if (role.equals("user")) {
                lastUser = text;
            } else if (role.equals("assistant")) {
                assistant = true;
                if (answer == null && lastUser != null && text != null) {
                    pairs.add(new TrainingData.QaPair(lastUser, text));
                }
            }
        }
        if (answer != null) {
            if (lastUser != null) {
                pairs.add(new TrainingData.QaPair(lastUser, answer));
            }
            return null;
        }
        return assistant ? null : "Line " + line + ": the conversation has no assistant message to train on.";
    }
}
