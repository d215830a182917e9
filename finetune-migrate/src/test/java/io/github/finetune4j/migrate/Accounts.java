package io.github.finetune4j.migrate;

import io.github.finetune4j.azure.AzureOpenAiFineTuning;
import io.github.finetune4j.azure.deployments.AzureDeployments;
import io.github.finetune4j.azure.deployments.Deployment;
import io.github.finetune4j.azure.deployments.DeploymentRequest;
import io.github.finetune4j.azure.deployments.DeploymentSku;
import io.github.finetune4j.azure.deployments.DeploymentWaitOptions;
import io.github.finetune4j.azure.identity.AccessToken;
import io.github.finetune4j.core.FineTuneClient;
import io.github.finetune4j.core.FineTunedModel;
import io.github.finetune4j.core.RetryPolicy;
import io.github.finetune4j.core.WaitOptions;
import io.github.finetune4j.core.model.JobSnapshot;
import io.github.finetune4j.eval.InferencePrice;
import io.github.finetune4j.eval.InferencePriceTable;
import io.github.finetune4j.eval.ModelKind;
import io.github.finetune4j.openai.OpenAiFineTuning;
import io.github.finetune4j.testkit.EmulatorClock;
import io.github.finetune4j.testkit.FineTuningEmulator;
import io.github.finetune4j.testkit.JobSeed;
import io.github.finetune4j.testkit.RecordedRequest;
import io.github.finetune4j.testkit.SeededJob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * One emulator with an OpenAI account (the source) and an Azure resource with ARM deployments (the target), and
 * clients for both that poll every few milliseconds. The emulator's clock runs 2,000 times faster than real time.
 */
final class Accounts implements AutoCloseable {
    static final String SUPPORT_BASE = "gpt-4o-mini-2024-07-18";
    static final String BILLING_BASE = "gpt-4.1-mini-2025-04-14";
    static final Duration FAST = Duration.ofMillis(5);
    static final WaitOptions WAIT = WaitOptions.builder().fixedInterval(FAST).timeout(Duration.ofSeconds(60)).build();

    final FineTuningEmulator emulator;
    final FineTuneClient openAi;
    final FineTuneClient azure;
    final AzureDeployments deployments;

    Accounts() {
        this(EmulatorClock.scaled(2000));
    }

    Accounts(EmulatorClock clock) {
        this.emulator = FineTuningEmulator.builder().clock(clock).start();
        this.openAi = FineTuneClient.builder()
                .provider(OpenAiFineTuning.builder().apiKey(emulator.apiKey()).baseUrl(emulator.baseUrl()).build())
                .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)))
                .defaultWaitOptions(WAIT).build();
        this.azure = AzureOpenAiFineTuning.builder().endpoint(emulator.azureEndpoint()).apiKey(emulator.apiKey())
                .buildClient(FineTuneClient.builder().defaultWaitOptions(WAIT)
                        .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(5))));
        this.deployments = AzureDeployments.builder().armEndpoint(URI.create(emulator.armEndpoint()))
                .subscriptionId("sub").resourceGroup("rg").accountName("migration-target")
                .credential(request -> AccessToken.of(emulator.apiKey(), Instant.now().plusSeconds(3600)))
                .deploymentNotFoundRetry(Duration.ofSeconds(5), FAST)
                .build();
    }

    static String resource(String name) {
        try (InputStream in = Accounts.class.getResourceAsStream("/datasets/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A supervised job with a validation file. */
    SeededJob seedSupport() {
        return emulator.openAi().seedSucceededJob(JobSeed.builder().baseModel(SUPPORT_BASE).suffix("support")
                .trainingData(resource("support-train.jsonl")).validationData(resource("support-valid.jsonl"))
                .epochs(3).build());
    }

    /** A supervised job without a validation file. */
    SeededJob seedBilling() {
        return emulator.openAi().seedSucceededJob(JobSeed.builder().baseModel(BILLING_BASE).suffix("billing")
                .trainingData(resource("billing-train.jsonl")).epochs(2).build());
    }

    /** A job whose training file was deleted after training. */
    SeededJob seedGone() {
        return emulator.openAi().seedSucceededJob(JobSeed.builder().baseModel(SUPPORT_BASE).suffix("gone")
                .trainingData(resource("billing-train.jsonl")).deleteTrainingFile().build());
    }

    /** Azure, the new models served through Developer-tier deployments (deleted after the comparison). */
    Target azureTarget() {
        return Target.builder(azure).serving(new ModelServing() {
            @Override
            public FineTunedModel serve(FineTuneClient client, JobSnapshot job) {
                Deployment d = deployments.deploy(DeploymentRequest.builder().name(deploymentName(job))
                                .fineTunedModel(job).sku(DeploymentSku.DEVELOPER).capacity(1).build(),
                        DeploymentWaitOptions.builder().fixedInterval(FAST).timeout(Duration.ofSeconds(30)).build());
                return deployments.model(client, d);
            }

            @Override
            public void release(FineTuneClient client, JobSnapshot job) {
                deployments.delete(deploymentName(job));
            }
        }).inferencePrices(new InferencePriceTable("azure-test", List.of(
                InferencePrice.of("gpt-4o-mini", ModelKind.FINE_TUNED, "0.165", "0.66"),
                InferencePrice.of("gpt-4.1-mini", ModelKind.FINE_TUNED, "0.88", "3.52")))).build();
    }

    static String deploymentName(JobSnapshot job) {
        String id = job.id().value();
        return "migrated-" + id.substring(Math.max(0, id.length() - 12)).toLowerCase(Locale.ROOT);
    }

    Migration.Builder migration(Path folder) {
        return Migration.builder().folder(folder).source(openAi).target(azureTarget()).waitOptions(WAIT)
                .snapshotOptions(SnapshotOptions.builder().sampleSize(5).build());
    }

    List<RecordedRequest> requests() {
        return emulator.recordedRequests();
    }

    static long count(List<RecordedRequest> requests, String method, Predicate<String> path) {
        return requests.stream().filter(r -> r.method().equals(method) && path.test(r.path())).count();
    }

    @Override
    public void close() {
        deployments.close();
        azure.close();
        openAi.close();
        emulator.close();
    }
}
