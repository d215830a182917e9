package io.github.finetune4j.examples;

import io.github.finetune4j.azure.deployments.AzureDeployments;
import io.github.finetune4j.azure.AzureOpenAiFineTuning;
import io.github.finetune4j.azure.identity.ClientSecretCredential;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.RetryPolicy;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Runs the Azure T-1000 story against a scripted Azure OpenAI, Entra ID and Resource Manager on one MockWebServer. */
class AzureT1000StoryTest {
    private static final String TENANT = "11111111-2222-3333-4444-555555555555";
    private static final String ARM = "/subscriptions/sub-0001/resourceGroups/rg-ai/providers/"
            + "Microsoft.CognitiveServices/accounts/t1000-openai/deployments/t1000";
    private static final String FILE = "file-7a1c2b3d4e5f60718293a4b5c6d7e8f9";
    private static final String JOB = "ftjob-5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c";
    private static final String MODEL = "gpt-4.1-mini-2025-04-14.ft-5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c-t1000";
    private static final String ANSWER = "Bitte verwenden Sie kein Pril. Wir empfehlen spezielle Reinigungsmittel.";
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);

    @StartStop
    public final MockWebServer server = new MockWebServer();

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger jobPolls = new AtomicInteger();
    private final AtomicInteger chats = new AtomicInteger();

    @Test
    void storyTrainsDeploysAnswersAndDeletesTheDeployment() {
        server.setDispatcher(new AzureScript());

        String answer = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (FineTuneClient client = AzureOpenAiFineTuning.builder().endpoint(server.url("/").uri())
                    .apiKey("test-azure-key").buildClient(FineTuneClient.builder().retryPolicy(RetryPolicy.none()));
                 AzureDeployments deployments = AzureDeployments.builder().subscriptionId("sub-0001")
                         .resourceGroup("rg-ai").accountName("t1000-openai")
                         .credential(ClientSecretCredential.builder().tenantId(TENANT).clientId("app")
                                 .clientSecret("test-secret").authorityHost(server.url("/").uri()).build())
                         .armEndpoint(server.url("/").uri()).retryPolicy(RetryPolicy.none())
                         .deploymentNotFoundRetry(Duration.ofSeconds(10), Duration.ofMillis(1)).build()) {
                return new AzureT1000Story(out, Duration.ofMillis(1), Optional.empty(), NOW).run(client, deployments);
            }
        });

        assertThat(answer).isEqualTo(ANSWER);
        assertThat(requests).containsSubsequence(
                "GET /openai/v1/models",
                "GET /openai/v1/models/gpt-4.1-mini-2025-04-14",
                "POST /openai/v1/files",
                "GET /openai/v1/files/" + FILE,
                "POST /openai/v1/fine_tuning/jobs",
                "GET /openai/v1/fine_tuning/jobs/" + JOB,
                "POST /" + TENANT + "/oauth2/v2.0/token",
                "PUT " + ARM,
                "GET " + ARM,
                "POST /openai/v1/chat/completions",
                "POST /openai/v1/chat/completions",
                "DELETE " + ARM);
        assertThat(requests).filteredOn(r -> r.startsWith("POST /openai/v1/fine_tuning/jobs")).hasSize(1);
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("base model gpt-4.1-mini-2025-04-14")
                .contains("Fine-tuned model: " + MODEL)
                .contains("hourly hosting fee").contains("15 days")
                .contains("deployment t1000: Creating -> Succeeded")
                .contains("Antwort: " + ANSWER)
                .contains("Deleted deployment t1000");
    }

    /** Azure OpenAI, Entra ID and ARM, answering in the order the story calls them. */
    private final class AzureScript extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            String call = request.getMethod() + " " + path;
            requests.add(call);
            switch (call) {
                case "GET /openai/v1/models":
                    return json(200, "{\"object\":\"list\",\"data\":[" + model("gpt-4o-mini-2024-07-18", 1774915200L)
                            + "," + model("gpt-4.1-mini-2025-04-14", 4102444800L) + "]}");
                case "GET /openai/v1/models/gpt-4.1-mini-2025-04-14":
                    return json(200, model("gpt-4.1-mini-2025-04-14", 4102444800L));
                case "POST /openai/v1/files":
                    return json(201, file("pending"));
                case "GET /openai/v1/files/" + FILE:
                    return json(200, file("processed"));
                case "POST /openai/v1/fine_tuning/jobs":
                    return json(201, job("pending"));
                case "GET /openai/v1/fine_tuning/jobs/" + JOB:
                    return json(200, job(jobPolls.incrementAndGet() < 2 ? "running" : "succeeded"));
                case "GET /openai/v1/fine_tuning/jobs/" + JOB + "/events":
                case "GET /openai/v1/fine_tuning/jobs/" + JOB + "/checkpoints":
                case "GET /openai/v1/fine_tuning/jobs":
                case "GET /openai/v1/files":
                    return json(200, "{\"object\":\"list\",\"data\":[],\"has_more\":false}");
                case "POST /" + TENANT + "/oauth2/v2.0/token":
                    return json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"arm-token\"}");
                case "PUT " + ARM:
                    return json(201, deployment("Creating"));
                case "GET " + ARM:
                    return json(200, deployment("Succeeded"));
                case "POST /openai/v1/chat/completions":
                    return chats.incrementAndGet() == 1
                            ? json(404, "{\"error\":{\"code\":\"DeploymentNotFound\",\"message\":\"The API deployment "
                                    + "for this resource does not exist. If you created the deployment within the last "
                                    + "5 minutes, please wait a moment and try again.\"}}")
                            : json(200, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"" + MODEL
                                    + "\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":"
                                    + "\"assistant\",\"content\":\"" + ANSWER + "\"}}],\"usage\":{\"prompt_tokens\":41,"
                                    + "\"completion_tokens\":12,\"total_tokens\":53}}");
                case "DELETE " + ARM:
                    return new MockResponse.Builder().code(202).build();
                default:
                    return json(404, "{\"error\":{\"code\":\"notFound\",\"message\":\"unscripted " + call + "\"}}");
            }
        }

        private MockResponse json(int code, String body) {
            return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                    .addHeader("apim-request-id", "00000000-aaaa-bbbb-cccc-000000000001").body(body).build();
        }

        private String model(String id, long fineTuneEnd) {
            return "{\"object\":\"model\",\"id\":\"" + id + "\",\"created_at\":1721347200,\"status\":\"succeeded\","
                    + "\"capabilities\":{\"fine_tune\":true,\"inference\":true,\"completion\":false,"
                    + "\"chat_completion\":true,\"embeddings\":false},\"lifecycle_status\":\"generally-available\","
                    + "\"deprecation\":{\"fine_tune\":" + fineTuneEnd + ",\"inference\":4133980800}}";
        }

        private String file(String status) {
            return "{\"object\":\"file\",\"id\":\"" + FILE + "\",\"created_at\":1735689600,\"status\":\"" + status
                    + "\",\"bytes\":4211,\"purpose\":\"fine-tune\",\"filename\":\"t1000-kundenservice.jsonl\"}";
        }

        private String job(String status) {
            return "{\"object\":\"fine_tuning.job\",\"id\":\"" + JOB + "\",\"created_at\":1735690000,\"status\":\""
                    + status + "\",\"model\":\"gpt-4.1-mini-2025-04-14\",\"fine_tuned_model\":"
                    + (status.equals("succeeded") ? "\"" + MODEL + "\"" : "null") + ",\"training_file\":\"" + FILE
                    + "\",\"result_files\":null,\"hyperparameters\":{\"n_epochs\":3,\"batch_size\":-1,"
                    + "\"learning_rate_multiplier\":-1},\"suffix\":\"t1000\"}";
        }

        private String deployment(String state) {
            return "{\"id\":\"" + ARM + "\",\"type\":\"Microsoft.CognitiveServices/accounts/deployments\",\"name\":"
                    + "\"t1000\",\"sku\":{\"name\":\"Standard\",\"capacity\":1},\"properties\":{\"model\":{\"format\":"
                    + "\"OpenAI\",\"name\":\"" + MODEL + "\",\"version\":\"1\"},\"provisioningState\":\"" + state
                    + "\"}}";
        }
    }

    @Test
    void storyRunsOfflineOnTheEmulatorsAzureDialect() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream printed = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);

        String answer = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> AzureT1000Story.runOnEmulator(printed));

        assertThat(answer).contains("spezielle Reinigungsmittel");
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("Provider: embedded emulator, Azure OpenAI dialect")
                .contains("deployment t1000: Creating -> Succeeded")
                .contains("Deleted deployment t1000");
    }
}
