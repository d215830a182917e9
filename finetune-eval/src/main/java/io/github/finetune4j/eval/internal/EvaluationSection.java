package io.github.finetune4j.eval.internal;

import io.github.finetune4j.core.preflight.Usd;
import io.github.finetune4j.eval.CandidateSummary;
import io.github.finetune4j.eval.ConfidenceInterval;
import io.github.finetune4j.eval.CostComparison;
import io.github.finetune4j.eval.EvaluationResult;
import io.github.finetune4j.eval.InferencePrice;
import io.github.finetune4j.eval.PairwiseComparison;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The evaluation part of the report: scores with intervals, win rates and the cost comparison. */
final class EvaluationSection {
    private EvaluationSection() {
    }

    static void render(Html h, EvaluationResult r) {
        h.open("section", "id", "evaluation").raw("\n");
        h.element("h2", "Evaluation");
        h.element("p", String.format(Locale.ROOT, "%d held-out examples x %d candidates; %d requests sent in %s "
                        + "(rows from the cache send none). Scores run from 0 (worst) to 1 (best); intervals are "
                        + "%s percentile bootstrap intervals of the mean.", r.examples().size(),
                r.candidates().size(), r.requestsSent(), Formats.duration(r.elapsed()),
                Formats.percent(r.confidenceLevel())));
        if (!r.complete()) {
            h.element("p", "Incomplete: " + r.missingRows() + " rows did not finish before the deadline. Run the "
                    + "evaluation again with the same cache file to finish them.", "class", "warn");
        }
        scores(h, r);
        winRates(h, r);
        costs(h, r);
        h.close("section");
    }

    private static void scores(Html h, EvaluationResult r) {
        h.element("h3", "Scores per candidate");
        h.open("table").raw("\n").open("tr").element("th", "candidate").element("th", "model")
                .element("th", "answered", "class", "num");
        r.scorers().forEach(s -> h.element("th", s, "class", "num"));
        h.element("th", "median latency", "class", "num").element("th", "p95 latency", "class", "num")
                .element("th", "prompt tokens", "class", "num").element("th", "answer tokens", "class", "num")
                .close("tr");
        for (CandidateSummary s : r.summaries()) {
            h.open("tr").element("td", s.candidate()).element("td", s.model())
                    .element("td", (s.rows() - s.errors()) + " / " + s.rows(), "class", "num");
            for (String scorer : r.scorers()) {
                ConfidenceInterval ci = s.score(scorer);
                boolean best = isBest(r, scorer, ci.mean());
                h.element("td", Formats.interval(ci.mean(), ci.lower(), ci.upper()), "class",
                        best ? "num best" : "num");
            }
            h.element("td", Formats.duration(s.medianLatency()), "class", "num")
                    .element("td", Formats.duration(s.p95Latency()), "class", "num")
                    .element("td", Formats.tokens(s.meanPromptTokens()), "class", "num")
                    .element("td", Formats.tokens(s.meanCompletionTokens()), "class", "num").close("tr");
        }
        h.close("table");
        h.element("p", "Bold: the best mean per scorer. Tokens are means per request, counted exactly with the "
                + "model's tokenizer.", "class", "note");
        IntervalBarChart.Bar[][] bars = new IntervalBarChart.Bar[r.scorers().size()][r.candidates().size()];
        for (int g = 0; g < r.scorers().size(); g++) {
            for (int c = 0; c < r.candidates().size(); c++) {
                ConfidenceInterval ci = r.summaries().get(c).score(r.scorers().get(g));
                bars[g][c] = new IntervalBarChart.Bar(ci.mean(), ci.lower(), ci.upper());
            }
        }
        JobSection.figure(h, new IntervalBarChart("Mean score per scorer and candidate",
                        "mean score (0 to 1)", r.scorers(), r.candidates(), bars).render(SvgMode.INLINE),
                "Bars show the mean score; whiskers the " + Formats.percent(r.confidenceLevel())
                        + " bootstrap confidence interval.");
    }

    private static boolean isBest(EvaluationResult r, String scorer, double mean) {
        if (Double.isNaN(mean) || r.summaries().size() < 2) {
            return false;
        }
        return r.summaries().stream().map(s -> s.score(scorer).mean()).filter(m -> !Double.isNaN(m))
                .allMatch(m -> m <= mean + 1e-12);
    }

