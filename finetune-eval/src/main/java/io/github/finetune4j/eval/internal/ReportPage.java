package io.github.finetune4j.eval.internal;

import io.github.finetune4j.eval.EvaluationResult;
import io.github.finetune4j.eval.JobSummary;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The report page: a single XHTML-compatible HTML5 document with inline CSS and inline SVG charts; it loads no
 * script, font, style sheet or image.
 */
public final class ReportPage {
    private static final String CSS = String.join("\n",
            "body { font-family: system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif;",
            "  color: #222; margin: 0 auto; max-width: 1180px; padding: 24px; line-height: 1.45; }",
            "h1 { font-size: 26px; margin-bottom: 4px; } h2 { font-size: 20px; margin-top: 36px;",
            "  border-bottom: 1px solid #ddd; padding-bottom: 4px; } h3 { font-size: 16px; margin-top: 24px; }",
            ".meta, .note { color: #555; font-size: 13px; }",
            "table { border-collapse: collapse; margin: 12px 0; font-size: 13px; display: block; max-width: 100%;",
            "  overflow-x: auto; }",
            "th, td { border: 1px solid #d6d6d6; padding: 5px 8px; text-align: left; vertical-align: top; }",
            "th { background: #f3f5f7; font-weight: 600; }",
            "td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }",
            "td.answer { max-width: 420px; } td.error { color: #b00020; }",
            ".warn { background: #fff4e5; border: 1px solid #f0b429; padding: 8px 12px; }",
            ".best { font-weight: 700; }",
            "figure { margin: 16px 0; } figcaption { color: #555; font-size: 13px; }",
            "svg { max-width: 100%; height: auto; }",
            "pre { white-space: pre-wrap; margin: 4px 0; font-size: 12px; }",
            "details summary { cursor: pointer; color: #0b5cad; }",
            ".level-warn { color: #8a5a00; } .level-error { color: #b00020; }",
            "@media print { details { display: block; } }");

    private ReportPage() {
    }

    /**
     * Renders the page.
     *
     * @param title the page title
     * @param generatedAt when the report was made
     * @param job the job section's data, if any
     * @param evaluation the evaluation sections' data, if any
     * @return the HTML document
     */
    public static String render(String title, Instant generatedAt, Optional<JobSummary> job,
                                Optional<EvaluationResult> evaluation) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n");
        h.open("html", "lang", "en").raw("\n").open("head").raw("\n");
        h.open("meta", "charset", "utf-8").close("meta").raw("\n");
        h.open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").close("meta").raw("\n");
        h.element("title", title).raw("\n");
        h.open("style").raw("\n").text(CSS).raw("\n").close("style").raw("\n");
        h.close("head");
        h.open("body").raw("\n");
        h.element("h1", title);
        h.element("p", "Generated " + generatedAt.truncatedTo(ChronoUnit.SECONDS) + " by finetune4j. "
                + "Self-contained: this file loads nothing from the network.", "class", "meta");
        job.ifPresent(j -> JobSection.render(h, j));
        evaluation.ifPresent(e -> EvaluationSection.render(h, e));
        evaluation.ifPresent(e -> ExamplesSection.render(h, e));
        if (job.isEmpty() && evaluation.isEmpty()) {
            h.element("p", "Nothing to report: add a job or an evaluation.", "class", "note");
        }
        h.close("body");
        h.close("html");
        return h.toString();
    }
}
