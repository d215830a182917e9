package io.github.finetune4j.eval;

import io.github.finetune4j.eval.internal.Bootstrap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns rows into per-candidate summaries, pairwise win rates and cost comparisons. Deterministic. */
final class Aggregates {
    private static final double TIE_TOLERANCE = 1e-9;

    private Aggregates() {
    }

    static EvaluationResult result(Evaluation evaluation, List<EvalRow> rows, boolean complete, int requests,
                                   Duration elapsed) {
        List<String> candidates = evaluation.candidates().stream().map(Candidate::name).toList();
        List<String> scorers = evaluation.scorers().stream().map(Scorer::name).toList();
        List<CandidateSummary> summaries = new ArrayList<>();
        List<CostComparison> costs = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            Candidate candidate = evaluation.candidates().get(c);
            List<EvalRow> mine = rows.stream().filter(r -> r.candidate().equals(candidate.name())).toList();
            summaries.add(summary(evaluation, candidate, c, scorers, mine));
            costs.add(cost(evaluation, candidate, mine));
        }
        return EvaluationResult.builder().examples(evaluation.examples()).candidates(candidates).scorers(scorers)
                .rows(rows).summaries(summaries).comparisons(comparisons(candidates, scorers, rows)).costs(costs)
                .confidenceLevel(evaluation.confidenceLevel()).priceTableVersion(evaluation.prices().version())
                .complete(complete).requestsSent(requests).elapsed(elapsed).build();
    }

    private static CandidateSummary summary(Evaluation evaluation, Candidate candidate, int index,
                                            List<String> scorers, List<EvalRow> rows) {
        List<EvalRow> answered = rows.stream().filter(r -> !r.isError()).toList();
        CandidateSummary.Builder b = CandidateSummary.builder().candidate(candidate.name())
                .model(candidate.model().name()).rows(rows.size()).errors(rows.size() - answered.size());
        for (int s = 0; s < scorers.size(); s++) {
            String scorer = scorers.get(s);
            double[] values = answered.stream().map(r -> r.score(scorer)).filter(x -> !x.isMissing())
                    .mapToDouble(Score::value).toArray();
            long seed = evaluation.seed() + 1_000_003L * index + 7_919L * s;
            double[] ci = Bootstrap.meanInterval(values, evaluation.bootstrapResamples(),
                    evaluation.confidenceLevel(), seed);
            b.putScore(scorer, new ConfidenceInterval(ci[0], ci[1], ci[2], values.length));
        }
        double[] latencies = answered.stream().mapToDouble(r -> r.latency().toNanos()).sorted().toArray();
        if (latencies.length > 0) {
            b.medianLatency(Duration.ofNanos(Math.round(Bootstrap.quantile(latencies, 0.5))))
                    .p95Latency(Duration.ofNanos(Math.round(Bootstrap.quantile(latencies, 0.95))));
        }
        b.meanPromptTokens(mean(answered.stream().mapToDouble(EvalRow::promptTokens).toArray()))
                .meanCompletionTokens(mean(answered.stream().mapToDouble(EvalRow::completionTokens).toArray()));
        return b.build();
    }

    private static CostComparison cost(Evaluation evaluation, Candidate candidate, List<EvalRow> rows) {
        List<EvalRow> answered = rows.stream().filter(r -> !r.isError()).toList();
        CostComparison.Builder b = CostComparison.builder().candidate(candidate.name())
                .model(candidate.model().name())
                .promptTokensPerRequest(mean(answered.stream().mapToDouble(EvalRow::promptTokens).toArray()))
                .completionTokensPerRequest(mean(answered.stream().mapToDouble(EvalRow::completionTokens).toArray()));
        evaluation.prices().find(candidate.model().name()).ifPresent(b::price);
        return b.build();
    }

    private static List<PairwiseComparison> comparisons(List<String> candidates, List<String> scorers,
                                                        List<EvalRow> rows) {
        Map<String, EvalRow> byKey = new HashMap<>();
        rows.forEach(r -> byKey.put(r.candidate() + '\u0000' + r.exampleId(), r));
        List<String> exampleIds = rows.stream().map(EvalRow::exampleId).distinct().toList();
        List<PairwiseComparison> out = new ArrayList<>();
        for (String scorer : scorers) {
            for (String a : candidates) {
                for (String b : candidates) {
                    if (a.equals(b)) {
                        continue;
                    }
                    int wins = 0;
                    int losses = 0;
                    int ties = 0;
                    for (String id : exampleIds) {
                        EvalRow ra = byKey.get(a + '\u0000' + id);
                        EvalRow rb = byKey.get(b + '\u0000' + id);
                        if (ra == null || rb == null || ra.isError() || rb.isError()) {
                            continue;
                        }
                        Score sa = ra.score(scorer);
                        Score sb = rb.score(scorer);
                        if (sa.isMissing() || sb.isMissing()) {
                            continue;
                        }
                        double diff = sa.value() - sb.value();
                        if (Math.abs(diff) <= TIE_TOLERANCE) {
                            ties++;
                        } else if (diff > 0) {
                            wins++;
                        } else {
                            losses++;
                        }
                    }
                    out.add(PairwiseComparison.builder().scorer(scorer).candidate(a).opponent(b).wins(wins)
                            .losses(losses).ties(ties).build());
                }
            }
        }
        return out;
    }

    private static double mean(double[] values) {
        return values.length == 0 ? 0 : Arrays.stream(values).average().orElse(0);
    }
}