    private static void winRates(Html h, EvaluationResult r) {
        if (r.candidates().size() < 2) {
            return;
        }
        h.element("h3", "Pairwise win rates");
        h.element("p", "Row candidate against column candidate on the same examples: the share of examples where "
                + "the row scored higher, ties counted as half (wins-losses-ties in brackets).", "class", "note");
        for (String scorer : r.scorers()) {
            h.open("table").raw("\n").open("tr").element("th", scorer);
            r.candidates().forEach(c -> h.element("th", "vs " + c));
            h.close("tr");
            for (String a : r.candidates()) {
                h.open("tr").element("th", a);
                for (String b : r.candidates()) {
                    Optional<PairwiseComparison> c = a.equals(b) ? Optional.empty() : r.comparison(scorer, a, b);
                    if (c.isEmpty()) {
                        h.element("td", "-", "class", "num");
                        continue;
                    }
                    PairwiseComparison p = c.get();
                    h.element("td", Formats.percent(p.winRate()) + " (" + p.wins() + "-" + p.losses() + "-"
                            + p.ties() + ")", "class", "num", "style", "background: " + shade(p.winRate()));
                }
                h.close("tr");
            }
            h.close("table");
        }
    }

    private static String shade(double winRate) {
        if (Double.isNaN(winRate)) {
            return "#ffffff";
        }
        double d = Math.abs(winRate - 0.5) * 2;
        int fade = (int) Math.round(255 - 110 * d);
        return winRate >= 0.5 ? String.format(Locale.ROOT, "rgb(%d, 255, %d)", fade, fade)
                : String.format(Locale.ROOT, "rgb(255, %d, %d)", fade, fade);
    }

    private static void costs(Html h, EvaluationResult r) {
        h.element("h3", "Cost per 1,000 requests");
        h.open("table").raw("\n").open("tr").element("th", "candidate").element("th", "model")
                .element("th", "USD per 1M input / output", "class", "num")
                .element("th", "prompt tokens per request", "class", "num")
                .element("th", "answer tokens per request", "class", "num")
                .element("th", "prompt", "class", "num").element("th", "answer", "class", "num")
                .element("th", "total", "class", "num").close("tr");
        List<CostBarChart.Bar> bars = new ArrayList<>();
        for (CostComparison c : r.costs()) {
            h.open("tr").element("td", c.candidate()).element("td", c.model())
                    .element("td", c.price().map(EvaluationSection::price).orElse("(not in price table)"), "class",
                            "num")
                    .element("td", Formats.tokens(c.promptTokensPerRequest()), "class", "num")
                    .element("td", Formats.tokens(c.completionTokensPerRequest()), "class", "num")
                    .element("td", usd(c.promptCostPer1000Requests()), "class", "num")
                    .element("td", usd(c.completionCostPer1000Requests()), "class", "num")
                    .element("td", usd(c.costPer1000Requests()), "class", "num best").close("tr");
            bars.add(new CostBarChart.Bar(c.candidate(), c.promptCostPer1000Requests().orElse(null),
                    c.completionCostPer1000Requests().orElse(null)));
        }
        h.close("table");
        savings(h, r);
        JobSection.figure(h, new CostBarChart("Cost of 1,000 requests (USD)", bars).render(SvgMode.INLINE),
                "Prompt and answer cost of 1,000 requests like the evaluated ones, from exact token counts and "
                        + "price table " + r.priceTableVersion() + ".");
    }

    private static void savings(Html h, EvaluationResult r) {
        if (r.costs().size() < 2) {
            return;
        }
        CostComparison first = r.costs().get(0);
        for (CostComparison other : r.costs().subList(1, r.costs().size())) {
            double saved = other.promptTokensPerRequest() - first.promptTokensPerRequest();
            if (saved <= 0 || other.promptTokensPerRequest() == 0) {
                continue;
            }
            String text = String.format(Locale.ROOT, "Prompt savings: %s sends %s prompt tokens per request, %s "
                            + "sends %s: %s fewer (%.0f%%).", first.candidate(),
                    Formats.tokens(first.promptTokensPerRequest()), other.candidate(),
                    Formats.tokens(other.promptTokensPerRequest()), Formats.tokens(saved),
                    100 * saved / other.promptTokensPerRequest());
            Optional<BigDecimal> a = first.costPer1000Requests();
            Optional<BigDecimal> b = other.costPer1000Requests();
            if (a.isPresent() && b.isPresent()) {
                BigDecimal diff = b.get().subtract(a.get());
                text += diff.signum() >= 0 ? " Per 1,000 requests " + first.candidate() + " costs "
                        + Usd.format(diff) + " less, fine-tuned inference rates included."
                        : " Per 1,000 requests " + first.candidate() + " still costs " + Usd.format(diff.negate())
                        + " more, because fine-tuned inference is billed at a higher rate.";
            }
            h.element("p", text);
        }
    }

    private static String price(InferencePrice p) {
        return Usd.format(p.inputPerMillionTokens()) + " / " + Usd.format(p.outputPerMillionTokens());
    }

    private static String usd(Optional<BigDecimal> amount) {
        return amount.map(Usd::format).orElse("-");
    }
}
