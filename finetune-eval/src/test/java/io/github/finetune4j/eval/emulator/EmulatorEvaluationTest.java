package io.github.finetune4j.eval.emulator;

import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.eval.Candidate;
import io.github.finetune4j.eval.EvalRow;
import io.github.finetune4j.eval.Evaluation;
import io.github.finetune4j.eval.EvaluationResult;
import io.github.finetune4j.eval.RowOrigin;
import io.github.finetune4j.eval.Scorers;
import io.github.finetune4j.testkit.EmulatorClock;
import io.github.finetune4j.testkit.Fault;
import io.github.finetune4j.testkit.FineTuningEmulator;
import io.github.finetune4j.testkit.FineTuningEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Acceptance: the T-1000 held-out set against the emulator's fine-tuned and base models. */
class EmulatorEvaluationTest {
    @RegisterExtension
    static final FineTuningEmulatorExtension EMULATOR = FineTuningEmulatorExtension.using(
            () -> FineTuningEmulator.builder().clock(EmulatorClock.scaled(5000)));
    private static final Duration BOUND = Duration.ofSeconds(30);

    FineTuningEmulator emulator;

    @TempDir
    Path dir;

    private FineTuneClient client;
    private FineTunedModel tuned;
    private FineTunedModel base;

    @BeforeEach
    void train() {
        client = EmulatorJobs.client(emulator);
        EmulatorJobs.Trained trained = EmulatorJobs.train(client);
        tuned = client.model(trained.done()).withTemperature(0);
        base = client.model(trained.done().baseModel()).withTemperature(0);
    }

    @AfterEach
    void close() {
        client.close();
    }

    private Evaluation.Builder evaluation(FineTunedModel tunedModel) {
        return Evaluation.builder().examples(T1000.heldOut())
                .addCandidate(Candidate.of("fine-tuned", tunedModel))
                .addCandidate(Candidate.of("base", base))
                .addScorer(Scorers.tokenF1()).addScorer(Scorers.chrF()).addScorer(Scorers.exactMatch())
                .concurrency(4);
    }

    private long chatRequests() {
        return emulator.recordedRequests().stream().filter(r -> r.path().endsWith("/chat/completions")).count();
    }

    @Test
    void fineTunedModelBeatsItsBaseModelOnTheHeldOutParaphrases() {
        EvaluationResult result = assertTimeoutPreemptively(BOUND, evaluation(tuned).build()::run);

        assertThat(result.complete()).isTrue();
        assertThat(result.rows()).hasSize(16).noneMatch(EvalRow::isError);
        for (String scorer : List.of(Scorers.TOKEN_F1, Scorers.CHRF, Scorers.EXACT_MATCH)) {
            double tunedMean = result.summary("fine-tuned").orElseThrow().score(scorer).mean();
            double baseMean = result.summary("base").orElseThrow().score(scorer).mean();
            assertThat(tunedMean).as(scorer).isGreaterThan(baseMean);
            assertThat(result.comparison(scorer, "fine-tuned", "base").orElseThrow().winRate()).as(scorer)
                    .isGreaterThan(0.5);
        }
        assertThat(result.summary("fine-tuned").orElseThrow().score(Scorers.TOKEN_F1).lower())
                .isGreaterThan(result.summary("base").orElseThrow().score(Scorers.TOKEN_F1).upper());
        assertThat(result.row("fine-tuned", "pril").orElseThrow().answer()).isEqualTo(T1000.CLEANING);
        assertThat(chatRequests()).isEqualTo(16);
    }

    @Test
    void reRunAfterASimulatedCrashSendsRequestsOnlyForTheMissingRows() throws Exception {
        Path cache = dir.resolve("eval-cache.jsonl");
        AtomicInteger calls = new AtomicInteger();
        FineTunedModel crashing = new CrashingModel(tuned, 5, calls);

        assertThatThrownBy(() -> assertTimeoutPreemptively(BOUND,
                evaluation(crashing).concurrency(1).cache(cache).build()::run))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("simulated crash");
        int cachedRows = Files.readAllLines(cache).size();
        long requestsBefore = chatRequests();

        EvaluationResult rerun = assertTimeoutPreemptively(BOUND, evaluation(tuned).cache(cache).build()::run);

        assertThat(cachedRows).isBetween(1, 15);
        assertThat(rerun.rows()).hasSize(16).noneMatch(EvalRow::isError);
        assertThat(chatRequests() - requestsBefore).isEqualTo(16 - cachedRows);
        assertThat(rerun.requestsSent()).isEqualTo(16 - cachedRows);
        assertThat(rerun.rows().stream().filter(r -> r.origin() == RowOrigin.CACHE).count()).isEqualTo(cachedRows);
        assertThat(rerun.summary("fine-tuned").orElseThrow().score(Scorers.TOKEN_F1).mean())
                .isGreaterThan(rerun.summary("base").orElseThrow().score(Scorers.TOKEN_F1).mean());
    }

    @Test
    void rateLimitedChatRequestsAreRetriedByTheClient() {
        emulator.faults().inject(Fault.rateLimit(Duration.ofMillis(1)).times(3).onPath("/chat/completions"));

        EvaluationResult result = assertTimeoutPreemptively(BOUND, evaluation(tuned)
                .retryPolicy(RetryPolicy.none()).build()::run);

        assertThat(result.rows()).hasSize(16).noneMatch(EvalRow::isError);
        assertThat(emulator.faults().pending()).isZero();
        assertThat(chatRequests()).isEqualTo(16 + 3);
        assertThat(result.requestsSent()).isEqualTo(16);
    }

    @Test
    void aRowTheServiceKeepsFailingCostsTheClientsAttemptsNotAttemptsSquared() {
        emulator.faults().inject(Fault.serverError().times(100).onPath("/chat/completions"));

        EvaluationResult result = assertTimeoutPreemptively(BOUND, Evaluation.builder()
                .examples(T1000.heldOut().subList(0, 1)).addCandidate(Candidate.of("fine-tuned", tuned))
                .addScorer(Scorers.tokenF1()).build()::run);

        assertThat(result.rows()).singleElement().satisfies(r -> assertThat(r.isError()).isTrue());
        // the client's retry policy (3 attempts) is the only one: not 3 evaluation attempts of 3 HTTP attempts each
        assertThat(chatRequests()).isEqualTo(3);
        emulator.faults().clear();
    }

    @Test
    void concurrencyAgainstTheEmulatorStaysWithinTheBound() {
        CountingModel counting = new CountingModel(tuned);

        EvaluationResult result = assertTimeoutPreemptively(BOUND, Evaluation.builder().examples(T1000.heldOut())
                .addCandidate(Candidate.of("fine-tuned", counting)).addScorer(Scorers.tokenF1()).concurrency(2)
                .build()::run);

        assertThat(result.rows()).hasSize(8);
        assertThat(counting.maxInFlight.get()).isBetween(1, 2);
    }
}
