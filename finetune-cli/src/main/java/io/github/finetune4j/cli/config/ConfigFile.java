package io.github.finetune4j.cli.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.finetune4j.cli.CliException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code finetune.yaml} of a project: read once, checked against the known settings (with the line of each
 * problem), and asked for values by dotted key ({@code hyperparameters.epochs}). Relative paths in it are relative
 * to the file's directory. Secrets are refused: they belong in the environment or the credentials file.
 */
public final class ConfigFile {
    /** The file name {@code finetune init} writes and the command looks for. */
    public static final String DEFAULT_NAME = "finetune.yaml";

    /** Every setting the file may hold; a section name alone stands for "any keys below are checked by it". */
    static final Set<String> KNOWN = Set.of(
            "provider", "base-model", "method", "training-file", "validation-file", "suffix", "seed",
            "system-prompt", "pii", "hyperparameters", "hyperparameters.epochs", "hyperparameters.batch-size",
            "hyperparameters.learning-rate-multiplier", "hyperparameters.beta", "wait", "wait.timeout",
            "wait.poll-interval", "emulator", "emulator.port", "emulator.speed", "evaluation",
            "evaluation.examples", "evaluation.scorers", "evaluation.few-shot", "evaluation.output",
            "evaluation.concurrency", "azure", "azure.subscription-id", "azure.resource-group", "azure.account-name",
            "azure.deployment", "azure.sku", "azure.capacity", "azure.arm-endpoint");

    private static final Pattern SECRET_KEY =
            Pattern.compile("(?i).*(api[-_]?key|secret|token|password|credential).*");

    private final Path file;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private ConfigFile(Path file, JsonNode root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    /**
     * Reads and checks a config file.
     *
     * @param file the file
     * @return the config
     * @throws CliException if it cannot be read, is not YAML, has an unknown setting or holds a secret; the message
     *     names the file and line
     */
    public static ConfigFile load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliException("config file not found: " + file + " (run `finetune init` to write one, or pass "
                    + "--config)");
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
        }
        YAMLFactory yaml = new YAMLFactory();
        ObjectMapper mapper = new ObjectMapper(yaml);
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = yaml.createParser(text)) {
            KeyLines.record(p, lines);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new CliException(file + (at == null ? "" : ":" + at.getLineNr()) + ": not valid YAML: "
                    + oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonNode root;
        try (Reader r = new java.io.StringReader(text)) {
            root = mapper.readTree(r);
        } catch (IOException e) {
            throw new CliException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = mapper.createObjectNode();
        }
        if (!root.isObject()) {
            throw new CliException(file + ":1: expected settings (key: value), found " + root.getNodeType()
                    .name().toLowerCase(Locale.ROOT));
        }
        ConfigFile config = new ConfigFile(file, root, lines);
        config.check();
        return config;
    }

    /**
     * A config with no settings, for commands run without a file.
     *
     * @param file where a file would be (its directory anchors relative paths)
     * @return the empty config
     */
    public static ConfigFile empty(Path file) {
        return new ConfigFile(file, new ObjectMapper().createObjectNode(), Map.of());
    }

    /**
     * The file.
     *
     * @return its path
     */
    public Path file() {
        return file;
    }

    /**
     * The directory relative paths are resolved against.
     *
     * @return the file's directory
     */
    public Path dir() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    /**
     * A setting as text.
     *
     * @param key dotted key, for example {@code hyperparameters.epochs}
     * @return the value, or empty when not set (or null)
     */
    public Optional<String> string(String key) {
        JsonNode node = node(key);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (node.isContainerNode()) {
            throw error(key, "expected a single value, found a " + (node.isArray() ? "list" : "section"));
        }
        String text = node.asText().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /**
     * A setting as a list of texts; a single value counts as a list of one.
     *
     * @param key dotted key
     * @return the values, empty when not set
     */
    public List<String> strings(String key) {
        JsonNode node = node(key);
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asText().strip()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            for (String s : node.asText().split(",")) {
                if (!s.isBlank()) {
                    values.add(s.strip());
                }
            }
        }
        return values;
    }

    /**
     * A path setting, resolved against the file's directory.
     *
     * @param key dotted key
     * @return the absolute path, or empty when not set
     */
    public Optional<Path> path(String key) {
        return string(key).map(s -> dir().resolve(s).normalize());
    }

    /**
     * Where a setting is, for messages.
     *
     * @param key dotted key
     * @return {@code file:line}, or the file alone when the line is unknown
     */
    public String where(String key) {
        Integer line = lines.get(key);
        return file.getFileName() + (line == null ? "" : ":" + line);
    }

    /**
     * An error about a setting, naming its file and line.
     *
     * @param key dotted key
     * @param problem what is wrong
     * @return the exception to throw
     */
    public CliException error(String key, String problem) {
        return new CliException(where(key) + ": " + key + ": " + problem);
    }

    private JsonNode node(String key) {
        JsonNode node = root;
        for (String part : key.split("\\.")) {
            node = node.path(part);
        }
        return node == null ? MissingNode.getInstance() : node;
    }

    private void check() {
        check("", (ObjectNode) root);
    }

    private void check(String prefix, ObjectNode node) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix + field.getKey();
            if (SECRET_KEY.matcher(field.getKey()).matches()) {
                throw new CliException(where(key) + ": '" + field.getKey() + "' looks like a secret; secrets are "
                        + "read only from environment variables (e.g. OPENAI_API_KEY) or the credentials file "
                        + "(see `finetune --help`), never from " + file.getFileName());
            }
            if (!KNOWN.contains(key)) {
                throw new CliException(where(key) + ": unknown setting '" + key + "'" + Suggestions.closest(key, KNOWN));
            }
            if (field.getValue().isObject()) {
                check(key + ".", (ObjectNode) field.getValue());
            } else if (KNOWN.stream().anyMatch(k -> k.startsWith(key + "."))
                    && !field.getValue().isNull()) {
                throw new CliException(where(key) + ": '" + key + "' is a section: put its settings below it, "
                        + "indented");
            }
        }
    }

    /** SnakeYAML's messages span lines with context and a caret; keep the sentences only. */
    private static String oneLine(String message) {
        StringBuilder out = new StringBuilder();
        for (String line : message.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("in '") || l.equals("^") || line.startsWith(" ")) {
                continue;
            }
            out.append(out.length() == 0 ? "" : "; ").append(l);
        }
        return out.toString();
    }

}
