package io.github.finetune4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A JDK {@link HttpClient} wrapper for the emulator's Azure routes: the v1 route ({@code /openai/v1}), the dated
 * route ({@code /openai} with {@code api-version} appended to every path) and ARM ({@code /subscriptions/...} with a
 * bearer token). Every request has a timeout.
 */
final class AzureHttp {

    static final String API_VERSION = "2024-10-21";
    static final String ARM_API_VERSION = "2024-10-01";
    static final String DEPLOYMENTS = "/subscriptions/sub-1/resourceGroups/rg-1/providers/"
            + "Microsoft.CognitiveServices/accounts/acct-1/deployments";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String root;
    private final String apiVersion;
    private final String authHeader;
    private final String authValue;

    private AzureHttp(String root, String apiVersion, String authHeader, String authValue) {
        this.root = root;
        this.apiVersion = apiVersion;
        this.authHeader = authHeader;
        this.authValue = authValue;
    }

    /** The dated route with {@code api-version=2024-10-21} and the {@code api-key} header. */
    static AzureHttp dated(FineTuningEmulator emulator) {
        return dated(emulator, API_VERSION);
    }

    /** The dated route with the given {@code api-version} (null for none) and the {@code api-key} header. */
    static AzureHttp dated(FineTuningEmulator emulator, String apiVersion) {
        return new AzureHttp(emulator.azureEndpoint() + "/openai", apiVersion, "api-key", emulator.apiKey());
    }

    /** The v1 route with the {@code api-key} header. */
    static AzureHttp v1(FineTuningEmulator emulator) {
        return new AzureHttp(emulator.azureEndpoint() + "/openai/v1", null, "api-key", emulator.apiKey());
    }

    /** ARM with {@code Authorization: Bearer <apiKey>}; paths start with {@code /subscriptions}. */
    static AzureHttp arm(FineTuningEmulator emulator) {
        return new AzureHttp(emulator.armEndpoint(), ARM_API_VERSION, "Authorization", "Bearer " + emulator.apiKey());
    }

    /** A copy that authenticates with another header, or none when {@code header} is null. */
    AzureHttp auth(String header, String value) {
        return new AzureHttp(root, apiVersion, header, value);
    }

    /** A copy with another {@code api-version}, or none when null. */
    AzureHttp apiVersion(String version) {
        return new AzureHttp(root, version, authHeader, authValue);
    }

    HttpRequest.Builder request(String path) {
        String url = root + path;
        if (apiVersion != null) {
            url += (path.contains("?") ? "&" : "?") + "api-version=" + apiVersion;
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(EmulatorHttp.REQUEST_TIMEOUT);
        return authHeader == null ? builder : builder.header(authHeader, authValue);
    }

    EmulatorHttp.Reply send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new EmulatorHttp.Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    EmulatorHttp.Reply get(String path) {
        return send(request(path).GET().build());
    }

    EmulatorHttp.Reply delete(String path) {
        return send(request(path).DELETE().build());
    }

    EmulatorHttp.Reply post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    EmulatorHttp.Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    EmulatorHttp.Reply put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    EmulatorHttp.Reply upload(String filename, String purpose, byte[] content) {
        String boundary = "----azure-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n" + purpose
                + "\r\n");
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        return send(request("/files").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** Uploads a test dataset with purpose fine-tune and returns the file id; fails on a non-2xx answer. */
    String uploadDataset(String resource) {
        EmulatorHttp.Reply reply = upload(resource, "fine-tune", EmulatorHttp.dataset(resource));
        if (reply.status() / 100 != 2) {
            throw new IllegalStateException("upload failed: " + reply.body());
        }
        return reply.json().get("id").asText();
    }

    /** Creates a job and returns its JSON; fails on a non-2xx answer. */
    JsonNode createJob(String json) {
        EmulatorHttp.Reply reply = post("/fine_tuning/jobs", json);
        if (reply.status() / 100 != 2) {
            throw new IllegalStateException("create failed: " + reply.body());
        }
        return reply.json();
    }

    JsonNode job(String id) {
        return get("/fine_tuning/jobs/" + id).json();
    }

    /** A minimal create-job body for gpt-4o-mini with {@code trainingType} Standard. */
    static String jobBody(String trainingFile) {
        return "{\"model\":\"gpt-4o-mini-2024-07-18\",\"training_file\":\"" + trainingFile
                + "\",\"trainingType\":\"Standard\"}";
    }

    /** An ARM deployment body for a model, with sku Standard and capacity 1. */
    static String deploymentBody(String model) {
        return "{\"sku\":{\"name\":\"Standard\",\"capacity\":1},\"properties\":{\"model\":{\"format\":\"OpenAI\","
                + "\"name\":\"" + model + "\",\"version\":\"1\"}}}";
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
