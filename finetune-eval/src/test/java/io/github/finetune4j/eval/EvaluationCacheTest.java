package io.github.finetune4j.eval;

import io.github.finetune4j.core.model.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class EvaluationCacheTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private Evaluation.Builder evaluation(ScriptedModel tuned, ScriptedModel base) {
        return Evaluation.builder().examples(Fixtures.examples())
                .addCandidate(Candidate.of("fine-tuned", tuned)).addCandidate(Candidate.of("base", base))
                .addScorer(Scorers.exactMatch()).cache(dir.resolve("cache.jsonl")).concurrency(1);
    }

    @Test
    void reRunAfterACrashSendsRequestsOnlyForTheMissingRows() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        ScriptedModel crashing = new ScriptedModel("gpt-4o-mini-2024-07-18", q -> {
            if (calls.incrementAndGet() == 4) {
                throw new IllegalStateException("simulated crash");
            }
            return "generic";
        });
        Evaluation first = evaluation(Fixtures.tuned(), crashing).build();

        assertThatThrownBy(() -> assertTimeoutPreemptively(BOUND, first::run))
                .isInstanceOf(IllegalStateException.class).hasMessage("simulated crash");
        // rows done before the crash: ex-1..ex-4 of fine-tuned, ex-1..ex-3 of base; plus a line cut short
        assertThat(Files.readAllLines(dir.resolve("cache.jsonl"))).hasSize(7);
        assertThat(calls).hasValue(4);
        Files.writeString(dir.resolve("cache.jsonl"), "{\"format\":1,\"candidate\":\"base\",\"exam",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        ScriptedModel tuned = Fixtures.tuned();
        ScriptedModel base = Fixtures.base();
        EvaluationResult second = assertTimeoutPreemptively(BOUND, evaluation(tuned, base).build()::run);

        assertThat(second.rows()).hasSize(12).noneMatch(EvalRow::isError);
        assertThat(tuned.calls.get() + base.calls.get()).isEqualTo(12 - 7);
        assertThat(second.requestsSent()).isEqualTo(5);
        assertThat(second.rows().stream().filter(r -> r.origin() == RowOrigin.CACHE)).hasSize(7);
        assertThat(second.row("base", "ex-1").orElseThrow().answer()).isEqualTo("generic");
    }

    @Test
    void completeCacheAnswersEverythingWithoutRequests() {
        assertTimeoutPreemptively(BOUND, evaluation(Fixtures.tuned(), Fixtures.base()).build()::run);
        ScriptedModel tuned = Fixtures.tuned();
        ScriptedModel base = Fixtures.base();

        EvaluationResult again = assertTimeoutPreemptively(BOUND, evaluation(tuned, base).build()::run);

        assertThat(tuned.calls.get() + base.calls.get()).isZero();
        assertThat(again.requestsSent()).isZero();
        assertThat(again.summary("fine-tuned").orElseThrow().score(Scorers.EXACT_MATCH).mean()).isEqualTo(1.0);
        assertThat(again.rows()).allMatch(r -> r.origin() == RowOrigin.CACHE);
    }

    @Test
    void aChangedPromptIsAskedAgain() {
        assertTimeoutPreemptively(BOUND, evaluation(Fixtures.tuned(), Fixtures.base()).build()::run);
        ScriptedModel base = Fixtures.base();

        assertTimeoutPreemptively(BOUND, Evaluation.builder().examples(Fixtures.examples())
                .addCandidate(Candidate.builder().name("base").model(base).systemPrompt("Neuer Prompt").build())
                .addScorer(Scorers.exactMatch()).cache(dir.resolve("cache.jsonl")).build()::run);

        assertThat(base.calls).hasValue(6);
    }

    @Test
    void aScorerAddedLaterScoresCachedAnswersWithoutAskingTheCandidates() throws IOException {
        assertTimeoutPreemptively(BOUND, evaluation(Fixtures.tuned(), Fixtures.base()).build()::run);
        ScriptedModel tuned = Fixtures.tuned();
        ScriptedModel base = Fixtures.base();
        ScriptedModel judgeModel = new ScriptedModel("judge", q -> "Score: 10");

        EvaluationResult again = assertTimeoutPreemptively(BOUND, evaluation(tuned, base)
                .addScorer(Scorers.judge(judgeModel, "correct?")).build()::run);

        assertThat(tuned.calls.get() + base.calls.get()).isZero();
        assertThat(judgeModel.calls).hasValue(12);
        assertThat(again.summary("base").orElseThrow().score(JudgeScorer.DEFAULT_NAME).mean()).isEqualTo(1.0);
        // the judge's scores are cached too: a third run asks nobody
        ScriptedModel judgeAgain = new ScriptedModel("judge", q -> "Score: 1");
        assertTimeoutPreemptively(BOUND, evaluation(Fixtures.tuned(), Fixtures.base())
                .addScorer(Scorers.judge(judgeAgain, "correct?")).build()::run);
        assertThat(judgeAgain.calls).hasValue(0);
        assertThat(Files.readAllLines(dir.resolve("cache.jsonl"))).hasSize(24);
    }

    @Test
    void failedRowsAreNotCachedSoTheNextRunAsksAgain() {
        FlakyModel down = new FlakyModel(Fixtures.tuned(), Integer.MAX_VALUE, FlakyModel.Failure.QUOTA);
        Evaluation first = Evaluation.builder().examples(List.of(EvalExample.of("only",
                        List.of(Message.user("Pril?")), "Nur spezielle Reinigungsmittel verwenden.")))
                .addCandidate(Candidate.of("fine-tuned", down)).addScorer(Scorers.exactMatch())
                .cache(dir.resolve("cache.jsonl")).build();
        assertThat(assertTimeoutPreemptively(BOUND, first::run).rows().get(0).isError()).isTrue();
        ScriptedModel healthy = Fixtures.tuned();

        EvaluationResult second = assertTimeoutPreemptively(BOUND, Evaluation.builder()
                .examples(List.of(EvalExample.of("only", List.of(Message.user("Pril?")),
                        "Nur spezielle Reinigungsmittel verwenden.")))
                .addCandidate(Candidate.of("fine-tuned", healthy)).addScorer(Scorers.exactMatch())
                .cache(dir.resolve("cache.jsonl")).build()::run);

        assertThat(healthy.calls).hasValue(1);
        assertThat(second.rows().get(0).score(Scorers.EXACT_MATCH).value()).isEqualTo(1.0);
    }
}
