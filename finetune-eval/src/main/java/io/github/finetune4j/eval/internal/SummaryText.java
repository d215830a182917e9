package io.github.finetune4j.eval.internal;

import io.github.finetune4j.core.preflight.Usd;
import io.github.finetune4j.eval.CandidateSummary;
import io.github.finetune4j.eval.ConfidenceInterval;
import io.github.finetune4j.eval.CostComparison;
import io.github.finetune4j.eval.EvaluationResult;
import io.github.finetune4j.eval.PairwiseComparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders an evaluation result as a fixed-width text table for the console. */
public final class SummaryText {
    private static final int MODEL_WIDTH = 44;

    private SummaryText() {
    }

    /**
     * Renders the table.
     *
     * @param result the result
     * @return several lines, ending with a line break
     */
    public static String render(EvaluationResult result) {
        List<String> header = new ArrayList<>(List.of("candidate", "model"));
        header.addAll(result.scorers());
        header.addAll(List.of("errors", "p50 latency", "prompt tok", "answer tok", "$ / 1k req"));
        List<List<String>> rows = new ArrayList<>();
        for (CandidateSummary s : result.summaries()) {
            List<String> row = new ArrayList<>(List.of(s.candidate(), abbreviate(s.model())));
            for (String scorer : result.scorers()) {
                ConfidenceInterval ci = s.score(scorer);
                row.add(Formats.interval(ci.mean(), ci.lower(), ci.upper()));
            }
            row.add(s.errors() + "/" + s.rows());
            row.add(Formats.duration(s.medianLatency()));
            row.add(Formats.tokens(s.meanPromptTokens()));
            row.add(Formats.tokens(s.meanCompletionTokens()));
            row.add(result.cost(s.candidate()).flatMap(CostComparison::costPer1000Requests).map(Usd::format)
                    .orElse("-"));
            rows.add(row);
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Evaluation: %d examples x %d candidates, %d rows, %d requests sent, "
                        + "%s; scores are means with %s bootstrap intervals (0 = worst, 1 = best)%n",
                result.examples().size(), result.candidates().size(), result.rows().size(), result.requestsSent(),
                Formats.duration(result.elapsed()), Formats.percent(result.confidenceLevel())));
        table(out, header, rows);
        if (!result.scorers().isEmpty() && result.candidates().size() > 1) {
            String scorer = result.scorers().get(0);
            String first = result.candidates().get(0);
            for (String other : result.candidates().subList(1, result.candidates().size())) {
                result.comparison(scorer, first, other).ifPresent(c -> out.append(winLine(c)));
            }
        }
        if (!result.complete()) {
            out.append("INCOMPLETE: ").append(result.missingRows())
                    .append(" rows missing (the deadline was reached); run again with the cache to finish.")
                    .append(System.lineSeparator());
        }
        return out.toString();
    }

    private static String winLine(PairwiseComparison c) {
        return String.format(Locale.ROOT, "Win rate by %s: %s vs %s %s (%d wins, %d losses, %d ties)%n", c.scorer(),
                c.candidate(), c.opponent(), Formats.percent(c.winRate()), c.wins(), c.losses(), c.ties());
    }

    private static void table(StringBuilder out, List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        line(out, header, widths);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            rule.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
        }
        out.append(rule).append(System.lineSeparator());
        rows.forEach(row -> line(out, row, widths));
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(i == 0 ? "" : "  ").append(cell).append(" ".repeat(widths[i] - cell.length()));
        }
        out.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }

    private static String abbreviate(String model) {
        return model.length() > MODEL_WIDTH ? model.substring(0, MODEL_WIDTH - 1) + "…" : model;
    }
}
