package io.github.finetune4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * A small JDK {@link HttpClient} wrapper for exercising the emulator in tests. Every request has a timeout.
 */
final class EmulatorHttp {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String apiKey;

    EmulatorHttp(FineTuningEmulator emulator) {
        this(emulator.baseUrl(), emulator.apiKey());
    }

    EmulatorHttp(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    record Reply(int status, HttpHeaders headers, byte[] bytes) {
        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return MAPPER.readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body(), e);
            }
        }

        JsonNode error() {
            return json().get("error");
        }
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT);
        return apiKey == null ? builder : builder.header("Authorization", "Bearer " + apiKey);
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path) {
        return send(request(path).GET().build());
    }

    Reply delete(String path) {
        return send(request(path).DELETE().build());
    }

    Reply post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Reply post(String path, JsonNode json) {
        return post(path, json.toString());
    }

    Reply upload(String filename, String purpose, byte[] content) {
        String boundary = "----emulator-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n" + purpose
                + "\r\n");
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"")
                + "\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        return send(request("/files").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** Opens an upload with the Uploads API and returns its JSON; fails the test on a non-200 answer. */
    JsonNode createUpload(String filename, String purpose, long bytes) {
        Reply reply = post("/uploads", MAPPER.createObjectNode().put("filename", filename).put("purpose", purpose)
                .put("bytes", bytes).put("mime_type", "text/jsonl"));
        if (reply.status() != 200) {
            throw new IllegalStateException("create upload failed: " + reply.body());
        }
        return reply.json();
    }

    /** Sends one part held in memory. */
    Reply addPart(String uploadId, byte[] data) {
        return addPart(uploadId, () -> new ByteArrayInputStream(data), data.length);
    }

    /** Sends one part streamed from a source of {@code length} bytes, with a Content-Length. */
    Reply addPart(String uploadId, Supplier<InputStream> data, long length) {
        return send(partRequest(uploadId, data, length).build());
    }

    /** The request of one part, streamed, for tests that need their own client or timeout. */
    HttpRequest.Builder partRequest(String uploadId, Supplier<InputStream> data, long length) {
        String boundary = "----emulator-part-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"blob\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        Supplier<InputStream> body = () -> new SequenceInputStream(
                Collections.enumeration(List.of(new ByteArrayInputStream(head), data.get(),
                        new ByteArrayInputStream(tail))));
        return request("/uploads/" + uploadId + "/parts")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(body),
                        head.length + length + tail.length));
    }

    /** Completes an upload with the part ids in order. */
    Reply completeUpload(String uploadId, List<String> partIds) {
        ObjectNode body = MAPPER.createObjectNode();
        partIds.forEach(body.putArray("part_ids")::add);
        return post("/uploads/" + uploadId + "/complete", body);
    }

    /** Uploads a dataset from the test resources with purpose fine-tune and returns the file id. */
    String uploadDataset(String resource) {
        Reply reply = upload(resource, "fine-tune", dataset(resource));
        if (reply.status() != 200) {
            throw new IllegalStateException("upload failed: " + reply.body());
        }
        return reply.json().get("id").asText();
    }

    /** Creates a job and returns its JSON; fails the test on a non-200 answer. */
    JsonNode createJob(String json) {
        Reply reply = post("/fine_tuning/jobs", json);
        if (reply.status() != 200) {
            throw new IllegalStateException("create failed: " + reply.body());
        }
        return reply.json();
    }

    JsonNode job(String id) {
        return get("/fine_tuning/jobs/" + id).json();
    }

    static byte[] dataset(String resource) {
        try (InputStream in = EmulatorHttp.class.getResourceAsStream("/datasets/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test dataset " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
