package io.github.finetune4j.testkit.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.finetune4j.testkit.internal.blob.Blob;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a training or validation file the way the service does when a job validates its files, and extracts
 * the {@link TrainingData}. The first problem found fails the job with the service's error code.
 */
public final class TrainingFileValidator {

    /** The fewest examples a training file may have. */
    public static final int MIN_TRAINING_EXAMPLES = 10;

    /** How many (question, answer) pairs a fine-tuned model answers from, at most: those of the first examples. */
    public static final int MAX_PAIRS = 10_000;

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");

    /** Which file of the job is being checked. */
    public enum FileRole {
        /** The training file: error code {@code invalid_training_file}. */
        TRAINING("invalid_training_file", "training_file", "Training"),
        /** The validation file: error code {@code invalid_validation_file}. */
        VALIDATION("invalid_validation_file", "validation_file", "Validation");

        private final String code;
        private final String param;
        private final String label;

        FileRole(String code, String param, String label) {
            this.code = code;
            this.param = param;
            this.label = label;
        }
    }

    /**
     * The outcome: data, or the error the job fails with.
     *
     * @param data the data when valid, else null
     * @param error the error when invalid, else null
     */
    public record Result(TrainingData data, JobError error) {

        /**
         * Tells whether the file is valid.
         *
         * @return true when valid
         */
        public boolean isValid() {
            return error == null;
        }
    }

    private final ObjectMapper mapper;

    /**
     * Creates a validator.
     *
     * @param mapper the mapper to parse lines with
     */
    public TrainingFileValidator(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Checks a file held in memory.
     *
     * @param content the file's bytes
     * @param method the fine-tuning method
     * @param role training or validation file
     * @return the outcome
     */
    public Result validate(byte[] content, FineTuneMethodType method, FileRole role) {
        return validate(Blob.of(content), method, role);
    }

    /**
     * Checks a file, reading it line by line: a file of any size is checked without holding it in memory. The
     * (question, answer) pairs for the chat responder are kept for the first {@value #MAX_PAIRS} examples only.
     *
     * @param content the file's content
     * @param method the fine-tuning method
     * @param role training or validation file
     * @return the outcome
     */
    public Result validate(Blob content, FineTuneMethodType method, FileRole role) {
        List<TrainingData.QaPair> pairs = new ArrayList<>();
        JsonlLines.Summary read = JsonlLines.read(content, mapper, (lineNumber, node) -> {
            List<TrainingData.QaPair> sink = pairs.size() < MAX_PAIRS ? pairs : new ArrayList<>();
            return method == FineTuneMethodType.DPO ? preferenceExample(node, lineNumber, sink)
                    : chatExample(node, lineNumber, sink);
        });
        if (read.problem() != null) {
            return fail(role, read.problem().startsWith("Invalid file format.") ? read.problem()
                    : "Invalid file format. " + read.problem());
        }
        int examples = read.examples();
        if (role == FileRole.TRAINING && examples < MIN_TRAINING_EXAMPLES) {
            return fail(role, "Training file has " + examples + " example(s), but must have at least "
                    + MIN_TRAINING_EXAMPLES + " examples");
        }
        if (examples == 0) {
            return fail(role, role.label + " file has no examples.");
        }
        return new Result(new TrainingData(examples, pairs, read.tokenEstimate(), read.longExamples()), null);
    }

    /**
     * Checks only the JSONL syntax, as Azure does while it processes an upload: UTF-8, at least one line, and
     * every non-blank line a JSON object. The content of the examples is checked later, by the job.
     *
     * @param content the file's content, read line by line
     * @return the first problem, or null when the syntax is fine
     */
    public String syntaxProblem(Blob content) {
        JsonlLines.Summary read = JsonlLines.read(content, mapper, (lineNumber, node) -> null);
        if (read.problem() != null) {
            return "Invalid file format. " + read.problem();
        }
        return read.examples() == 0 ? "Invalid file format. The file is empty." : null;
    }

    private static String chatExample(JsonNode node, int line, List<TrainingData.QaPair> pairs) {
        JsonNode messages = node.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            return "Invalid file format. Line " + line + ", key \"messages\": missing or empty.";
        }
        String problem = checkMessages(messages, line, "messages");
        if (problem != null) {
            return problem;
        }
        boolean hasAssistant = false;
        String lastUser = null;
        for (JsonNode message : messages) {
            String role = message.get("role").asText();
            if (role.equals("user")) {
                lastUser = text(message.get("content"));
            } else if (role.equals("assistant")) {
                hasAssistant = true;
                String answer = text(message.get("content"));
                boolean trained = !message.has("weight") || message.get("weight").asInt(1) != 0;
                if (lastUser != null && answer != null && trained) {
                    pairs.add(new TrainingData.QaPair(lastUser, answer));
                }
            }
        }
        if (!hasAssistant) {
            return "Invalid file format. Line " + line + ": the example has no assistant message.";
        }
        return null;
    }

    private static String preferenceExample(JsonNode node, int line, List<TrainingData.QaPair> pairs) {
        JsonNode input = node.get("input");
        JsonNode messages = input == null ? null : input.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            return "Invalid file format. Line " + line + ", key \"input.messages\": missing or empty.";
        }
        String problem = checkMessages(messages, line, "input.messages");
        if (problem != null) {
            return problem;
        }
        for (String key : List.of("preferred_output", "non_preferred_output")) {
            JsonNode output = node.get(key);
            if (output == null || !output.isArray() || output.size() != 1
                    || !"assistant".equals(output.get(0).path("role").asText())) {
                return "Invalid file format. Line " + line + ", key \"" + key
                        + "\": must hold exactly one assistant message.";
            }
        }
        String lastUser = null;
        for (JsonNode message : messages) {
            if ("user".equals(message.get("role").asText())) {
                lastUser = text(message.get("content"));
            }
        }
        String answer = text(node.get("preferred_output").get(0).get("content"));
        if (lastUser != null && answer != null) {
            pairs.add(new TrainingData.QaPair(lastUser, answer));
        }
        return null;
    }

    private static String checkMessages(JsonNode messages, int line, String key) {
        for (int m = 0; m < messages.size(); m++) {
            JsonNode message = messages.get(m);
            JsonNode role = message.get("role");
            if (!message.isObject() || role == null || !role.isTextual()) {
                return "Invalid file format. Line " + line + ", " + key + " " + (m + 1) + ": missing role.";
            }
            if (!ROLES.contains(role.asText())) {
                return "Invalid file format. Line " + line + ", " + key + " " + (m + 1)
                        + ": unrecognized role \"" + role.asText() + "\".";
            }
        }
        return null;
    }

    /** The text of a message content: a string, or the text parts of an array. */
    static String text(JsonNode content) {
        if (content == null || content.isNull()) {
            return null;
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder out = new StringBuilder();
            for (JsonNode part : content) {
                if ("text".equals(part.path("type").asText()) && part.path("text").isTextual()) {
                    if (out.length() > 0) {
                        out.append('\n');
                    }
                    out.append(part.get("text").asText());
                }
            }
            return out.length() == 0 ? null : out.toString();
        }
        return null;
    }

    private static Result fail(FileRole role, String message) {
        return new Result(null, new JobError(role.code, message, role.param));
    }
}
