package io.github.finetune4j.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.JobId;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.PageRequest;
import io.github.finetune4j.core.preflight.PriceTable;
import io.github.finetune4j.testkit.Fault;
import io.github.finetune4j.testkit.RecordedRequest;
import io.github.finetune4j.testkit.SeededJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The four steps against the emulator: OpenAI fine-tunes moved to Azure OpenAI. */
class MigrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration BUDGET = Duration.ofSeconds(90);

    @TempDir
    Path folder;

    private final Accounts accounts = new Accounts();

    @AfterEach
    void close() {
        accounts.close();
    }

    @Test
    void snapshotDownloadsFilesWithTheirChecksumsAndRecordsGoldenAnswers() throws IOException {
        SeededJob support = accounts.seedSupport();
        SeededJob billing = accounts.seedBilling();
        Migration migration = accounts.migration(folder).build();

        StepResult result = assertTimeoutPreemptively(BUDGET, migration::snapshot);

        assertThat(result.outcomes()).extracting(ModelOutcome::status)
                .containsExactly(OutcomeStatus.DONE, OutcomeStatus.DONE);
        JsonNode manifest = manifest();
        JsonNode supportEntry = entry(manifest, support.jobId());
        assertThat(supportEntry.at("/trainingFile/sha256").asText())
                .isEqualTo(accounts.emulator.openAi().fileSha256(support.trainingFileId()));
        assertThat(supportEntry.at("/validationFile/sha256").asText())
                .isEqualTo(accounts.emulator.openAi().fileSha256(support.validationFileId().orElseThrow()));
        assertThat(folder.resolve(supportEntry.at("/trainingFile/path").asText()))
                .hasContent(Accounts.resource("support-train.jsonl").strip());
        assertThat(supportEntry.at("/golden/from").asText()).isEqualTo("validation");
        List<JsonNode> supportGolden = lines(folder.resolve(supportEntry.at("/golden/path").asText()));
        assertThat(supportGolden).extracting(n -> n.get("id").asText())
                .containsExactly("val-0001", "val-0002", "val-0003", "val-0004");
        // The emulator's fine-tuned model answers a paraphrase with its training answer: the validation reference.
        assertThat(supportGolden.get(0).get("answer").asText()).startsWith("Es könnte ein verstopfter Filter sein.");
        JsonNode billingEntry = entry(manifest, billing.jobId());
        assertThat(billingEntry.has("validationFile")).isFalse();
        assertThat(billingEntry.at("/golden/from").asText()).isEqualTo("training");
        assertThat(billingEntry.at("/golden/indices")).hasSize(5);
        assertThat(billingEntry.at("/golden/complete").asBoolean()).isTrue();
    }

    @Test
    void everyStepRunAgainSendsNoRequestTwice() {
        accounts.seedSupport();
        accounts.seedBilling();
        Migration first = accounts.migration(folder).build();
        assertTimeoutPreemptively(BUDGET, first::runAll);
        int before = accounts.requests().size();

        Migration again = accounts.migration(folder).build();
        List<StepResult> snapshot = List.of(again.snapshot());
        StepResult retrain = again.retrain();
        StepResult compare = again.compare();

        List<RecordedRequest> sent = accounts.requests().subList(before, accounts.requests().size());
        assertThat(snapshot.get(0).outcomes()).extracting(ModelOutcome::status)
                .containsOnly(OutcomeStatus.ALREADY_DONE);
        assertThat(retrain.outcomes()).extracting(ModelOutcome::status).containsOnly(OutcomeStatus.ALREADY_DONE);
        assertThat(compare.outcomes()).extracting(ModelOutcome::status).containsOnly(OutcomeStatus.ALREADY_DONE);
        assertThat(sent).as("requests of the second run").isEmpty();
    }

    @Test
    void retrainStartsExactlyOneJobPerModelWithTheTranslatedRequest() {
        SeededJob support = accounts.seedSupport();
        accounts.seedBilling();
        Migration migration = accounts.migration(folder).build();
        migration.snapshot();

        StepResult result = assertTimeoutPreemptively(BUDGET, migration::retrain);

        assertThat(result.outcomes()).extracting(ModelOutcome::status).containsOnly(OutcomeStatus.DONE);
        assertThat(accounts.emulator.azure().jobIds()).hasSize(2);
        JobSnapshot source = accounts.openAi.attach(JobId.of(support.jobId())).latest();
        JobSnapshot retrained = accounts.azure.listJobs(PageRequest.first()).stream()
                .filter(j -> support.jobId().equals(j.metadata().get(RetrainRequests.MIGRATED_FROM))).findFirst()
                .orElseThrow();
        assertThat(retrained.baseModel()).isEqualTo(Accounts.SUPPORT_BASE);
        assertThat(retrained.suffix()).contains("support");
        assertThat(retrained.hyperparameters().epochs()).isEqualTo(source.hyperparameters().epochs());
        assertThat(retrained.hyperparameters().batchSize()).isEqualTo(source.hyperparameters().batchSize());
        assertThat(retrained.validationFile()).isPresent();
        assertThat(retrained.metadata()).containsKey(FineTuneRequest.IDEMPOTENCY_METADATA_KEY);
        assertThat(entry(manifest(), support.jobId()).at("/retrain/jobId").asText())
                .isEqualTo(retrained.id().value());
    }

    @Test
    void compareWritesOneReportPerModelAndTheSummary() throws IOException {
        SeededJob support = accounts.seedSupport();
        SeededJob billing = accounts.seedBilling();
        Migration migration = accounts.migration(folder).build();

        List<StepResult> steps = assertTimeoutPreemptively(BUDGET, migration::runAll);

        StepResult compare = steps.get(3);
        assertThat(compare.outcomes()).extracting(ModelOutcome::status).containsOnly(OutcomeStatus.DONE);
        Path report = folder.resolve(entry(manifest(), support.jobId()).at("/compare/report").asText());
        assertThat(report).exists();
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains(support.fineTunedModel())
                .contains("before").contains("after").contains("token_f1_vs_golden");
        String summary = Files.readString(folder.resolve("summary.txt"), StandardCharsets.UTF_8);
        assertThat(summary).contains("2 of 2 models compared").contains(support.jobId()).contains(billing.jobId())
                .contains("token_f1").contains("chrf");
        assertThat(folder.resolve("summary.html")).exists();
        JsonNode compared = entry(manifest(), support.jobId()).get("compare");
        // The new model learnt the same data: its answers agree with the golden ones.
        assertThat(compared.at("/after/token_f1_vs_golden/mean").asDouble()).isEqualTo(1.0);
        assertThat(compared.at("/before/token_f1/n").asInt()).isEqualTo(4);
        assertThat(compared.get("afterCostPer1000").asText()).isNotEmpty();
        assertThat(compared.get("beforeCostPer1000").asText()).isNotEmpty();
        // Developer deployments made for the comparison are deleted afterwards.
        assertThat(accounts.deployments.list().stream().count()).isZero();
    }

    @Test
    void aModelWhoseTrainingFileIsGoneIsReportedAndTheOthersGoOn() {
        SeededJob gone = accounts.seedGone();
        SeededJob support = accounts.seedSupport();
        Migration migration = accounts.migration(folder).build();

        List<StepResult> steps = assertTimeoutPreemptively(BUDGET, migration::runAll);

        Map<String, ModelOutcome> snapshot = byJob(steps.get(1));
        assertThat(snapshot.get(gone.jobId()).status()).isEqualTo(OutcomeStatus.BLOCKED);
        assertThat(snapshot.get(gone.jobId()).message()).contains(gone.trainingFileId())
                .contains("can no longer be downloaded").contains("404");
        assertThat(byJob(steps.get(2)).get(gone.jobId()).status()).isEqualTo(OutcomeStatus.BLOCKED);
        assertThat(byJob(steps.get(3)).get(support.jobId()).status()).isEqualTo(OutcomeStatus.DONE);
        assertThat(accounts.emulator.azure().jobIds()).hasSize(1);
        assertThat(steps.get(1).hasProblems()).isTrue();
        assertThat(folder.resolve("summary.txt")).content(StandardCharsets.UTF_8)
                .contains(gone.jobId() + " (" + gone.fineTunedModel() + "): its training file "
                        + gone.trainingFileId() + " can no longer be downloaded");
    }

    @Test
    void goldenAnswersThatFailedAreAskedAgainAndOnlyThose() {
        accounts.seedSupport();
        accounts.emulator.faults().inject(Fault.status(400).onPath("/v1/chat/completions").times(2));
        Migration migration = accounts.migration(folder).snapshotOptions(SnapshotOptions.builder().concurrency(1)
                .build()).build();

        StepResult first = assertTimeoutPreemptively(BUDGET, migration::snapshot);
        int before = accounts.requests().size();
        StepResult second = assertTimeoutPreemptively(BUDGET, migration::snapshot);

        assertThat(first.outcomes().get(0).status()).isEqualTo(OutcomeStatus.FAILED);
        assertThat(first.outcomes().get(0).message()).contains("golden answers 2/4");
        assertThat(second.outcomes().get(0).status()).isEqualTo(OutcomeStatus.DONE);
        List<RecordedRequest> sent = accounts.requests().subList(before, accounts.requests().size());
        assertThat(Accounts.count(sent, "POST", p -> p.endsWith("/chat/completions"))).isEqualTo(2);
        assertThat(Accounts.count(sent, "GET", p -> p.endsWith("/content"))).isZero();
    }

    @Test
    void planSaysWhatWouldHappenAndWhatItCostsWithoutDoingIt() {
        accounts.seedSupport();
        accounts.seedBilling();
        Migration migration = accounts.migration(folder).build();

        MigrationPlan plan = migration.plan(EnumSet.allOf(Step.class));

        assertThat(folder.resolve("manifest.json")).doesNotExist();
        assertThat(accounts.requests()).noneMatch(r -> !r.method().equals("GET"));
        assertThat(plan.models()).hasSize(2);
        String text = plan.toText();
        assertThat(text).contains("download training file").contains("start one job on azure-openai")
                .contains(Accounts.SUPPORT_BASE + " (the same base model, which the target still fine-tunes)")
                .contains("epochs=3").contains("Estimated cost:");
    }

    @Test
    void planAfterTheSnapshotEstimatesTrainingFromTheDownloadedData() {
        accounts.seedSupport();
        Migration migration = accounts.migration(folder).build();
        migration.snapshot();

        // Azure's table has no prices; with one that has them, the plan prices the new job.
        MigrationPlan plan = accounts.migration(folder)
                .target(Target.builder(accounts.azure).priceTable(PriceTable.openAi()).build()).build()
                .plan(EnumSet.of(Step.RETRAIN));

        assertThat(plan.trainingCost()).isPresent();
        assertThat(plan.toText()).contains("pre-flight passes");
    }

    private JsonNode manifest() {
        try {
            return JSON.readTree(Files.readString(folder.resolve("manifest.json"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode entry(JsonNode manifest, String job) {
        for (JsonNode m : manifest.get("models")) {
            if (m.get("sourceJob").asText().equals(job)) {
                return m;
            }
        }
        throw new AssertionError("no entry for " + job);
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private static Map<String, ModelOutcome> byJob(StepResult result) {
        return result.outcomes().stream().collect(Collectors.toMap(ModelOutcome::sourceJob, o -> o));
    }
}
