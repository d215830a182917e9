package io.github.finetune4j.migrate;

import io.github.finetune4j.azure.deployments.AzureDeployments;
import io.github.finetune4j.azure.deployments.DeploymentRequest;
import io.github.finetune4j.azure.deployments.DeploymentSku;
import io.github.finetune4j.azure.deployments.DeploymentWaitOptions;
import io.github.finetune4j.core.FineTuneClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The Java snippet of {@code docs/migration.md} ("From Java"), compiled and run against the emulator. */
class MigrationGuideTest {
    @TempDir
    Path folder;

    /** The snippet, as it stands in the guide. */
    static final class MoveOffOpenAi {
        static void run(FineTuneClient openAi, FineTuneClient azure, AzureDeployments deployments,
                        DeploymentWaitOptions wait, Path folder) {
            System.out.print(Migration.inventory(openAi).toText());             // jobs, files, shutdown dates, days left

            ModelServing viaDeployment = (client, job) -> deployments.model(client, deployments.deploy(
                    DeploymentRequest.builder().name("migrated-" + job.suffix().orElse("model"))
                            .fineTunedModel(job).sku(DeploymentSku.DEVELOPER).capacity(1).build(), wait));
            Migration migration = Migration.builder()
                    .folder(folder)
                    .source(openAi)
                    .target(Target.builder(azure).serving(viaDeployment).build())
                    .build();

            System.out.print(migration.plan(EnumSet.allOf(Step.class)).toText());   // the plan and its cost
            for (StepResult step : migration.runAll()) {                             // run again to resume
                System.out.print(step.toText());
            }
        }
    }

    @Test
    void theGuidesProgramMovesTheModelsAndWritesTheSummary() {
        try (Accounts accounts = new Accounts()) {
            accounts.seedSupport();
            accounts.seedBilling();
            DeploymentWaitOptions fast = DeploymentWaitOptions.builder().fixedInterval(Accounts.FAST)
                    .timeout(Duration.ofSeconds(30)).build();

            assertTimeoutPreemptively(Duration.ofSeconds(90),
                    () -> MoveOffOpenAi.run(accounts.openAi, accounts.azure, accounts.deployments, fast, folder));

            assertThat(accounts.emulator.azure().jobIds()).hasSize(2);
            assertThat(folder.resolve("summary.txt")).content().contains("2 of 2 models compared");
        }
    }
}
