package io.github.finetune4j.migrate;

import io.github.finetune4j.core.preflight.Usd;
import io.github.finetune4j.core.spi.AtomicFile;
import io.github.finetune4j.migrate.internal.CompareState;
import io.github.finetune4j.migrate.internal.IntervalState;
import io.github.finetune4j.migrate.internal.ManifestStore;
import io.github.finetune4j.migrate.internal.ModelState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The summary of a migration folder, {@code summary.txt} and {@code summary.html}: per model the old and new scores
 * with their intervals, the new model's agreement with the golden answers, the cost of 1,000 requests before and
 * after, and the training cost; and the models that could not be compared, with the reason.
 */
final class SummaryWriter {
    static final String TEXT = "summary.txt";
    static final String HTML = "summary.html";

    private SummaryWriter() {
    }

    static List<Path> write(ManifestStore store, String targetProvider, Clock clock) {
        String text = text(store, targetProvider);
        String html = html(store, targetProvider, clock);
        try {
            AtomicFile.writeString(store.folder().resolve(TEXT), text);
            AtomicFile.writeString(store.folder().resolve(HTML), html);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the summary in " + store.folder(), e);
        }
        return List.of(store.folder().resolve(TEXT), store.folder().resolve(HTML));
    }

    /** One row per compared model and scorer. */
    private record Row(String sourceJob, String oldModel, String newModel, String scorer, String before,
                       String after, String vsGolden, String costBefore, String costAfter, String trainingBefore,
                       String trainingAfter) {
    }

    static String text(ManifestStore store, String targetProvider) {
        List<Row> rows = rows(store);
        StringBuilder out = new StringBuilder();
        out.append("Migration ").append(store.state().sourceProvider).append(" -> ").append(targetProvider)
                .append(": ").append(compared(store)).append(" of ").append(migratable(store).size())
                .append(" models compared; scores are means with 95% intervals (0 worst, 1 best), costs in USD\n");
        TextTable table = new TextTable("SOURCE JOB", "OLD MODEL", "NEW MODEL", "SCORER", "OLD", "NEW",
                "NEW VS GOLDEN", "$/1K REQ OLD", "$/1K REQ NEW", "TRAINING $ OLD", "TRAINING $ NEW");
        rows.forEach(r -> table.row(r.sourceJob(), r.oldModel(), r.newModel(), r.scorer(), r.before(), r.after(),
                r.vsGolden(), r.costBefore(), r.costAfter(), r.trainingBefore(), r.trainingAfter()));
        if (!table.isEmpty()) {
            table.appendTo(out, "  ");
        }
        for (String line : notCompared(store)) {
            out.append("  ").append(line).append('\n');
        }
        return out.toString();
    }

    private static String html(ManifestStore store, String targetProvider, Clock clock) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Migration summary</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:"
                        + "collapse}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;font-size:14px}"
                        + "th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}"
                        + ".note{color:#a33}</style></head><body>\n")
                .append("<h1>Migration ").append(esc(store.state().sourceProvider)).append(" &rarr; ")
                .append(esc(targetProvider)).append("</h1>\n<p>")
                .append(compared(store)).append(" of ").append(migratable(store).size())
                .append(" models compared. Scores are means with 95% bootstrap intervals (0 = worst, 1 = best): the old"
                        + " model's recorded golden answers and the new model's answers against the reference"
                        + " answers, and the new model against the golden answers. Costs in USD. Generated ")
                .append(esc(clock.instant().toString())).append(".</p>\n<table><tr>");
        for (String th : List.of("Source job", "Old model", "New model", "Scorer", "Old", "New", "New vs golden",
                "$ / 1k requests old", "$ / 1k requests new", "Training $ old", "Training $ new")) {
            h.append("<th>").append(esc(th)).append("</th>");
        }
        h.append("</tr>\n");
        for (Row r : rows(store)) {
            h.append("<tr><td>").append(esc(r.sourceJob())).append("</td><td>").append(esc(r.oldModel()))
                    .append("</td><td>").append(esc(r.newModel())).append("</td><td>").append(esc(r.scorer()));
            for (String n : List.of(r.before(), r.after(), r.vsGolden(), r.costBefore(), r.costAfter(),
                    r.trainingBefore(), r.trainingAfter())) {
                h.append("</td><td class=\"n\">").append(esc(n));
            }
            h.append("</td></tr>\n");
        }
        h.append("</table>\n");
        for (ModelState m : migratable(store)) {
            if (m.compare != null && m.compare.report != null) {
                h.append("<p><a href=\"").append(esc(m.compare.report)).append("\">Report of ")
                        .append(esc(m.fineTunedModel)).append("</a></p>\n");
            }
        }
        for (String line : notCompared(store)) {
            h.append("<p class=\"note\">").append(esc(line)).append("</p>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static List<Row> rows(ManifestStore store) {
        List<Row> rows = new ArrayList<>();
        for (ModelState m : migratable(store)) {
            CompareState c = m.compare;
            if (c == null) {
                continue;
            }
            List<String> scorers = !c.scorers.isEmpty() ? c.scorers : c.after.keySet().stream()
                    .filter(k -> !k.endsWith(CompareOptions.GOLDEN_SUFFIX)).toList();
            for (String scorer : scorers) {
                rows.add(new Row(m.sourceJob, m.fineTunedModel, m.retrain.fineTunedModel, scorer,
                        interval(c.before.get(scorer)), interval(c.after.get(scorer)),
                        interval(c.after.get(scorer + CompareOptions.GOLDEN_SUFFIX)), usd(c.beforeCostPer1000),
                        usd(c.afterCostPer1000), usd(c.sourceTrainingCostUsd), usd(c.trainingCostUsd)));
            }
        }
        return rows;
    }

    private static List<String> notCompared(ManifestStore store) {
        List<String> out = new ArrayList<>();
        for (ModelState m : migratable(store)) {
            if (m.compare != null && m.compare.complete) {
                continue;
            }
            boolean gone = m.trainingFile != null && !m.trainingFile.isDownloaded()
                    && !"available".equals(m.trainingFile.availability);
            String why = gone ? "its training file " + m.trainingFile.id + " can no longer be downloaded ("
                    + m.trainingFile.detail + "), so it cannot be retrained"
                    : m.compare != null ? "its comparison is incomplete (" + m.compare.errors + " rows missing)"
                    : m.retrain != null && m.retrain.error != null ? "its new job failed: " + m.retrain.error
                    : "not compared yet";
            out.add(m.sourceJob + " (" + m.fineTunedModel + "): " + why
                    + (m.golden != null && m.golden.answered > 0 ? "; " + m.golden.answered
                    + " golden answers are kept in " + m.golden.path : ""));
        }
        return out;
    }

    private static List<ModelState> migratable(ManifestStore store) {
        return store.state().models.stream().filter(m -> m.migratable).toList();
    }

    private static long compared(ManifestStore store) {
        return migratable(store).stream().filter(m -> m.compare != null && m.compare.complete).count();
    }

    private static String interval(IntervalState i) {
        return i == null ? "-" : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", i.mean, i.lower, i.upper);
    }

    private static String usd(String amount) {
        if (amount == null) {
            return "unknown";
        }
        return Usd.format(new java.math.BigDecimal(amount));
    }

    private static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '&': out.append("&amp;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&#39;"); break;
                default: out.append(ch);
            }
        }
        return out.toString();
    }
}
