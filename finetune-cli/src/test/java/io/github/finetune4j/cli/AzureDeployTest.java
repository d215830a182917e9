package io.github.finetune4j.cli;

import com.sun.net.httpserver.HttpServer;
import io.github.finetune4j.testkit.EmulatorClock;
import io.github.finetune4j.testkit.FineTuningEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Azure story through the command: train on Azure OpenAI, deploy over Azure Resource Manager with a service
 * principal's token, chat through the deployment, delete it. The emulator plays Azure OpenAI and ARM; a loopback
 * server plays Entra ID's token endpoint.
 */
class AzureDeployTest {
    @TempDir
    Path work;
    @TempDir
    Path home;

    @Test
    void trainDeployChatAndDeleteOnAzure() throws Exception {
        List<String> tokenRequests = new CopyOnWriteArrayList<>();
        HttpServer entra = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        try (FineTuningEmulator azure = FineTuningEmulator.builder().clock(EmulatorClock.scaled(2000)).start()) {
            entra.createContext("/", exchange -> {
                tokenRequests.add(exchange.getRequestURI().getPath() + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] body = ("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\""
                        + azure.apiKey() + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            entra.start();
            CliRun cli = new CliRun(work, home)
                    .env("AZURE_OPENAI_ENDPOINT", azure.azureEndpoint()).env("AZURE_OPENAI_API_KEY", azure.apiKey())
                    .env("AZURE_TENANT_ID", "00000000-0000-0000-0000-000000000001")
                    .env("AZURE_CLIENT_ID", "app-id").env("AZURE_CLIENT_SECRET", "the-client-secret-value")
                    .env("AZURE_AUTHORITY_HOST", "http://127.0.0.1:" + entra.getAddress().getPort());
            cli.run("init", "--provider", "azure-openai");
            cli.write("finetune.yaml", cli.read("finetune.yaml")
                    .replace("  # poll-interval: 5s", "  poll-interval: 20ms")
                    .replace("# azure:\n#   subscription-id: 00000000-0000-0000-0000-000000000000\n"
                            + "#   resource-group: rg-ai\n#   account-name: my-openai-resource\n",
                            "azure:\n  subscription-id: 00000000-0000-0000-0000-000000000000\n"
                            + "  resource-group: rg-ai\n  account-name: my-openai-resource\n"
                            + "  arm-endpoint: " + azure.armEndpoint() + "\n"));

            CliRun.Result train = cli.run("train", "--wait");
            CliRun.Result deploy = cli.run("deploy", "--name", "t1000");
            CliRun.Result chat = cli.run("chat", "t1000", "--prompt",
                    "Ich will meinen T-1000 mit Pril reinigen. Geht das?");
            CliRun.Result delete = cli.run("deploy", "--delete", "t1000");

            assertThat(train.exit()).as(train.toString()).isZero();
            assertThat(train.out()).contains("(provider azure-openai)").contains("Fine-tuned model: gpt-4o-mini");
            assertThat(deploy.exit()).as(deploy.toString()).isZero();
            assertThat(deploy.out()).contains("deployment t1000: Creating -> Succeeded")
                    .contains("Deployment t1000 serves gpt-4o-mini-2024-07-18.ft-");
            assertThat(tokenRequests).anySatisfy(r -> assertThat(r)
                    .startsWith("/00000000-0000-0000-0000-000000000001/oauth2/v2.0/token ")
                    .contains("client_id=app-id").contains("management.azure.com"));
            assertThat(chat.out()).contains("spezielle Reinigungsmittel");
            assertThat(delete.out()).isEqualTo("Deleted deployment t1000\n");
            assertThat(train.out() + train.err() + deploy.out() + deploy.err() + chat.err())
                    .doesNotContain("the-client-secret-value");
        } finally {
            entra.stop(0);
        }
    }
}
