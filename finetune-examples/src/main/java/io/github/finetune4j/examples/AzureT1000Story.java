package io.github.finetune4j.examples;

import io.github.finetune4j.azure.identity.AccessToken;
import io.github.finetune4j.azure.deployments.AzureDeployments;
import io.github.finetune4j.azure.AzureOpenAiFineTuning;
import io.github.finetune4j.azure.identity.ClientSecretCredential;
import io.github.finetune4j.azure.deployments.Deployment;
import io.github.finetune4j.azure.deployments.DeploymentListener;
import io.github.finetune4j.azure.deployments.DeploymentRequest;
import io.github.finetune4j.azure.deployments.DeploymentSku;
import io.github.finetune4j.azure.deployments.DeploymentWaitOptions;
import io.github.finetune4j.core.ConsoleProgress;
import io.github.finetune4j.core.EnvironmentLookup;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTuneJob;
import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.model.FineTuneRequest;
import io.github.finetune4j.core.model.Hyperparameters;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.core.model.ModelInfo;
import io.github.finetune4j.testkit.FineTuningEmulator;

import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The T-1000 story on Azure OpenAI: the same application code as {@link T1000Story} ({@code FineTuneJob.start},
 * {@code awaitCompletion}, {@code FineTunedModel.chat}) with an Azure client, plus Azure's extra step: deploy the
 * fine-tuned model, ask through the deployment, and delete the deployment again (Standard deployments bill an
 * hourly hosting fee while they exist).
 *
 * <p>Configuration (environment): {@code AZURE_OPENAI_ENDPOINT} and {@code AZURE_OPENAI_API_KEY} for the data
 * plane; {@code AZURE_SUBSCRIPTION_ID}, {@code AZURE_RESOURCE_GROUP}, {@code AZURE_OPENAI_ACCOUNT} and a service
 * principal ({@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID}, {@code AZURE_CLIENT_SECRET}) for the deployment;
 * optionally {@code AZURE_OPENAI_BASE_MODEL}, else the first base model the resource's catalog allows to fine-tune.
 * Users of azure-identity plug in their credential instead of the service principal:
 *
 * <pre>{@code
 * com.azure.core.credential.TokenCredential azure = new DefaultAzureCredentialBuilder().build();
 * TokenCredential credential = request -> {
 *     var t = azure.getTokenSync(new TokenRequestContext().addScopes(request.scope()));
 *     return AccessToken.of(t.getToken(), t.getExpiresAt().toInstant());
 * };
 * }</pre>
 */
public final class AzureT1000Story {
    /** The deployment the story creates and deletes. */
    public static final String DEPLOYMENT = "t1000";

    private final PrintStream out;
    private final Duration pollInterval;
    private final Optional<String> baseModel;
    private final Clock clock;

    /**
     * Creates the story.
     *
     * @param out where to print
     * @param pollInterval the first delay between polls (jobs and the deployment)
     * @param baseModel the base model, or empty to pick one from the resource's catalog
     * @param clock decides which catalog models are still open for fine-tuning
     */
    public AzureT1000Story(PrintStream out, Duration pollInterval, Optional<String> baseModel, Clock clock) {
        this.out = out;
        this.pollInterval = pollInterval;
        this.baseModel = baseModel;
        this.clock = clock;
    }

