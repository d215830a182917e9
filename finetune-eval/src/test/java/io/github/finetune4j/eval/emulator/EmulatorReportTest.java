package io.github.finetune4j.eval.emulator;

import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.TrainingHistoryRecorder;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.MetricPoint;
import io.github.finetune4j.core.model.TrainingHistory;
import io.github.finetune4j.eval.Candidate;
import io.github.finetune4j.eval.Evaluation;
import io.github.finetune4j.eval.EvaluationResult;
import io.github.finetune4j.eval.HtmlReport;
import io.github.finetune4j.eval.JobSummary;
import io.github.finetune4j.eval.LossCurves;
import io.github.finetune4j.eval.support.ReportChecks;
import io.github.finetune4j.eval.Scorers;
import io.github.finetune4j.testkit.EmulatorClock;
import io.github.finetune4j.testkit.FineTuningEmulator;
import io.github.finetune4j.testkit.FineTuningEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Acceptance: metrics and the HTML report of a finished emulator job. */
class EmulatorReportTest {
    @RegisterExtension
    static final FineTuningEmulatorExtension EMULATOR = FineTuningEmulatorExtension.using(
            () -> FineTuningEmulator.builder().clock(EmulatorClock.scaled(5000)));
    private static final Duration BOUND = Duration.ofSeconds(30);

    FineTuningEmulator emulator;

    private FineTuneClient client;
    private FineTuneJob job;
    private JobSnapshot done;
    private TrainingHistoryRecorder recorder;

    @BeforeEach
    void train() {
        client = EmulatorJobs.client(emulator);
        recorder = new TrainingHistoryRecorder();
        assertTimeoutPreemptively(BOUND, () -> {
            job = FineTuneJob.start(client, EmulatorJobs.request());
            done = job.awaitCompletion(WaitOptions.builder().fixedInterval(EmulatorJobs.FAST)
                    .timeout(Duration.ofSeconds(15)).listener(recorder).build());
        });
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void metricsComeFromTheBase64ResultFileAndMatchWhatWasSeenLive() {
        TrainingHistory history = assertTimeoutPreemptively(BOUND, job::metrics);

        assertThat(history.trainLoss()).isNotEmpty();
        assertThat(history.trainLoss()).extracting(MetricPoint::step).first().isEqualTo(1L);
        assertThat(history.lastStep()).isEqualTo(history.totalSteps());
        assertThat(history.trainAccuracy()).hasSameSizeAs(history.trainLoss());
        assertThat(history.validLoss()).isEmpty();
        assertThat(recorder.history().trainLoss()).isNotEmpty()
                .allSatisfy(p -> assertThat(history.trainLoss()).contains(p));
    }

    @Test
    void reportOfTheFinishedJobAndItsEvaluationIsSelfContainedWithCurvesAndTables() throws Exception {
        EvaluationResult result = assertTimeoutPreemptively(BOUND, Evaluation.builder().examples(T1000.heldOut())
                .addCandidate(Candidate.of("fine-tuned", client.model(done)))
                .addCandidate(Candidate.of("base", client.model(done.baseModel())))
                .addCandidate(Candidate.builder().name("base + 4 shots").model(client.model(done.baseModel()))
                        .fewShot(T1000.training(), 4).build())
                .addScorer(Scorers.tokenF1()).addScorer(Scorers.chrF()).addScorer(Scorers.exactMatch())
                .build()::run);
        JobSummary summary = assertTimeoutPreemptively(BOUND, () -> JobSummary.fetch(job)).toBuilder()
                .requestedHyperparameters(EmulatorJobs.request().hyperparameters()).build();

        String html = HtmlReport.builder().title("T-1000").job(summary).evaluation(result).build().render();
        Document doc = ReportChecks.parseXml(html);

        ReportChecks.assertNoExternalUrl(html);
        assertThat(ReportChecks.count(doc, "svg")).isEqualTo(4);
        assertThat(ReportChecks.count(doc, "table")).isGreaterThanOrEqualTo(8);
        assertThat(ReportChecks.text(doc)).contains(done.fineTunedModel().orElseThrow(), "succeeded",
                "training loss", "training accuracy", "Event timeline", "Prompt savings", "base + 4 shots",
                "Pairwise win rates");
        assertThat(summary.history().trainLoss()).isNotEmpty();
        assertThat(summary.events()).isNotEmpty();
        assertThat(summary.duration()).isPresent();
        assertThat(result.cost("base + 4 shots").orElseThrow().promptTokensPerRequest())
                .isGreaterThan(result.cost("fine-tuned").orElseThrow().promptTokensPerRequest());
        Document svg = ReportChecks.parseXml(LossCurves.svg(summary.history()));
        assertThat(ReportChecks.count(svg, "polyline")).isEqualTo(1);
    }
}
