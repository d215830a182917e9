package io.github.finetune4j.cli.command;

import io.github.finetune4j.azure.identity.AccessToken;
import io.github.finetune4j.azure.deployments.AzureDeployments;
import io.github.finetune4j.azure.identity.ClientSecretCredential;
import io.github.finetune4j.azure.deployments.Deployment;
import io.github.finetune4j.azure.deployments.DeploymentListener;
import io.github.finetune4j.azure.deployments.DeploymentRequest;
import io.github.finetune4j.azure.deployments.DeploymentSku;
import io.github.finetune4j.azure.deployments.DeploymentWaitOptions;
import io.github.finetune4j.cli.CliException;
import io.github.finetune4j.cli.Session;
import io.github.finetune4j.cli.config.ConfigFile;
import io.github.finetune4j.cli.config.Settings;
import io.github.finetune4j.cli.emulator.LocalEmulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code finetune deploy}: creates (or deletes) an Azure OpenAI deployment of a fine-tuned model through Azure
 * Resource Manager. The only class of the command that uses finetune-azure's deployment API.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        header = "Azure OpenAI: deploy a fine-tuned model.", sortOptions = false,
        description = {"Azure OpenAI: deploy a fine-tuned model (a model answers on Azure only through a "
                + "deployment) and wait until it is provisioned. Uses the azure section of finetune.yaml and a "
                + "service principal from AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET.",
            "Standard deployments cost an hourly hosting fee until deleted: finetune deploy --delete NAME."})
final class DeployCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "MODEL", description = "Fine-tuned model (default: the newest model "
            + "trained here).")
    String model;

    @Option(names = "--name", paramLabel = "NAME", description = "Deployment name (default: azure.deployment, "
            + "else the config's suffix, else finetune).")
    String name;

    @Option(names = "--sku", paramLabel = "SKU", description = "Standard, GlobalStandard, DeveloperTier, ... "
            + "(default: azure.sku, else Standard).")
    String sku;

    @Option(names = "--capacity", paramLabel = "N", description = "Capacity in thousands of tokens per minute "
            + "(default: azure.capacity, else 1).")
    Integer capacity;

    @Option(names = "--delete", paramLabel = "NAME", description = "Delete this deployment instead.")
    String delete;

    private final Session session;

    DeployCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Settings settings = session.settings();
        ConfigFile config = settings.config();
        PrintStream out = session.ctx().out();
        boolean emulator = false;
        if (session.provider().equals(Settings.EMULATOR)) {
            throw new CliException("deploy is for Azure OpenAI: provider emulator speaks OpenAI, whose fine-tuned "
                    + "models answer without a deployment (finetune chat MODEL)");
        } else if (!session.provider().startsWith("azure")) {
            throw new CliException("deploy is for Azure OpenAI (provider azure-openai); the provider here is "
                    + session.provider());
        }
        try (AzureDeployments deployments = deployments(config, emulator, settings)) {
            if (delete != null) {
                boolean deleted = deployments.delete(delete);
                out.println(deleted ? "Deleted deployment " + delete : "No deployment " + delete);
                return 0;
            }
            String fineTuned = model != null ? model : session.runs().lastTrained().flatMap(r -> r.model())
                    .orElseThrow(() -> new CliException("no model given and none trained here yet"));
            String deployment = name != null ? name : config.string("azure.deployment")
                    .or(() -> config.string("suffix")).orElse("finetune");
            DeploymentRequest request = DeploymentRequest.builder().name(deployment).model(fineTuned)
                    .sku(DeploymentSku.of(sku != null ? sku : config.string("azure.sku").orElse("Standard")))
                    .capacity(capacity != null ? capacity : config.string("azure.capacity").map(Integer::parseInt)
                            .orElse(1))
                    .build();
            Duration poll = settings.pollInterval(null, emulator);
            Deployment done = deployments.deploy(request, DeploymentWaitOptions.builder()
                    .initialInterval(poll).maxInterval(emulator ? poll : DeploymentWaitOptions.DEFAULT_MAX_INTERVAL)
                    .listener(new DeploymentListener() {
                        @Override
                        public void onCostNotice(Deployment d, String notice) {
                            out.println("  " + notice);
                        }

                        @Override
                        public void onStateChanged(Deployment previous, Deployment current) {
                            out.println("  deployment " + current.name() + ": " + previous.rawState() + " -> "
                                    + current.rawState());
                        }
                    }).build());
            out.println("Deployment " + done.name() + " serves " + done.model() + " (" + done.rawState() + ").");
            out.println("Chat with it: finetune chat " + done.name() + "   Delete it: finetune deploy --delete "
                    + done.name());
            return 0;
        }
    }

    AzureDeployments deployments(ConfigFile config, boolean emulator, Settings settings) {
        AzureDeployments.Builder b = AzureDeployments.builder().clock(session.ctx().clock());
        if (emulator) {
            // The emulator's ARM takes its API key as the bearer token; any subscription and account name work.
            b.armEndpoint(URI.create("http://127.0.0.1:" + settings.emulatorPort(null)))
                    .credential(r -> AccessToken.of(LocalEmulator.API_KEY,
                            session.ctx().clock().instant().plus(Duration.ofHours(1))))
                    .subscriptionId(config.string("azure.subscription-id").orElse("emulator"))
                    .resourceGroup(config.string("azure.resource-group").orElse("emulator"))
                    .accountName(config.string("azure.account-name").orElse("emulator"));
            return b.build();
        }
        config.string("azure.arm-endpoint").ifPresent(arm -> b.armEndpoint(URI.create(arm)));
        return b.subscriptionId(require(config, "azure.subscription-id"))
                .resourceGroup(require(config, "azure.resource-group"))
                .accountName(require(config, "azure.account-name"))
                .credential(ClientSecretCredential.builder().environment(session.environment()).build())
                .build();
    }

    private static String require(ConfigFile config, String key) {
        Optional<String> value = config.string(key);
        return value.orElseThrow(() -> new CliException(config.file().getFileName() + ": " + key + " is required "
                + "for deploy (see the azure section `finetune init` writes)"));
    }
}
