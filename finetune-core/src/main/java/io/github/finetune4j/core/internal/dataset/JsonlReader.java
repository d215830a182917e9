package io.github.finetune4j.core.internal.dataset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.finetune4j.core.error.DatasetValidationException;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.model.DatasetIssue;
import io.github.finetune4j.core.model.Severity;
import io.github.finetune4j.core.model.TrainingRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Streams the records of a JSONL file, one line at a time. */
public final class JsonlReader {
    private JsonlReader() {
    }

    /**
     * A lazy stream of the file's records; close it to release the file.
     *
     * @param file the JSONL file
     * @return the records
     * @throws DatasetValidationException while streaming, at the first invalid line
     * @throws FineTuneException if the file cannot be read
     */
    public static Stream<TrainingRecord> records(Path file) {
        BufferedReader reader = open(file);
        String source = file.toString();
        Spliterator<TrainingRecord> spliterator = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            private long lineNumber;

            @Override
            public boolean tryAdvance(Consumer<? super TrainingRecord> action) {
                String line = nextLine();
                while (line != null && line.isBlank()) {
                    String after = nextLine();
                    if (after != null) {
                        throw invalid(source, lineNumber - 1, "", "blank_line", "blank line inside the file");
                    }
                    line = null;
                }
                if (line == null) {
                    return false;
                }
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    throw invalid(source, 1, "", "byte_order_mark", "file starts with a byte-order mark; save it as UTF-8 without BOM");
                }
                action.accept(parse(line, source, lineNumber));
                return true;
            }

            private String nextLine() {
                try {
                    String line = reader.readLine();
                    if (line != null) {
                        lineNumber++;
                    }
                    return line;
                } catch (CharacterCodingException e) {
                    throw invalid(source, lineNumber + 1, "", "invalid_utf8", "line is not valid UTF-8");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        return StreamSupport.stream(spliterator, false).onClose(() -> {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Parses one line.
     *
     * @param line the text
     * @param source the file name for issues
     * @param lineNumber the 1-based line number
     * @return the record
     * @throws DatasetValidationException if the line is not a valid record
     */
    public static TrainingRecord parse(String line, String source, long lineNumber) {
        JsonNode node;
        try {
            node = JsonlCodec.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String column = at == null ? "" : " at column " + at.getColumnNr();
            throw invalid(source, lineNumber, "", "invalid_json", "not valid JSON" + column + ": " + e.getOriginalMessage());
        }
        try {
            return JsonlCodec.fromJson(node, source, lineNumber);
        } catch (JsonlCodec.LineException e) {
            throw new DatasetValidationException(List.of(e.issue()));
        }
    }

    private static DatasetValidationException invalid(String source, long line, String field, String code, String message) {
        return new DatasetValidationException(List.of(new DatasetIssue(source, line, field, code, Severity.ERROR, message)));
    }

    private static BufferedReader open(Path file) {
        try {
            return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
                    1 << 16);
        } catch (IOException e) {
            throw new FineTuneException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
