package io.github.finetune4j.migrate;

import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.preflight.PriceTable;
import io.github.finetune4j.testkit.EmulatorClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Retraining when things go wrong: a failed job, a cost limit. */
class RetrainTest {
    private static final Duration BUDGET = Duration.ofSeconds(90);

    @TempDir
    Path folder;

    private final Accounts accounts = new Accounts();

    @AfterEach
    void close() {
        accounts.close();
    }

    @Test
    void aFailedJobIsReportedAndStartedAgainOnlyWhenRetriesAreAllowed() {
        accounts.seedSupport();
        accounts.migration(folder).build().snapshot();
        accounts.emulator.faults().failNextJob(3, "server_error", "The job failed due to an internal error.");

        StepResult failed = assertTimeoutPreemptively(BUDGET, () -> accounts.migration(folder).build().retrain());
        StepResult again = accounts.migration(folder).build().retrain();
        StepResult retried = assertTimeoutPreemptively(BUDGET,
                () -> accounts.migration(folder).retryFailedJobs().build().retrain());

        assertThat(failed.outcomes().get(0).status()).isEqualTo(OutcomeStatus.FAILED);
        assertThat(failed.outcomes().get(0).message()).contains("failed").contains("internal error");
        assertThat(again.outcomes().get(0).message()).contains("--retry-failed");
        assertThat(retried.outcomes().get(0).status()).isEqualTo(OutcomeStatus.DONE);
        assertThat(accounts.emulator.azure().jobIds()).as("the failed job and one retry").hasSize(2);
    }

    @Test
    void anInterruptStopsTheWaitNotTheJobsAndTheNextRunAwaitsThem() throws Exception {
        // A slower emulator: a job takes about five seconds, so that the wait is interrupted while they train.
        try (Accounts slow = new Accounts(EmulatorClock.scaled(20))) {
            slow.seedSupport();
            slow.seedBilling();
            slow.migration(folder).build().snapshot();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread retrain = new Thread(() -> {
                try {
                    slow.migration(folder).build().retrain();
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            retrain.start();
            Instant deadline = Instant.now().plus(BUDGET);
            while (slow.emulator.azure().jobIds().size() < 2 && Instant.now().isBefore(deadline)) {
                retrain.join(10);
            }
            retrain.interrupt();
            retrain.join(BUDGET.toMillis());

            assertThat(thrown.get()).isInstanceOf(FineTuneInterruptedException.class);
            StepResult resumed = assertTimeoutPreemptively(BUDGET, () -> slow.migration(folder).build().retrain());
            assertThat(resumed.outcomes()).extracting(ModelOutcome::status).containsOnly(OutcomeStatus.DONE);
            assertThat(slow.emulator.azure().jobIds()).as("the jobs of the interrupted run, no others").hasSize(2);
        }
    }

    @Test
    void aCostLimitNeedsAPriceAndStartsNothingAboveIt() {
        accounts.seedSupport();
        accounts.seedBilling();
        accounts.migration(folder).build().snapshot();

        StepResult unpriced = accounts.migration(folder).maxTrainingCost(new BigDecimal("100")).build().retrain();
        StepResult tooDear = accounts.migration(folder).maxTrainingCost(new BigDecimal("0.001"))
                .target(Target.builder(accounts.azure).priceTable(PriceTable.openAi()).build()).build().retrain();

        assertThat(unpriced.outcomes()).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(OutcomeStatus.BLOCKED);
            assertThat(o.message()).contains("no training price").contains("azure-openai-2026-11-22");
        });
        assertThat(tooDear.outcomes()).allSatisfy(o -> assertThat(o.message())
                .contains("is above the limit of $0.001; nothing was started"));
        assertThat(accounts.emulator.azure().jobIds()).isEmpty();
    }

    @Test
    void aTargetWithoutTheSameBaseModelGetsTheClosestAndOnlyTheEpochs() {
        accounts.seedSupport();
        Migration migration = accounts.migration(folder).target(Target.builder(accounts.azure)
                .mapBaseModel(Accounts.SUPPORT_BASE, "gpt-4.1-mini-2025-04-14").build()).build();
        migration.snapshot();

        StepResult result = assertTimeoutPreemptively(BUDGET, migration::retrain);

        assertThat(result.outcomes().get(0).status()).isEqualTo(OutcomeStatus.DONE);
        assertThat(result.outcomes().get(0).message()).contains("base gpt-4.1-mini-2025-04-14: named for "
                + Accounts.SUPPORT_BASE).contains("; epochs=3;").doesNotContain("batch_size");
    }
}
