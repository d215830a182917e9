package io.github.finetune4j.azure.internal;

import io.github.finetune4j.azure.AzureOpenAiFineTuning;
import io.github.finetune4j.azure.AzureTrainingTable;
import io.github.finetune4j.azure.AzureTrainingType;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.spi.ModelCatalog;
import io.github.finetune4j.core.spi.FineTuneProvider;
import io.github.finetune4j.azure.support.TestProviders;
import io.github.finetune4j.core.error.NotFoundException;
import io.github.finetune4j.core.model.ModelInfo;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.github.finetune4j.azure.support.TestProviders.FIXTURES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AzureModelsTest {
    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final TestProviders providers = TestProviders.create();

    @Test
    void getModelMapsFineTuneCapabilityAndDeprecationDates() throws Exception {
        server.enqueue(FIXTURES.json("models/get-base.json"));

        ModelInfo model = providers.v1(server).feature(ModelCatalog.class).orElseThrow().getModel("gpt-4o-mini-2024-07-18");

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/v1/models/gpt-4o-mini-2024-07-18");
        assertThat(model.id()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(model.fineTunable()).contains(true);
        assertThat(model.fineTuneDeprecation()).contains(LocalDate.of(2026, 3, 31));
        assertThat(model.inferenceDeprecation()).contains(LocalDate.of(2026, 12, 31));
        assertThat(model.ownedBy()).isEmpty();
    }

    @Test
    void getModelOnTheDatedRouteReadsAModelThatCannotBeFineTuned() throws Exception {
        server.enqueue(FIXTURES.json("models/get-not-tunable.json"));

        ModelInfo model = providers.dated(server).feature(ModelCatalog.class).orElseThrow().getModel("gpt-35-turbo-0613");

        RecordedRequest request = server.takeRequest(1, SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/models/gpt-35-turbo-0613");
        assertThat(request.getUrl().queryParameter("api-version")).isEqualTo("2024-10-21");
        assertThat(model.fineTunable()).contains(false);
        assertThat(model.fineTuneDeprecation()).isEmpty();
        assertThat(model.inferenceDeprecation()).contains(LocalDate.of(2026, 2, 25));
    }

    @Test
    void anOpenModelCarriesTheTrainingTypesOfTheTableWhichTheServiceDoesNotList() throws Exception {
        server.enqueue(FIXTURES.json("models/get-open-preview.json"));

        ModelInfo model = providers.v1(server).feature(ModelCatalog.class).orElseThrow().getModel("Qwen-32B");

        assertThat(server.takeRequest(1, SECONDS).getUrl().encodedPath()).isEqualTo("/openai/v1/models/Qwen-32B");
        assertThat(model.fineTunable()).contains(true);
        assertThat(model.trainingTypes()).containsExactly("GlobalStandard");
    }

    @Test
    void aTableOfYourOwnDecidesTheTrainingTypesTheCatalogReports() throws Exception {
        server.enqueue(FIXTURES.json("models/get-open-preview.json"));
        server.enqueue(FIXTURES.json("models/get-base.json"));
        AzureTrainingTable mine = AzureTrainingTable.foundry().toBuilder().version("mine-2027-01")
                .putRow(AzureTrainingTable.Row.supervised("qwen-32b", AzureTrainingType.GLOBAL_STANDARD,
                        AzureTrainingType.DEVELOPER))
                .build();
        ModelCatalog catalog = providers.provider(AzureOpenAiFineTuning.builder().endpoint(server.url("/").uri())
                .apiKey(TestProviders.KEY).trainingTable(mine).build()).feature(ModelCatalog.class).orElseThrow();

        assertThat(catalog.getModel("Qwen-32B").trainingTypes()).containsExactly("GlobalStandard", "developerTier");
        assertThat(catalog.getModel("gpt-4o-mini-2024-07-18").trainingTypes()).isEmpty();
    }

    @Test
    void getModelOfAnUnknownModelIsNotFound() {
        server.enqueue(FIXTURES.jsonBody(404, "{\"error\":{\"code\":\"notFound\",\"message\":\"The model 'x' does "
                + "not exist.\"}}"));
        FineTuneProvider provider = providers.v1(server);

        assertThatThrownBy(() -> provider.feature(ModelCatalog.class).orElseThrow().getModel("x")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("notFound");
    }

    @Test
    void listModelsReadsTheCatalog() throws Exception {
        server.enqueue(FIXTURES.json("models/list.json"));

        List<ModelInfo> models = providers.dated(server).feature(ModelCatalog.class).orElseThrow().listModels();

        assertThat(server.takeRequest(1, SECONDS).getUrl().encodedPath()).isEqualTo("/openai/models");
        assertThat(models).extracting(ModelInfo::id).containsExactly("gpt-4o-mini-2024-07-18",
                "gpt-4o-mini-2024-07-18.ft-5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c-t1000");
        assertThat(models.get(1).fineTuneDeprecation()).isEmpty();
        assertThat(models.get(1).inferenceDeprecation()).contains(LocalDate.of(2027, 12, 31));
    }

    @Test
    void deleteModelIsUnsupportedOnAzureAndSaysWhatToDoInstead() {
        try (FineTuneClient client = AzureOpenAiFineTuning.builder().endpoint(server.url("/").uri())
                .apiKey(TestProviders.KEY).buildClient()) {
            assertThatThrownBy(() -> client.deleteModel("gpt-4o-mini-2024-07-18.ft-x"))
                    .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("deployments");
        }
        assertThat(server.getRequestCount()).isZero();
    }
}
