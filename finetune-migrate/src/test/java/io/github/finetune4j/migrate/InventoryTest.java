package io.github.finetune4j.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.model.JobStatus;
import io.github.finetune4j.core.model.ModelInfo;
import io.github.finetune4j.testkit.RecordedRequest;
import io.github.finetune4j.testkit.SeededJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Migration#inventory}: every job of the account with its files and shutdown date, read-only. */
class InventoryTest {
    private static final Clock DAY = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);
    private final Accounts accounts = new Accounts();

    @AfterEach
    void close() {
        accounts.close();
    }

    @Test
    void listsEveryJobWithFilesShutdownDateAndDaysLeft() {
        SeededJob support = accounts.seedSupport();
        SeededJob billing = accounts.seedBilling();
        SeededJob gone = accounts.seedGone();

        Inventory inventory = Migration.inventory(accounts.openAi, DAY);

        assertThat(inventory.provider()).isEqualTo("openai");
        assertThat(inventory.entries()).extracting(e -> e.job().id().value())
                .containsExactlyInAnyOrder(support.jobId(), billing.jobId(), gone.jobId());
        InventoryEntry s = entry(inventory, support.jobId());
        assertThat(s.job().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(s.job().fineTunedModel()).contains(support.fineTunedModel());
        assertThat(s.job().baseModel()).isEqualTo(Accounts.SUPPORT_BASE);
        assertThat(s.job().hyperparameters().epochs().orElseThrow().number()).hasValue(3);
        assertThat(s.trainingFile().isAvailable()).isTrue();
        assertThat(s.trainingFile().bytes()).contains((long) Accounts.resource("support-train.jsonl")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(s.validationFile().orElseThrow().id().value()).isEqualTo(support.validationFileId().orElseThrow());
        assertThat(s.shutdownDate()).contains(LocalDate.of(2027, 1, 14));
        assertThat(s.daysLeft()).contains(39L);
        assertThat(s.isMigratable()).isTrue();
        assertThat(entry(inventory, billing.jobId()).validationFile()).isEmpty();
        SourceFile deleted = entry(inventory, gone.jobId()).trainingFile();
        assertThat(deleted.availability()).isEqualTo(FileAvailability.GONE);
        assertThat(deleted.detail().orElseThrow()).startsWith("404");
    }

    @Test
    void readsEveryPageOfTheJobList() {
        SeededJob a = accounts.seedSupport();
        SeededJob b = accounts.seedBilling();
        SeededJob c = accounts.seedGone();

        Inventory inventory = InventoryReader.read(accounts.openAi, DAY, 2);

        assertThat(inventory.entries()).hasSize(3);
        List<RecordedRequest> lists = accounts.requests().stream()
                .filter(r -> r.method().equals("GET") && r.path().equals("/v1/fine_tuning/jobs")).toList();
        assertThat(lists).hasSize(2);
        assertThat(lists.get(1).query()).contains("after=");
        assertThat(inventory.entries()).extracting(e -> e.job().id().value()).contains(a.jobId(), b.jobId(), c.jobId());
    }

    @Test
    void sendsOnlyReadingRequestsAndProbesEachFileOnce() {
        accounts.seedSupport();
        accounts.seedGone();

        Migration.inventory(accounts.openAi, DAY);

        assertThat(accounts.requests()).allMatch(r -> r.method().equals("GET"));
        assertThat(accounts.requests()).noneMatch(r -> r.path().endsWith("/content"));
        assertThat(Accounts.count(accounts.requests(), "GET", p -> p.startsWith("/v1/files/"))).isEqualTo(3);
    }

    @Test
    void rendersATableForPeopleAndJsonForTools() throws Exception {
        SeededJob support = accounts.seedSupport();
        SeededJob gone = accounts.seedGone();
        Inventory inventory = Migration.inventory(accounts.openAi, DAY);

        String text = inventory.toText();
        JsonNode json = new ObjectMapper().readTree(inventory.toJson());

        assertThat(text).contains("Fine-tuning jobs on openai: 2 jobs, 2 fine-tuned models")
                .contains(support.fineTunedModel()).contains("2027-01-14").contains("39")
                .contains(gone.jobId() + ": training file " + gone.trainingFileId() + " can no longer be downloaded");
        assertThat(json.get("jobs")).hasSize(2);
        JsonNode first = json.get("jobs").get(0).get("id").asText().equals(support.jobId())
                ? json.get("jobs").get(0) : json.get("jobs").get(1);
        assertThat(first.get("base_model").asText()).isEqualTo(Accounts.SUPPORT_BASE);
        assertThat(first.at("/hyperparameters/epochs").asText()).isEqualTo("3");
        assertThat(first.at("/training_file/availability").asText()).isEqualTo("available");
        assertThat(first.get("shutdown_date").asText()).isEqualTo("2027-01-14");
        assertThat(first.get("days_left").asLong()).isEqualTo(39);
        assertThat(first.get("migratable").asBoolean()).isTrue();
    }

    @Test
    void fineTunedModelsWithoutAJobAreListedApart() {
        accounts.seedSupport();
        ModelInfo orphan = new ModelInfo("ft:gpt-4o-mini-2024-07-18:acme:orphan:Xy12", Optional.of("acme"),
                Optional.of(LocalDate.of(2027, 1, 14)));
        FineTuneClient withOrphan = new ForwardingClient(accounts.openAi) {
            @Override
            public List<ModelInfo> listModels() {
                List<ModelInfo> all = new ArrayList<>(super.listModels());
                all.add(orphan);
                return all;
            }
        };

        Inventory inventory = Migration.inventory(withOrphan, DAY);

        assertThat(inventory.unmatchedModels()).containsExactly(orphan);
        assertThat(inventory.toText()).contains("Fine-tuned models without a job in the job list")
                .contains("ft:gpt-4o-mini-2024-07-18:acme:orphan:Xy12  shuts down 2027-01-14");
    }

    @Test
    void aProviderWithoutAModelCatalogHasNoShutdownDatesAndSaysSo() {
        accounts.seedSupport();
        FineTuneClient noCatalog = new ForwardingClient(accounts.openAi) {
            @Override
            public List<ModelInfo> listModels() {
                throw new UnsupportedOperationException("this gateway has no /models");
            }
        };

        Inventory inventory = Migration.inventory(noCatalog, DAY);

        assertThat(inventory.entries().get(0).shutdownDate()).isEmpty();
        assertThat(inventory.notes()).containsExactly("openai has no model catalog, so shutdown dates are unknown: "
                + "this gateway has no /models");
    }

    private static InventoryEntry entry(Inventory inventory, String job) {
        return inventory.entries().stream().filter(e -> e.job().id().value().equals(job)).findFirst().orElseThrow();
    }
}
