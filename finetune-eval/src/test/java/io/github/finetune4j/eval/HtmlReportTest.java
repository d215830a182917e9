package io.github.finetune4j.eval;

import io.github.finetune4j.core.model.EventLevel;
import io.github.finetune4j.core.model.FileId;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.model.HyperparameterValue;
import io.github.finetune4j.core.model.JobEvent;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.core.model.Message;
import io.github.finetune4j.core.model.TrainingHistory;
import io.github.finetune4j.core.model.TrainingMetrics;
import io.github.finetune4j.core.preflight.CostEstimate;
import io.github.finetune4j.eval.support.ReportChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class HtmlReportTest {
    private static final Instant CREATED = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path dir;

    static JobSummary jobSummary() {
        JobSnapshot done = JobSnapshot.builder().id(JobId.of("ftjob-abc123")).status(JobStatus.SUCCEEDED)
                .provider("openai").baseModel("gpt-4o-mini-2024-07-18")
                .fineTunedModel("ft:gpt-4o-mini-2024-07-18:org:t1000:abc").createdAt(CREATED)
                .finishedAt(CREATED.plus(Duration.ofMinutes(12))).trainingFile(FileId.of("file-train"))
                .validationFile(FileId.of("file-valid")).trainedTokens(30_000L)
                .hyperparameters(Hyperparameters.builder().epochs(Optional.of(HyperparameterValue.of(3)))
                        .batchSize(Optional.of(HyperparameterValue.of(1)))
                        .learningRateMultiplier(Optional.of(HyperparameterValue.of(1.8))).build())
                .build();
        TrainingHistory.Builder history = TrainingHistory.builder();
        List<JobEvent> events = new ArrayList<>();
        events.add(new JobEvent("ev-0", CREATED, EventLevel.INFO, "Validating training file", Optional.empty()));
        for (int step = 1; step <= 36; step++) {
            Map<String, Double> values = step % 4 == 0
                    ? Map.of("train_loss", 2.0 / step, "train_mean_token_accuracy", 0.5 + step / 80.0,
                    "valid_loss", 2.2 / step, "valid_mean_token_accuracy", 0.45 + step / 80.0)
                    : Map.of("train_loss", 2.0 / step, "train_mean_token_accuracy", 0.5 + step / 80.0);
            TrainingMetrics m = new TrainingMetrics(step, 36, values);
            history.add(m);
            events.add(new JobEvent("ev-m" + step, CREATED.plusSeconds(60 + step * 10L), EventLevel.INFO,
                    "Step " + step + "/36", Optional.of(m)));
        }
        history.add("full_valid_loss", 12, 0.4).add("full_valid_loss", 24, 0.2).add("full_valid_loss", 36, 0.1);
        events.add(new JobEvent("ev-w", CREATED.plusSeconds(500), EventLevel.WARN, "Step 20: <loss spike> & retry",
                Optional.empty()));
        events.add(new JobEvent("ev-z", CREATED.plus(Duration.ofMinutes(12)), EventLevel.INFO,
                "The job has successfully completed", Optional.empty()));
        return JobSummary.builder().job(done).history(history.build()).events(events)
                .requestedHyperparameters(Hyperparameters.builder().epochs(3).build())
                .costEstimate(CostEstimate.builder().baseModel("gpt-4o-mini-2024-07-18").epochs(3)
                        .epochSource(CostEstimate.EpochSource.FIXED).billingTokens(9_800).trainedTokens(29_400)
                        .pricePerMillionTokens(new BigDecimal("3.00")).estimatedCost(new BigDecimal("0.0882"))
                        .priceTableVersion("openai-2026-11-22").build())
                .build();
    }

    static EvaluationResult evaluation() {
        List<EvalExample> examples = new ArrayList<>(Fixtures.examples());
        examples.add(EvalExample.of("tricky", List.of(Message.user("<script>alert(1)</script> & \"q\"")),
                "Antwort mit <b>HTML</b> & \u0001 Steuerzeichen"));
        ScriptedModel tuned = Fixtures.tuned();
        ScriptedModel base = new ScriptedModel("gpt-4o-mini-2024-07-18", q -> q.startsWith("<script>")
                ? "<img src=\"x.png\"/> \u0007 ]]>" : "Ich bin ein allgemeiner Assistent.");
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Evaluation.builder().examples(examples)
                .addCandidate(Candidate.of("fine-tuned", tuned)).addCandidate(Candidate.of("base", base))
                .addCandidate(Candidate.builder().name("base + 2 shots").model(base)
                        .addFewShotExample(io.github.finetune4j.core.model.Example.of(Message.user("Saugt nicht?"),
                                Message.assistant("Bitte den Filter reinigen.")))
                        .addFewShotExample(io.github.finetune4j.core.model.Example.of(Message.user("Zu laut?"),
                                Message.assistant("Bitte die Bürste prüfen.")))
                        .build())
                .addScorer(Scorers.exactMatch()).addScorer(Scorers.tokenF1()).addScorer(Scorers.chrF())
                .build().run());
    }

    @Test
    void reportIsWellFormedAndLoadsNothingFromTheNetwork() throws Exception {
        String html = HtmlReport.builder().title("T-1000 report").job(jobSummary()).evaluation(evaluation())
                .generatedAt(CREATED.plus(Duration.ofHours(1))).build().render();

        Document doc = ReportChecks.parseXml(html);

        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("html");
        ReportChecks.assertNoExternalUrl(html);
        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(ReportChecks.count(doc, "script")).isZero();
        assertThat(ReportChecks.count(doc, "style")).isEqualTo(1);
    }

    @Test
    void reportShowsJobSummaryCurvesTimelineAndEvaluation() throws Exception {
        String html = HtmlReport.builder().job(jobSummary()).evaluation(evaluation()).build().render();
        Document doc = ReportChecks.parseXml(html);
        String text = ReportChecks.text(doc);

        assertThat(ReportChecks.count(doc, "svg")).isEqualTo(4);
        assertThat(ReportChecks.count(doc, "polyline")).isGreaterThanOrEqualTo(4);
        assertThat(text).contains("gpt-4o-mini-2024-07-18", "ft:gpt-4o-mini-2024-07-18:org:t1000:abc",
                "Training and validation loss", "Training and validation token accuracy",
                "loss (mean cross-entropy per token, nats)", "training step", "mean token accuracy (%)",
                "training loss", "validation loss", "full validation loss",
                "learning-rate multiplier", "auto (not sent)", "1.8",
                "30,000", "$0.0882 for 29,400 trained tokens", "$0.09 = 30,000 trained tokens x $3.00 per million",
                "12 min 0 s", "Step 20: <loss spike> & retry", "36 metrics events",
                "Scores per candidate", "Pairwise win rates", "Cost per 1,000 requests", "Prompt savings",
                "Answers per example", "base + 2 shots", "Mean score per scorer and candidate",
                "USD per 1,000 requests");
        assertThat(text).doesNotContain("Fine-tuning job started");
    }

    @Test
    void hostileAnswersAreEscapedNotInterpreted() throws Exception {
        String html = HtmlReport.builder().evaluation(evaluation()).build().render();
        Document doc = ReportChecks.parseXml(html);

        assertThat(ReportChecks.count(doc, "img")).isZero();
        assertThat(ReportChecks.count(doc, "b")).isZero();
        assertThat(ReportChecks.text(doc)).contains("<script>alert(1)</script> & \"q\"", "Antwort mit <b>HTML</b>");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("\u0001", "\u0007");
    }

    @Test
    void reportWithOnlyAnEvaluationOrOnlyAJobStillRenders() throws Exception {
        Document evalOnly = ReportChecks.parseXml(HtmlReport.builder().evaluation(evaluation()).build().render());
        Document jobOnly = ReportChecks.parseXml(HtmlReport.builder().job(jobSummary()).build().render());
        Document empty = ReportChecks.parseXml(HtmlReport.builder().build().render());

        assertThat(ReportChecks.count(evalOnly, "svg")).isEqualTo(2);
        assertThat(ReportChecks.count(jobOnly, "svg")).isEqualTo(2);
        assertThat(ReportChecks.text(empty)).contains("Nothing to report");
    }

    @Test
    void writeCreatesTheFile() throws Exception {
        Path file = dir.resolve("report.html");

        HtmlReport.builder().job(jobSummary()).build().write(file);

        assertThat(ReportChecks.parseXml(Files.readString(file)).getDocumentElement().getTagName())
                .isEqualTo("html");
    }

    @Test
    void jobSummaryComputesDurationAndActualCost() {
        JobSummary s = jobSummary();

        assertThat(s.duration()).contains(Duration.ofMinutes(12));
        assertThat(s.actualCost()).contains(new BigDecimal("0.0900"));
    }
}
