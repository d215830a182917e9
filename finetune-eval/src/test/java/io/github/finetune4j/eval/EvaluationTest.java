package io.github.finetune4j.eval;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class EvaluationTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    private static Evaluation.Builder twoCandidates(ScriptedModel tuned, ScriptedModel base) {
        return Evaluation.builder().examples(Fixtures.examples())
                .addCandidate(Candidate.of("fine-tuned", tuned))
                .addCandidate(Candidate.of("base", base))
                .addScorer(Scorers.exactMatch()).addScorer(Scorers.tokenF1()).addScorer(Scorers.chrF());
    }

    private static EvaluationResult run(Evaluation evaluation) {
        return assertTimeoutPreemptively(BOUND, evaluation::run);
    }

    @Test
    void everyCandidateAnswersEveryExampleAndIsScored() {
        ScriptedModel tuned = Fixtures.tuned();
        ScriptedModel base = Fixtures.base();

        EvaluationResult result = run(twoCandidates(tuned, base).build());

        assertThat(result.complete()).isTrue();
        assertThat(result.rows()).hasSize(12);
        assertThat(result.requestsSent()).isEqualTo(12);
        assertThat(tuned.calls).hasValue(6);
        assertThat(base.calls).hasValue(6);
        assertThat(result.rows()).extracting(EvalRow::exampleId).startsWith("ex-1", "ex-1", "ex-2", "ex-2");
        EvalRow row = result.row("fine-tuned", "ex-1").orElseThrow();
        assertThat(row.answer()).isEqualTo(Fixtures.examples().get(0).reference());
        assertThat(row.scores()).containsOnlyKeys(Scorers.CHRF, Scorers.EXACT_MATCH, Scorers.TOKEN_F1);
        assertThat(row.promptTokens()).isPositive();
        assertThat(row.completionTokens()).isPositive();
        assertThat(row.reportedUsage()).isPresent();
        assertThat(row.origin()).isEqualTo(RowOrigin.REQUESTED);
    }

    @Test
    void fineTunedModelBeatsBaseModelWithIntervalsAndWinRates() {
        EvaluationResult result = run(twoCandidates(Fixtures.tuned(), Fixtures.base()).build());

        CandidateSummary tuned = result.summary("fine-tuned").orElseThrow();
        CandidateSummary base = result.summary("base").orElseThrow();
        assertThat(tuned.score(Scorers.EXACT_MATCH).mean()).isEqualTo(1.0);
        assertThat(tuned.score(Scorers.EXACT_MATCH).n()).isEqualTo(6);
        assertThat(base.score(Scorers.EXACT_MATCH).mean()).isZero();
        assertThat(tuned.score(Scorers.CHRF).lower()).isGreaterThan(base.score(Scorers.CHRF).upper());
        PairwiseComparison win = result.comparison(Scorers.TOKEN_F1, "fine-tuned", "base").orElseThrow();
        assertThat(win.wins()).isEqualTo(6);
        assertThat(win.winRate()).isEqualTo(1.0);
        assertThat(result.comparison(Scorers.TOKEN_F1, "base", "fine-tuned").orElseThrow().winRate()).isZero();
        assertThat(result.summaryTable()).contains("fine-tuned", "base", "exact_match", "1.00 [1.00, 1.00]",
                "Win rate by exact_match: fine-tuned vs base 100% (6 wins, 0 losses, 0 ties)");
    }

    @Test
    void bootstrapIntervalsAreDeterministicForASeed() {
        ScriptedModel halfRight = new ScriptedModel("ft:gpt-4o-mini-2024-07-18:org::x",
                q -> q.startsWith("A") || q.startsWith("Z") ? Fixtures.QA.get(q) : "nein");
        Evaluation evaluation = Evaluation.builder().examples(Fixtures.examples())
                .addCandidate(Candidate.of("half", halfRight)).addScorer(Scorers.exactMatch())
                .bootstrap(1000, 7).build();

        ConfidenceInterval first = run(evaluation).summary("half").orElseThrow().score(Scorers.EXACT_MATCH);
        ConfidenceInterval second = run(evaluation).summary("half").orElseThrow().score(Scorers.EXACT_MATCH);

        assertThat(first).isEqualTo(second);
        assertThat(first.mean()).isEqualTo(2.0 / 6);
        assertThat(first.lower()).isLessThan(first.mean());
        assertThat(first.upper()).isGreaterThan(first.mean());
    }

    @Test
    void concurrencyNeverExceedsTheBound() {
        GatedModel model = new GatedModel("gpt-4o-mini-2024-07-18", 3);
        List<EvalExample> many = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(EvalExample.of("ex-" + i, List.of(io.github.finetune4j.core.model.Message.user("q" + i)), "a"));
        }

        EvaluationResult result = run(Evaluation.builder().examples(many).addCandidate(Candidate.of("m", model))
                .addScorer(Scorers.exactMatch()).concurrency(3).build());

        assertThat(result.rows()).hasSize(30);
        assertThat(model.maxInFlight).hasValue(3);
    }

    @Test
    void deferredRequestsAreAskedAgainAfterTheServiceDelay() {
        FlakyModel flaky = new FlakyModel(Fixtures.tuned(), 2, FlakyModel.Failure.DEFERRED);
        List<Duration> waits = new java.util.concurrent.CopyOnWriteArrayList<>();

        EvaluationResult result = run(Evaluation.builder().examples(Fixtures.examples())
                .addCandidate(Candidate.of("fine-tuned", flaky)).addScorer(Scorers.exactMatch())
                .retryPolicy(FlakyModel.FAST_RETRIES).concurrency(1).sleeper(waits::add).build());

        assertThat(result.rows()).noneMatch(EvalRow::isError);
        assertThat(result.requestsSent()).isEqualTo(6 + 2);
        assertThat(flaky.attempts).hasValue(8);
        assertThat(waits).containsExactly(Duration.ofSeconds(90), Duration.ofSeconds(90));
        assertThat(result.summary("fine-tuned").orElseThrow().score(Scorers.EXACT_MATCH).mean()).isEqualTo(1.0);
    }

    @Test
    void rateLimitsTheClientAlreadyRetriedAreNotRetriedAgain() {
        FlakyModel limited = new FlakyModel(Fixtures.tuned(), 1, FlakyModel.Failure.RATE_LIMIT);

        EvaluationResult result = run(Evaluation.builder().examples(Fixtures.examples().subList(0, 1))
                .addCandidate(Candidate.of("fine-tuned", limited)).addScorer(Scorers.exactMatch())
                .retryPolicy(FlakyModel.FAST_RETRIES).build());

        assertThat(result.rows().get(0).isError()).isTrue();
        assertThat(limited.attempts).hasValue(1);
    }

    @Test
    void exhaustedQuotaIsNotRetriedAndTheRowFails() {
        FlakyModel broke = new FlakyModel(Fixtures.tuned(), Integer.MAX_VALUE, FlakyModel.Failure.QUOTA);

        EvaluationResult result = run(Evaluation.builder().examples(Fixtures.examples().subList(0, 1))
                .addCandidate(Candidate.of("fine-tuned", broke)).addScorer(Scorers.exactMatch())
                .retryPolicy(FlakyModel.FAST_RETRIES).build());

        EvalRow row = result.rows().get(0);
        assertThat(row.isError()).isTrue();
        assertThat(row.error().orElseThrow()).contains("RateLimitException");
        assertThat(broke.attempts).hasValue(1);
        assertThat(result.summary("fine-tuned").orElseThrow().errors()).isEqualTo(1);
        assertThat(row.score(Scorers.EXACT_MATCH).isMissing()).isTrue();
    }

    @Test
    void serverErrorsTheClientAlreadyRetriedAreNotRetriedAgain() {
        FlakyModel down = new FlakyModel(Fixtures.tuned(), Integer.MAX_VALUE, FlakyModel.Failure.SERVER);

        EvaluationResult result = run(Evaluation.builder().examples(Fixtures.examples().subList(0, 1))
                .addCandidate(Candidate.of("fine-tuned", down)).addScorer(Scorers.exactMatch())
                .retryPolicy(FlakyModel.FAST_RETRIES).build());

        assertThat(result.rows().get(0).isError()).isTrue();
        assertThat(down.attempts).hasValue(1);
    }

    @Test
    void deadlineReturnsThePartialResultAndInterruptsRequestsInFlight() {
        BlockingModel stuck = new BlockingModel("gpt-4o-mini-2024-07-18");

        EvaluationResult result = run(Evaluation.builder().examples(Fixtures.examples())
                .addCandidate(Candidate.of("fine-tuned", Fixtures.tuned()))
                .addCandidate(Candidate.of("stuck", stuck))
                .addScorer(Scorers.exactMatch()).concurrency(2).deadline(Duration.ofMillis(300)).build());

        assertThat(result.complete()).isFalse();
        assertThat(result.missingRows()).isPositive();
        assertThat(result.rowsOf("stuck")).isEmpty();
        assertThat(result.summaryTable()).contains("INCOMPLETE");
        assertTimeoutPreemptively(BOUND, () -> stuck.interrupted.await());
    }

    @Test
    void listenerSeesStartEveryRowAndFinishAndAThrowingListenerDoesNotStopTheRun() {
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicInteger rows = new AtomicInteger();
        EvalListener recorder = new EvalListener() {
            @Override
            public void onStart(int total, int cached) {
                seen.add("start " + total + " " + cached);
            }

            @Override
            public void onRow(EvalRow row, int done, int total) {
                rows.incrementAndGet();
            }

            @Override
            public void onFinish(EvaluationResult result) {
                seen.add("finish " + result.rows().size());
            }
        };
        EvalListener broken = new EvalListener() {
            @Override
            public void onRow(EvalRow row, int done, int total) {
                throw new IllegalStateException("listener bug");
            }
        };

        EvaluationResult result = run(twoCandidates(Fixtures.tuned(), Fixtures.base()).listener(broken)
                .listener(recorder).build());

        assertThat(result.rows()).hasSize(12);
        assertThat(seen).containsExactly("start 12 0", "finish 12");
        assertThat(rows).hasValue(12);
    }

    @Test
    void interruptedCallerGetsFineTuneInterruptedExceptionWithTheFlagRestored() {
        Evaluation evaluation = Evaluation.builder().examples(Fixtures.examples())
                .addCandidate(Candidate.of("stuck", new BlockingModel("gpt-4o-mini-2024-07-18")))
                .addScorer(Scorers.exactMatch()).build();

        assertTimeoutPreemptively(BOUND, () -> {
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(evaluation::run)
                        .isInstanceOf(io.github.finetune4j.core.error.FineTuneInterruptedException.class);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        });
    }

    @Test
    void costComparisonPricesFineTunedAndBaseModelsPer1000Requests() {
        EvaluationResult result = run(twoCandidates(Fixtures.tuned(), Fixtures.base()).build());

        CostComparison tuned = result.cost("fine-tuned").orElseThrow();
        CostComparison base = result.cost("base").orElseThrow();
        assertThat(tuned.price().orElseThrow().kind()).isEqualTo(ModelKind.FINE_TUNED);
        assertThat(base.price().orElseThrow().kind()).isEqualTo(ModelKind.BASE);
        assertThat(tuned.costPer1000Requests()).isPresent();
        assertThat(result.priceTableVersion()).isEqualTo("openai-2026-11-22");
    }

    @Test
    void buildRejectsDuplicateNamesAndMissingParts() {
        assertThatThrownBy(() -> Evaluation.builder().examples(Fixtures.examples())
                .addCandidate(Candidate.of("x", Fixtures.base())).addCandidate(Candidate.of("x", Fixtures.tuned()))
                .addScorer(Scorers.exactMatch()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("duplicate candidate name: x");
        assertThatThrownBy(() -> Evaluation.builder().addScorer(Scorers.exactMatch()).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Evaluation.builder().concurrency(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
