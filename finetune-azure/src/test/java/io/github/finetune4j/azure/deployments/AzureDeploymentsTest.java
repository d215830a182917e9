package io.github.finetune4j.azure.deployments;

import io.github.finetune4j.azure.identity.TokenRequest;
import io.github.finetune4j.testsupport.Fixtures;
import io.github.finetune4j.azure.support.RecordingCredential;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.error.BadRequestException;
import io.github.finetune4j.core.error.FineTuneException;
import io.github.finetune4j.core.error.FineTuneInterruptedException;
import io.github.finetune4j.core.error.PermissionDeniedException;
import io.github.finetune4j.core.error.ResponseFormatException;
import io.github.finetune4j.core.error.WaitTimeoutException;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.github.finetune4j.azure.support.TestProviders.FIXTURES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class AzureDeploymentsTest {
    private static final String BASE = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ai"
            + "/providers/Microsoft.CognitiveServices/accounts/t1000-openai/deployments";
    private static final String MODEL = "gpt-4o-mini-2024-07-18.ft-5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c-t1000";
    private static final Duration BUDGET = Duration.ofSeconds(10);

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final RecordingCredential credential = new RecordingCredential();
    private AzureDeployments deployments;

    @BeforeEach
    void setUp() {
        deployments = AzureDeployments.builder().subscriptionId("00000000-0000-0000-0000-000000000000")
                .resourceGroup("rg-ai").accountName("t1000-openai").credential(credential)
                .armEndpoint(server.url("/").uri()).retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void tearDown() {
        deployments.close();
    }

    private static DeploymentRequest request() {
        return DeploymentRequest.builder().name("t1000").model(MODEL).sku(DeploymentSku.STANDARD).capacity(1)
                .putTag("app", "t1000").build();
    }

    private static DeploymentWaitOptions.Builder fast() {
        return DeploymentWaitOptions.builder().fixedInterval(Duration.ofMillis(1));
    }

    private String operationUrl() {
        return server.url("/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.CognitiveServices"
                + "/locations/swedencentral/operationResults/0a1b2c3d?api-version=2024-10-01").toString();
    }

    @Test
    void deployPutsSkuAndModelWithAManagementToken() throws Exception {
        server.enqueue(FIXTURES.json(201, "arm/put-creating.json"));

        Deployment deployment = deployments.deploy(request());

        RecordedRequest put = server.takeRequest(1, SECONDS);
        assertThat(put.getMethod()).isEqualTo("PUT");
        assertThat(put.getUrl().encodedPath()).isEqualTo(BASE + "/t1000");
        assertThat(put.getUrl().queryParameter("api-version")).isEqualTo("2024-10-01");
        assertThat(put.getHeaders().get("Authorization"))
                .isEqualTo("Bearer " + RecordingCredential.tokenFor(TokenRequest.MANAGEMENT_SCOPE));
        assertThat(put.getHeaders().get("api-key")).isNull();
        assertThat(Fixtures.parse(put.getBody().utf8())).isEqualTo(FIXTURES.tree("arm/put-request.json"));
        assertThat(credential.scopes()).containsExactly(TokenRequest.MANAGEMENT_SCOPE);
        assertThat(deployment.state()).isEqualTo(ProvisioningState.CREATING);
        assertThat(deployment.model()).isEqualTo(MODEL);
        assertThat(deployment.sku()).isEqualTo(DeploymentSku.STANDARD);
        assertThat(deployment.capacity()).contains(1);
        assertThat(deployment.createdAt()).contains(Instant.parse("2025-01-01T02:00:00.1234567Z"));
    }

    @Test
    void awaitProvisionedGoesFromCreatingToSucceededAndTellsTheCost() {
        server.enqueue(FIXTURES.json(201, "arm/put-creating.json"));
        server.enqueue(FIXTURES.json("arm/get-creating.json"));
        server.enqueue(FIXTURES.json("arm/get-succeeded.json"));
        List<String> notices = new CopyOnWriteArrayList<>();
        List<String> changes = new CopyOnWriteArrayList<>();
        DeploymentListener listener = new DeploymentListener() {
            @Override
            public void onCostNotice(Deployment deployment, String notice) {
                notices.add(notice);
            }

            @Override
            public void onStateChanged(Deployment previous, Deployment current) {
                changes.add(previous.rawState() + "->" + current.rawState());
            }
        };

        Deployment done = assertTimeoutPreemptively(BUDGET, () ->
                deployments.deploy(request(), fast().listener(listener).build()));

        assertThat(done.state()).isEqualTo(ProvisioningState.SUCCEEDED);
        assertThat(changes).containsExactly("Creating->Succeeded");
        assertThat(notices).singleElement().asString().contains("hourly hosting fee").contains("15 days")
                .contains("delete");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aFailedDeploymentReportsArmsReasonFromTheAsyncOperation() throws Exception {
        server.enqueue(FIXTURES.builder(201).addHeader("Azure-AsyncOperation", operationUrl())
                .body(FIXTURES.text("arm/put-creating.json")).build());
        server.enqueue(FIXTURES.json("arm/get-failed.json"));
        server.enqueue(FIXTURES.json("arm/operation-failed.json"));

        assertThatThrownBy(() -> assertTimeoutPreemptively(BUDGET, () -> deployments.deploy(request(), fast().build())))
                .isInstanceOf(FineTuneException.class)
                .hasMessageContaining("t1000").hasMessageContaining("Failed")
                .hasMessageContaining("InsufficientQuota");
        server.takeRequest(1, SECONDS);
        server.takeRequest(1, SECONDS);
        RecordedRequest operation = server.takeRequest(1, SECONDS);
        assertThat(operation.getUrl().encodedPath()).endsWith("/operationResults/0a1b2c3d");
        assertThat(operation.getHeaders().get("Authorization")).startsWith("Bearer ");
    }

    @Test
    void anAsyncOperationOnAnotherHostIsNeverSentTheToken() {
        server.enqueue(FIXTURES.builder(201).addHeader("Azure-AsyncOperation", "https://elsewhere.example/op/1")
                .body(FIXTURES.text("arm/put-creating.json")).build());
        server.enqueue(FIXTURES.json("arm/get-failed.json"));

        assertThatThrownBy(() -> assertTimeoutPreemptively(BUDGET, () -> deployments.deploy(request(), fast().build())))
                .isInstanceOf(FineTuneException.class).hasMessageContaining("no reason given");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void awaitProvisionedStopsAtTheDeadlineWithTheLastState() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return FIXTURES.json("arm/get-creating.json");
            }
        });

        assertThatThrownBy(() -> assertTimeoutPreemptively(BUDGET, () -> deployments.awaitProvisioned("t1000",
                fast().timeout(Duration.ofMillis(200)).build())))
                .isInstanceOfSatisfying(WaitTimeoutException.class, e -> {
                    assertThat(e.timeout()).isEqualTo(Duration.ofMillis(200));
                    assertThat(e.lastState(Deployment.class)).hasValueSatisfying(d ->
                            assertThat(d.state()).isEqualTo(ProvisioningState.CREATING));
                    assertThat(e.getMessage()).contains("t1000").contains("Creating");
                });
    }

    @Test
    void anInterruptStopsTheWaitAndKeepsTheFlag() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return FIXTURES.json("arm/get-creating.json");
            }
        });
        Deployment creating = Deployment.builder().name("t1000").id(BASE + "/t1000").state(ProvisioningState.CREATING)
                .sku(DeploymentSku.STANDARD).model(MODEL).build();

        assertTimeoutPreemptively(BUDGET, () -> {
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> deployments.awaitProvisioned(creating, fast().build()))
                        .isInstanceOf(FineTuneInterruptedException.class);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        });
    }

    @Test
    void pollFailuresAreToleratedAndReported() {
        server.enqueue(FIXTURES.jsonBody(503, "{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"busy\"}}"));
        server.enqueue(FIXTURES.json("arm/get-succeeded.json"));
        List<Integer> failures = new ArrayList<>();
        DeploymentListener listener = new DeploymentListener() {
            @Override
            public void onPollFailed(int consecutiveFailures, FineTuneException error, Duration nextPollIn) {
                failures.add(consecutiveFailures);
            }
        };
        Deployment creating = Deployment.builder().name("t1000").id(BASE + "/t1000").state(ProvisioningState.CREATING)
                .sku(DeploymentSku.STANDARD).model(MODEL).build();

        Deployment done = assertTimeoutPreemptively(BUDGET, () ->
                deployments.awaitProvisioned(creating, fast().listener(listener).build()));

        assertThat(done.state()).isEqualTo(ProvisioningState.SUCCEEDED);
        assertThat(failures).containsExactly(1);
    }

    @Test
    void aMissingPermissionEndsTheWaitAtOnceAndNamesThePlane() {
        server.enqueue(FIXTURES.json(403, "arm/error-authorization.json"));

        assertThatThrownBy(() -> assertTimeoutPreemptively(BUDGET, () -> deployments.awaitProvisioned("t1000",
                fast().build())))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
                    assertThat(e.getMessage()).startsWith("azure-arm: GET http://").contains("/deployments/t1000 -> 403 "
                            + "AuthorizationFailed: The client");
                    assertThat(e.getMessage())
                            .doesNotContain(RecordingCredential.tokenFor(TokenRequest.MANAGEMENT_SCOPE));
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aQuotaRefusalMapsArmsErrorEnvelope() {
        server.enqueue(FIXTURES.json(400, "arm/error-quota.json"));

        assertThatThrownBy(() -> deployments.deploy(request()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.errorCode()).contains("InsufficientQuota");
                    assertThat(e.provider()).contains("azure-arm");
                });
    }

    @Test
    void getReadsADeployment() throws Exception {
        server.enqueue(FIXTURES.json("arm/get-succeeded.json"));

        Deployment deployment = deployments.get("t1000");

        RecordedRequest get = server.takeRequest(1, SECONDS);
        assertThat(get.getMethod()).isEqualTo("GET");
        assertThat(get.getUrl().encodedPath()).isEqualTo(BASE + "/t1000");
        assertThat(deployment.state()).isEqualTo(ProvisioningState.SUCCEEDED);
        assertThat(deployment.modelVersion()).contains("1");
    }

    @Test
    void listIsLazyAndFollowsNextLinkOnTheArmHost() throws Exception {
        String next = server.url(BASE + "?api-version=2024-10-01&$skiptoken=abc").toString();
        server.enqueue(FIXTURES.jsonBody(200, FIXTURES.text("arm/list-page-1.json").replace("NEXT_LINK", next)));
        server.enqueue(FIXTURES.json("arm/list-page-2.json"));

        var all = deployments.list();
        assertThat(server.getRequestCount()).isZero();
        List<String> names = new ArrayList<>();
        all.forEach(d -> names.add(d.name()));

        assertThat(names).containsExactly("t1000", "t1000-ckpt");
        assertThat(server.takeRequest(1, SECONDS).getUrl().encodedPath()).isEqualTo(BASE);
        assertThat(server.takeRequest(1, SECONDS).getUrl().queryParameter("$skiptoken")).isEqualTo("abc");
    }

    @Test
    void listRefusesANextLinkToAnotherHost() {
        server.enqueue(FIXTURES.jsonBody(200, FIXTURES.text("arm/list-page-1.json")
                .replace("NEXT_LINK", "https://elsewhere.example/next")));

        assertThatThrownBy(() -> deployments.list().forEach(d -> { }))
                .isInstanceOf(ResponseFormatException.class).hasMessageContaining("another host");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void deleteTellsWhetherTheDeploymentExisted() throws Exception {
        server.enqueue(FIXTURES.builder(202).build());
        server.enqueue(FIXTURES.builder(204).build());

        boolean existed = deployments.delete("t1000");
        boolean again = deployments.delete("t1000");

        RecordedRequest delete = server.takeRequest(1, SECONDS);
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getUrl().encodedPath()).isEqualTo(BASE + "/t1000");
        assertThat(existed).isTrue();
        assertThat(again).isFalse();
    }

    @Test
    void theBuilderNamesMissingSettings() {
        AzureDeployments.Builder builder = AzureDeployments.builder().subscriptionId("s").resourceGroup("g")
                .credential(credential);

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("accountName");
    }

    @Test
    void aDeveloperDeploymentIsDescribedWithoutAnHourlyFee() {
        server.enqueue(FIXTURES.jsonBody(201, FIXTURES.text("arm/put-creating.json")
                .replace("\"Standard\"", "\"DeveloperTier\"").replace("Creating", "Succeeded")));
        List<String> notices = new CopyOnWriteArrayList<>();

        assertTimeoutPreemptively(BUDGET, () -> deployments.deploy(request().toBuilder().sku(DeploymentSku.DEVELOPER)
                .build(), fast().listener(new DeploymentListener() {
                    @Override
                    public void onCostNotice(Deployment deployment, String notice) {
                        notices.add(notice);
                    }
                }).build()));

        assertThat(notices).singleElement().asString().contains("no hosting fee").contains("24 hours");
    }
}