    /**
     * Runs the story on the Azure resource configured in the environment, or offline on the embedded emulator when
     * it is not configured.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        EnvironmentLookup env = EnvironmentLookup.system();
        List<String> missing = List.of("AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_KEY", "AZURE_SUBSCRIPTION_ID",
                "AZURE_RESOURCE_GROUP", "AZURE_OPENAI_ACCOUNT", "AZURE_TENANT_ID", "AZURE_CLIENT_ID",
                "AZURE_CLIENT_SECRET").stream().filter(v -> env.get(v).isEmpty()).toList();
        if (!missing.isEmpty()) {
            runOnEmulator(System.out);
            return;
        }
        System.out.println("Provider: Azure OpenAI at " + env.get("AZURE_OPENAI_ENDPOINT").orElseThrow()
                + " (from the environment; training and deployments cost real money)");
        try (FineTuneClient client = AzureOpenAiFineTuning.builder().buildClient();      // endpoint and key from env
             AzureDeployments deployments = AzureDeployments.builder()
                     .subscriptionId(env.get("AZURE_SUBSCRIPTION_ID").orElseThrow())
                     .resourceGroup(env.get("AZURE_RESOURCE_GROUP").orElseThrow())
                     .accountName(env.get("AZURE_OPENAI_ACCOUNT").orElseThrow())
                     .credential(ClientSecretCredential.fromEnvironment())
                     .build()) {
            new AzureT1000Story(System.out, Duration.ofSeconds(10), env.get("AZURE_OPENAI_BASE_MODEL"),
                    Clock.systemUTC()).run(client, deployments);
        }
    }

    /**
     * Runs the story on the embedded emulator's Azure dialect (data plane and Resource Manager), offline.
     *
     * @param out where to print
     * @return the fine-tuned model's answer
     */
    public static String runOnEmulator(PrintStream out) {
        try (FineTuningEmulator emulator = FineTuningEmulator.builder().start()) {
            out.println("Provider: embedded emulator, Azure OpenAI dialect at " + emulator.azureEndpoint()
                    + " (offline; set AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_API_KEY and the deployment variables to run"
                    + " on Azure)");
            Duration poll = Duration.ofMillis(100);
            try (FineTuneClient client = AzureOpenAiFineTuning.builder().endpoint(emulator.azureEndpoint())
                         .apiKey(emulator.apiKey()).buildClient(FineTuneClient.builder()
                                 .defaultWaitOptions(WaitOptions.builder().fixedInterval(poll).build()));
                 AzureDeployments deployments = AzureDeployments.builder()
                         .armEndpoint(URI.create(emulator.armEndpoint()))
                         .subscriptionId("emulated").resourceGroup("emulated").accountName("t1000")
                         .credential(request -> AccessToken.of(emulator.apiKey(), Instant.now().plusSeconds(3600)))
                         .build()) {
                return new AzureT1000Story(out, poll, Optional.empty(), Clock.systemUTC()).run(client, deployments);
            }
        }
    }

    /**
     * Trains, deploys, asks the Pril question, and deletes the deployment.
     *
     * @param client the Azure data-plane client
     * @param deployments the deployments client
     * @return the fine-tuned model's answer
     */
    public String run(FineTuneClient client, AzureDeployments deployments) {
        String base = baseModel.orElseGet(() -> chooseBaseModel(client));
        out.println("Training data: " + T1000Data.dataset().size() + " examples, base model " + base);
        FineTuneJob job = FineTuneJob.start(client, FineTuneRequest.builder()
                .baseModel(base).trainingData(T1000Data.dataset()).suffix("t1000")
                .hyperparameters(Hyperparameters.builder().epochs(3).build())
                .build());
        JobSnapshot done = job.awaitCompletion(WaitOptions.builder().timeout(Duration.ofHours(6))
                .initialInterval(pollInterval).maxInterval(pollInterval.multipliedBy(6))
                .listener(new ConsoleProgress(out)).build());
        out.println("Fine-tuned model: " + done.fineTunedModel().orElseThrow());

        Deployment deployment = deployments.deploy(DeploymentRequest.builder().name(DEPLOYMENT).fineTunedModel(done)
                .sku(DeploymentSku.STANDARD).capacity(1).build(), DeploymentWaitOptions.builder()
                .timeout(Duration.ofHours(1)).initialInterval(pollInterval).maxInterval(pollInterval.multipliedBy(6))
                .listener(printer()).build());
        try {
            FineTunedModel model = deployments.model(client, deployment).withSystemPrompt(T1000Data.SYSTEM_PROMPT);
            String answer = model.chat(T1000Data.PRIL_QUESTION);
            out.println("Frage:   " + T1000Data.PRIL_QUESTION);
            out.println("Antwort: " + answer);
            return answer;
        } finally {
            deployments.delete(deployment.name());
            out.println("Deleted deployment " + deployment.name() + " (its hosting fee stops; the model stays)");
        }
    }

    /** The first base model the catalog allows to fine-tune today. */
    private String chooseBaseModel(FineTuneClient client) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return client.listModels().stream()
                .filter(m -> m.fineTunable().orElse(false) && !m.id().contains(".ft-"))
                .filter(m -> m.fineTuneDeprecation().map(today::isBefore).orElse(true))
                .map(ModelInfo::id)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("this resource offers no base model for fine-tuning "
                        + "today; set AZURE_OPENAI_BASE_MODEL or use a region that offers fine-tuning"));
    }

    private DeploymentListener printer() {
        return new DeploymentListener() {
            @Override
            public void onCostNotice(Deployment deployment, String notice) {
                out.println("  NOTE: " + notice);
            }

            @Override
            public void onStateChanged(Deployment previous, Deployment current) {
                out.println("  deployment " + current.name() + ": " + previous.rawState() + " -> "
                        + current.rawState());
            }
        };
    }
}
