package io.github.finetune4j.core.internal;

import io.github.finetune4j.core.error.ResponseFormatException;
import io.github.finetune4j.core.model.TrainingHistory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses a job's result file (the metrics CSV, plain or base64-encoded) into a {@link TrainingHistory}.
 *
 * <p>Columns are found by header name, never by position: {@code step} is required, every other column becomes a
 * metric of that name ({@code train_accuracy} is stored as {@code train_mean_token_accuracy}). Empty cells and
 * cells that are not a finite number ({@code NaN}, {@code None}, ...) are missing values. Blank lines, a UTF-8 byte
 * order mark, CRLF line ends, double-quoted cells and rows whose step is not a number are tolerated.
 */
public final class ResultCsvParser {
    private static final String STEP = "step";

    private ResultCsvParser() {
    }

    /**
     * Parses a result file as downloaded.
     *
     * @param content the file's bytes, plain CSV or base64 text of it
     * @return the metrics by name and step
     * @throws ResponseFormatException if the file has no header with a {@code step} column
     */
    public static TrainingHistory parse(byte[] content) {
        String text = new String(ResultFiles.decode(content), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n|\r");
        int headerLine = 0;
        while (headerLine < lines.length && lines[headerLine].isBlank()) {
            headerLine++;
        }
        if (headerLine == lines.length) {
            return TrainingHistory.empty();
        }
        List<String> header = cells(lines[headerLine]);
        int stepColumn = -1;
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toLowerCase(Locale.ROOT);
            header.set(i, name);
            if (STEP.equals(name)) {
                stepColumn = i;
            }
        }
        if (stepColumn < 0) {
            throw new ResponseFormatException("result file has no 'step' column (header: "
                    + abbreviate(lines[headerLine]) + ")", null, null, null);
        }
        TrainingHistory.Builder history = TrainingHistory.builder();
        for (int l = headerLine + 1; l < lines.length; l++) {
            if (lines[l].isBlank()) {
                continue;
            }
            List<String> row = cells(lines[l]);
            double step = number(row, stepColumn);
            if (Double.isNaN(step) || step < 0 || step != Math.rint(step)) {
                continue;
            }
            for (int c = 0; c < header.size(); c++) {
                if (c != stepColumn && !header.get(c).isEmpty()) {
                    history.add(header.get(c), (long) step, number(row, c));
                }
            }
        }
        return history.build();
    }

    private static double number(List<String> row, int column) {
        if (column >= row.size()) {
            return Double.NaN;
        }
        String cell = row.get(column);
        if (cell.isEmpty()) {
            return Double.NaN;
        }
        try {
            double value = Double.parseDouble(cell);
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == ',' && !quoted) {
                out.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString().trim());
        return out;
    }

    private static String abbreviate(String line) {
        return line.length() > 80 ? line.substring(0, 80) + "..." : line;
    }
}
