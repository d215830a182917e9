package io.github.finetune4j.eval.internal;

import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.eval.EvalExample;
import io.github.finetune4j.eval.EvalRow;
import io.github.finetune4j.eval.EvaluationResult;
import io.github.finetune4j.eval.RowOrigin;
import io.github.finetune4j.eval.Score;

import java.util.Locale;
import java.util.Optional;

/** The per-example table of the report: prompt, reference, and each candidate's answer with its scores. */
final class ExamplesSection {
    private ExamplesSection() {
    }

    static void render(Html h, EvaluationResult r) {
        h.open("section", "id", "examples").raw("\n");
        h.element("h2", "Answers per example");
        h.open("table").raw("\n").open("tr").element("th", "example").element("th", "question and reference")
                .element("th", "candidate").element("th", "answer");
        r.scorers().forEach(s -> h.element("th", s, "class", "num"));
        h.element("th", "latency", "class", "num").element("th", "tokens in / out", "class", "num").close("tr");
        int span = r.candidates().size();
        for (EvalExample example : r.examples()) {
            boolean first = true;
            for (String candidate : r.candidates()) {
                h.open("tr");
                if (first) {
                    h.element("td", example.id(), "rowspan", Integer.toString(span));
                    h.open("td", "rowspan", Integer.toString(span));
                    h.open("strong").text("Q: ").close("strong").text(example.question());
                    h.open("br").close("br");
                    h.open("strong").text("Reference: ").close("strong").text(example.reference());
                    prompt(h, example);
                    h.close("td");
                    first = false;
                }
                h.element("td", candidate);
                cells(h, r, r.row(candidate, example.id()));
                h.close("tr");
            }
        }
        h.close("table");
        h.close("section");
    }

    private static void cells(Html h, EvaluationResult r, Optional<EvalRow> row) {
        if (row.isEmpty()) {
            h.element("td", "(not finished before the deadline)", "class", "error");
            r.scorers().forEach(s -> h.element("td", "-", "class", "num"));
            h.element("td", "-", "class", "num").element("td", "-", "class", "num");
            return;
        }
        EvalRow e = row.get();
        if (e.isError()) {
            h.element("td", e.error().orElse("failed"), "class", "answer error");
        } else {
            h.element("td", e.answer(), "class", "answer");
        }
        for (String scorer : r.scorers()) {
            Score s = e.score(scorer);
            if (s.explanation().isEmpty()) {
                h.element("td", Formats.score(s.value()), "class", "num");
            } else {
                h.open("td", "class", "num", "title", s.explanation()).text(Formats.score(s.value())).close("td");
            }
        }
        h.element("td", Formats.duration(e.latency()) + (e.origin() == RowOrigin.CACHE ? " (cached)" : ""),
                "class", "num");
        h.element("td", e.promptTokens() + " / " + e.completionTokens(), "class", "num");
    }

    private static void prompt(Html h, EvalExample example) {
        h.open("details").open("summary").text("full prompt (" + example.prompt().size() + " messages)")
                .close("summary");
        for (Message m : example.prompt()) {
            h.open("pre").text(m.role().name().toLowerCase(Locale.ROOT) + ": " + m.content().orElse(""))
                    .close("pre");
        }
        h.close("details");
    }
}
