package io.github.finetune4j.testkit.internal.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.testkit.internal.blob.Blob;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a JSONL file line by line, as every provider's file check does: strict UTF-8 (a byte-order mark on the
 * first line is dropped), blank lines skipped, every other line a JSON object handed to a visitor with its line
 * number. A file of any size is read without holding it in memory. Token estimates are about four characters per
 * token.
 */
public final class JsonlLines {

    /** Looks at one example line. */
    @FunctionalInterface
    public interface Visitor {

        /**
         * Checks one line.
         *
         * @param lineNumber the line number, from 1, counting blank lines
         * @param example the line's JSON object
         * @return the problem with the line, or null when it is fine
         */
        String visit(int lineNumber, JsonNode example);
    }

    /**
     * What a read found.
     *
     * @param problem the first problem ("Line 3 is not a valid JSON object.", "The file is not valid UTF-8.", or
     *     the visitor's), or null
     * @param examples the number of example lines read before a problem
     * @param tokenEstimate the estimated tokens of those lines
     * @param longExamples how many of them exceed {@link TrainingData#TOKEN_LIMIT} estimated tokens
     */
    public record Summary(String problem, int examples, long tokenEstimate, int longExamples) {
    }

    private JsonlLines() {
    }

    /**
     * Reads a file.
     *
     * @param content the file
     * @param mapper the JSON mapper
     * @param visitor the check of each example line
     * @return what was found
     * @throws UncheckedIOException if the content cannot be read
     */
    public static Summary read(Blob content, ObjectMapper mapper, Visitor visitor) {
        int examples = 0;
        long tokens = 0;
        int longExamples = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(content.open(),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024)) {
            int lineNumber = 0;
            for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
                lineNumber++;
                String line = (lineNumber == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw).strip();
                if (line.isEmpty()) {
                    continue;
                }
                JsonNode node = parse(mapper, line);
                String problem = node == null || !node.isObject()
                        ? "Line " + lineNumber + " is not a valid JSON object." : visitor.visit(lineNumber, node);
                if (problem != null) {
                    return new Summary(problem, examples, tokens, longExamples);
                }
                examples++;
                long lineTokens = 3 + line.length() / 4;
                tokens += lineTokens;
                if (lineTokens > TrainingData.TOKEN_LIMIT) {
                    longExamples++;
                }
            }
        } catch (CharacterCodingException e) {
            return new Summary("The file is not valid UTF-8.", examples, tokens, longExamples);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Summary(null, examples, tokens, longExamples);
    }

    private static JsonNode parse(ObjectMapper mapper, String line) {
        try {
            return mapper.readTree(line);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
